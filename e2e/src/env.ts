import { z } from 'zod';

/** Settings for the browser tests. */
const parsed = z
  .object({
    /** Chromium to drive; Debian's package puts it here (`.ci/run` installs it when missing). */
    TUNEBOARD_E2E_CHROMIUM: z.string().default('/usr/bin/chromium'),
    /** Show the browser instead of running headless (for debugging a test by hand). */
    TUNEBOARD_E2E_HEADED: z.enum(['0', '1']).default('0'),
  })
  .parse(process.env);

export const env = {
  chromium: parsed.TUNEBOARD_E2E_CHROMIUM,
  headed: parsed.TUNEBOARD_E2E_HEADED === '1',
};
