import path from 'node:path';
import { readEnv } from '@tuneboard/contract/env';
import { z } from 'zod';

/** The database settings this package reads from the environment, validated once. */
const schema = z.object({
  /** Postgres connection string. Unset: embedded PGlite on `TUNEBOARD_DATA_DIR`. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /**
   * Where embedded PGlite keeps its data. Relative paths start at the folder npm was run from (INIT_CWD), so
   * `npm start` at the repository root uses `./.data/pglite` there, not inside the workspace it delegates to.
   */
  TUNEBOARD_DATA_DIR: z.string().min(1).default('./.data/pglite'),
  INIT_CWD: z.string().optional(),
  /** Connections in the node-postgres pool. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * Connections in the runner protocol's own pool (claims, reports, finishes, top-ups, the lease reaper), so
   * dashboard reads can never starve runners.
   */
  DATABASE_PROTOCOL_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(5),
  /** `statement_timeout` of the connections that serve user queries (dashboard reads and writes); 0: none. */
  TUNEBOARD_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(86_400_000).default(5_000),
  /** `statement_timeout` of the runner protocol's connections; 0: none. */
  TUNEBOARD_PROTOCOL_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(86_400_000).default(30_000),
});

export type DbEnv = Omit<z.infer<typeof schema>, 'INIT_CWD'>;

export function readDbEnv(source: Record<string, string | undefined> = process.env): DbEnv {
  const { INIT_CWD, ...env } = readEnv(schema, source);
  const dataDir =
    env.TUNEBOARD_DATA_DIR.startsWith('memory://') || path.isAbsolute(env.TUNEBOARD_DATA_DIR)
      ? env.TUNEBOARD_DATA_DIR
      : path.resolve(INIT_CWD ?? process.cwd(), env.TUNEBOARD_DATA_DIR);
  return { ...env, TUNEBOARD_DATA_DIR: dataDir };
}
