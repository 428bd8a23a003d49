import { readEnv } from '@tuneboard/contract/env';
import { z } from 'zod';

/** Settings for the browser tests. */
const parsed = readEnv(
  z.object({
    /** Chromium to drive; Debian's package puts it here (`.ci/run` installs it when missing). */
    TUNEBOARD_E2E_CHROMIUM: z.string().default('/usr/bin/chromium'),
    /** Show the browser instead of running headless (for debugging a test by hand). */
    TUNEBOARD_E2E_HEADED: z.enum(['0', '1']).default('0'),
    /**
     * The dashboard build folder inside apps/web, the same variable `next build` reads: by default `.next`, the
     * build `npm run build -w @tuneboard/web` (and `npm start`) make and use.
     */
    NEXT_DIST_DIR: z.string().regex(/^\.next(-[a-z0-9-]+)?$/, 'must be .next or look like .next-<name>').default('.next'),
    /** 1: rebuild the dashboard once before the specs even when its build is current. */
    TUNEBOARD_E2E_REBUILD: z.enum(['0', '1']).default('0'),
    /** 1: print the API's, dashboard's and runner's output (for debugging). */
    TUNEBOARD_E2E_VERBOSE: z.enum(['0', '1']).default('0'),
  }),
  process.env,
);

export const env = {
  chromium: parsed.TUNEBOARD_E2E_CHROMIUM,
  headed: parsed.TUNEBOARD_E2E_HEADED === '1',
  distDir: parsed.NEXT_DIST_DIR,
  rebuild: parsed.TUNEBOARD_E2E_REBUILD === '1',
  verbose: parsed.TUNEBOARD_E2E_VERBOSE === '1',
  /** What the children inherit: PATH, HOME and the like (their own settings are passed explicitly). */
  base: { ...process.env },
};
