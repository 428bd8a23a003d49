import { readDbEnv } from './env.ts';
import type { DbHandle } from './handle.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export type { Database, DbHandle, MigrateResult, PoolStats, Schema } from './handle.ts';
export { migrationsFolder } from './migrations.ts';

export interface CreateDbOptions {
  /** Postgres connection string; default `DATABASE_URL`. Without one, embedded PGlite is used. */
  url?: string;
  /** PGlite data folder, or `memory://` for a throw-away database; default `TUNEBOARD_DATA_DIR`. */
  dataDir?: string;
  /** node-postgres pool size; default `DATABASE_POOL_SIZE` (10). */
  poolSize?: number;
  /** Size of the runner protocol's own pool; default `DATABASE_PROTOCOL_POOL_SIZE` (5). */
  protocolPoolSize?: number;
  /** `statement_timeout` (ms, 0: none) of `db`'s connections; default `TUNEBOARD_STATEMENT_TIMEOUT_MS` (5,000). */
  statementTimeoutMs?: number;
  /** `statement_timeout` of `protocolDb`'s connections; default `TUNEBOARD_PROTOCOL_STATEMENT_TIMEOUT_MS` (30,000). */
  protocolStatementTimeoutMs?: number;
  /** Where connection errors are reported instead of crashing the process; default stderr. */
  onError?: (error: Error) => void;
}

function defaultOnError(error: Error): void {
  process.stderr.write(`[tuneboard/db] connection error (will reconnect on next use): ${error.message}\n`);
}

/**
 * Opens the database: node-postgres when a URL is given (or `DATABASE_URL` is set), embedded PGlite on a
 * data folder otherwise. Call `migrate()` before first use.
 */
export async function createDb(options: CreateDbOptions = {}): Promise<DbHandle> {
  const env = readDbEnv();
  const url = options.url ?? env.DATABASE_URL;
  const onError = options.onError ?? defaultOnError;
  return url
    ? openPostgres(url, {
        reads: { size: options.poolSize ?? env.DATABASE_POOL_SIZE, timeoutMs: options.statementTimeoutMs ?? env.TUNEBOARD_STATEMENT_TIMEOUT_MS },
        protocol: {
          size: options.protocolPoolSize ?? env.DATABASE_PROTOCOL_POOL_SIZE,
          timeoutMs: options.protocolStatementTimeoutMs ?? env.TUNEBOARD_PROTOCOL_STATEMENT_TIMEOUT_MS,
        },
        onError,
      })
    : openPglite(options.dataDir ?? env.TUNEBOARD_DATA_DIR);
}
