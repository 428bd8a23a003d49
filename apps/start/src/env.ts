// The launcher's environment, read once and validated. Flags on the command line override each setting.
import { optionalText, readEnv } from '@tuneboard/contract/env';
import { z } from 'zod';

const schema = z.object({
  /** Port of the GraphQL API (default 4000). */
  TUNEBOARD_API_PORT: optionalText,
  /** Port of the dashboard (default 3000). */
  TUNEBOARD_WEB_PORT: optionalText,
  /** Folder of the launcher's state and the embedded database (default `.data` at the repository root). */
  TUNEBOARD_START_DIR: optionalText,
  /** `1`/`true`: start the API and the runner only (no dashboard build or server). */
  TUNEBOARD_NO_WEB: optionalText,
  /**
   * The dashboard build folder inside apps/web (`NEXT_DIST_DIR`), default `.next`: the one `npm run build` and
   * the browser tests use too (the build does not depend on the API address, so all can share it).
   */
  TUNEBOARD_WEB_DIST_DIR: z
    .string()
    .regex(/^\.next(-[a-z0-9-]+)?$/, 'must be .next or look like .next-<name>')
    .default('.next'),
  /** A Postgres to use instead of embedded PGlite; passed through to the API untouched. */
  DATABASE_URL: optionalText,
  /** Where `npm start` was typed (npm sets it); relative folders start there. */
  INIT_CWD: optionalText,
});

export type StartEnv = z.infer<typeof schema>;

export function readStartEnv(source: Record<string, string | undefined> = process.env): StartEnv {
  return readEnv(schema, source);
}

/** The environment children inherit (the API, dashboard and runner read their own settings from it). */
export function inheritedEnvironment(): Record<string, string | undefined> {
  return { ...process.env };
}
