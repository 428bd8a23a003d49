import { z } from 'zod';

/** Settings for the browser tests. */
const parsed = z
  .object({
    /** Chromium to drive; Debian's package puts it here (`.ci/run` installs it when missing). */
    TUNEBOARD_E2E_CHROMIUM: z.string().default('/usr/bin/chromium'),
    /** Show the browser instead of running headless (for debugging a test by hand). */
    TUNEBOARD_E2E_HEADED: z.enum(['0', '1']).default('0'),
    /**
     * The API port of the test stack. Fixed because Next bakes its `/graphql` rewrite into the build: the test
     * build (and any stack started from it) points at this port.
     */
    TUNEBOARD_E2E_API_PORT: z.coerce.number().int().min(1).max(65535).default(4517),
    /** The dashboard build folder for tests, inside apps/web (`NEXT_DIST_DIR`). */
    TUNEBOARD_E2E_DIST_DIR: z.string().regex(/^\.next-[a-z0-9-]+$/, 'must look like .next-<name>').default('.next-e2e'),
    /** 1: rebuild the dashboard even when a test build exists (after changing apps/web). */
    TUNEBOARD_E2E_REBUILD: z.enum(['0', '1']).default('0'),
    /** 1: print the API's, dashboard's and runner's output (for debugging). */
    TUNEBOARD_E2E_VERBOSE: z.enum(['0', '1']).default('0'),
  })
  .parse(process.env);

export const env = {
  chromium: parsed.TUNEBOARD_E2E_CHROMIUM,
  headed: parsed.TUNEBOARD_E2E_HEADED === '1',
  apiPort: parsed.TUNEBOARD_E2E_API_PORT,
  distDir: parsed.TUNEBOARD_E2E_DIST_DIR,
  rebuild: parsed.TUNEBOARD_E2E_REBUILD === '1',
  verbose: parsed.TUNEBOARD_E2E_VERBOSE === '1',
  /** What the children inherit: PATH, HOME and the like (their own settings are passed explicitly). */
  base: { ...process.env },
};
