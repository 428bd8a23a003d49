import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The drizzle database, the same type over PGlite and node-postgres. */
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface MigrateResult {
  /** Names of the migrations this call applied (empty when the database was up to date). */
  applied: string[];
}

export interface DbHandle {
  /** For user queries (the dashboard's reads and writes); on Postgres each statement is bounded by `statement_timeout`. */
  db: Database;
  /**
   * For the runner protocol (claim, report, finish, top-up, the lease reaper): on Postgres a pool of its own with
   * its own (longer) statement timeout, so however many expensive reads hold `db`'s connections, runners are
   * served. On PGlite, one session: `db` itself.
   */
  protocolDb: Database;
  /**
   * `db`, with every statement it runs cancelled (`pg_cancel_backend`) when `signal` aborts and none started
   * after: for a request whose client has gone. On PGlite, where a statement cannot be interrupted, `db`.
   */
  cancellable(signal: AbortSignal): Database;
  kind: 'pglite' | 'postgres';
  /** Where the data lives: the PGlite folder, or the Postgres URL without its password. */
  location: string;
  /** Applies the committed migrations under an advisory lock; safe to call from many processes at once. */
  migrate(): Promise<MigrateResult>;
  /** Runs one SQL statement with parameters and returns its rows. */
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /**
   * LISTENs on a channel; `onPayload` gets every NOTIFY payload sent by any process on this database.
   * On Postgres one dedicated connection carries every channel and reconnects (with backoff) when it drops.
   * Resolves to the function that stops listening.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** Sends a NOTIFY (payloads over 8,000 bytes are refused by Postgres). */
  notify(channel: string, payload: string): Promise<void>;
  /**
   * Housekeeping that autovacuum does on a Postgres server but nobody does in PGlite (one session, no
   * background workers): VACUUM (ANALYZE) of the tables whose rows change, ANALYZE of the append-only metric
   * table. Without it an embedded database keeps every dead row version of a long study and plans on the
   * statistics of its first minutes. A no-op on Postgres. The API's sweep calls it now and then.
   */
  maintain(): Promise<void>;
  /** Committed migrations not applied to this database yet (by tag): empty when it is up to date. For readiness. */
  pendingMigrations(): Promise<string[]>;
  /** Connections of each pool now (Postgres: `reads` and `protocol`; PGlite: none). For metrics. */
  poolStats(): PoolStats[];
  close(): Promise<void>;
}

export interface PoolStats {
  pool: 'reads' | 'protocol';
  /** Connections open, idle among them, and callers waiting for one. */
  total: number;
  idle: number;
  waiting: number;
  max: number;
}
