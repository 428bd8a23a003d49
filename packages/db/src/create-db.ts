import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle as drizzlePg, NodePgDatabase, NodePgDriver } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { readDbEnv } from './env';
import { lockDataFolder } from './folder-lock';
import * as schema from './schema';

export type Schema = typeof schema;
/** The drizzle database, the same type over PGlite and node-postgres. */
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

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

/** What `maintain()` runs on PGlite: trials, studies, runners and sessions are updated; metric points only added. */
const MAINTENANCE_SQL = ['VACUUM (ANALYZE) trial, study, runner, session', 'ANALYZE metric'];

export const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

/** A fixed key for `pg_advisory_lock` so every process migrating one database queues on the same lock. */
const MIGRATION_LOCK_KEY = 727_274_001;

function defaultOnError(error: Error): void {
  process.stderr.write(`[tuneboard/db] connection error (will reconnect on next use): ${error.message}\n`);
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres';
  }
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

async function migrationNames(query: DbHandle['query']): Promise<Set<string>> {
  const exists = await query<{ ok: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as ok`,
  );
  if (!exists[0]?.ok) return new Set();
  const rows = await query<{ hash: string }>('select hash from drizzle.__drizzle_migrations');
  return new Set(rows.map((row) => row.hash));
}

async function pendingMigrations(query: DbHandle['query']): Promise<string[]> {
  const applied = await migrationNames(query);
  return readJournal()
    .filter((entry) => !applied.has(entry.hash))
    .map((entry) => entry.tag);
}

async function diffApplied(before: Set<string>, query: DbHandle['query']): Promise<string[]> {
  const after = await migrationNames(query);
  const journal = readJournal();
  return journal.filter((entry) => after.has(entry.hash) && !before.has(entry.hash)).map((e) => e.tag);
}

function readJournal(): { tag: string; hash: string }[] {
  const files = readMigrationFiles({ migrationsFolder });
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
    entries: { tag: string }[];
  };
  return files.map((file, i) => ({ tag: journal.entries[i]?.tag ?? `#${i}`, hash: file.hash }));
}

interface PoolSettings {
  size: number;
  /** `statement_timeout` of every connection, set at connection start-up; 0 for none. */
  timeoutMs: number;
}

function openPool(url: string, settings: PoolSettings, onError: (error: Error) => void): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: settings.size,
    ...(settings.timeoutMs > 0 ? { options: `-c statement_timeout=${settings.timeoutMs}` } : {}),
  });
  // An idle client that loses its server emits `error` on the pool; a checked-out one emits it on itself.
  // Unhandled, either would crash the process on a Postgres restart.
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  return pool;
}

/**
 * A view of `pool` (still a `pg.Pool` to drizzle, so transactions check out one client) that remembers which
 * clients run this caller's statements. When `signal` aborts, each is cancelled with `pg_cancel_backend`
 * (sent over `cancelPool`, so a full pool cannot delay it), and later statements fail without running.
 */
function cancellablePool(pool: pg.Pool, cancelPool: pg.Pool, signal: AbortSignal, onError: (error: Error) => void): pg.Pool {
  const busy = new Set<pg.PoolClient>();
  const cancel = () => {
    for (const client of busy) {
      const pid = (client as unknown as { processID?: number }).processID;
      if (pid) cancelPool.query('select pg_cancel_backend($1)', [pid]).catch(onError);
    }
  };
  signal.addEventListener(
    'abort',
    () => {
      cancel();
      // A client checked out whose statement had not reached the server yet ignores the cancel: repeat it
      // until every client of the request is back in the pool.
      const again = setInterval(() => (busy.size > 0 ? cancel() : clearInterval(again)), 200);
      again.unref();
    },
    { once: true },
  );
  const view = Object.create(pool) as pg.Pool;
  const connect = async (): Promise<pg.PoolClient> => {
    signal.throwIfAborted();
    const client = await pool.connect();
    if (signal.aborted) {
      client.release();
      signal.throwIfAborted();
    }
    busy.add(client);
    const release = client.release;
    client.release = (error?: Error | boolean) => {
      busy.delete(client);
      client.release = release;
      return release.call(client, error);
    };
    return client;
  };
  Object.assign(view, {
    connect,
    async query(...args: unknown[]) {
      const client = await connect();
      try {
        return await (client.query as (...a: unknown[]) => Promise<unknown>)(...args);
      } finally {
        client.release();
      }
    },
  });
  return view;
}

/**
 * `db` over another client, sharing its dialect and relational schema: `drizzle()` itself rebuilds the schema's
 * relational config (half a millisecond), too much for every request.
 */
function rebind(db: Database, client: pg.Pool): Database {
  const internals = db as unknown as {
    dialect: ConstructorParameters<typeof NodePgDriver>[1];
    _: { schema: unknown; fullSchema: Schema; tableNamesMap: Record<string, string> };
  };
  const relational = { schema: internals._.schema, fullSchema: internals._.fullSchema, tableNamesMap: internals._.tableNamesMap };
  const session = new NodePgDriver(client, internals.dialect).createSession(relational as never);
  const bound = new NodePgDatabase(internals.dialect, session, relational as never) as unknown as Database & { $client: pg.Pool };
  bound.$client = client;
  return bound;
}

function openPostgres(
  url: string,
  settings: { reads: PoolSettings; protocol: PoolSettings; onError: (error: Error) => void },
): DbHandle {
  const { onError } = settings;
  const pool = openPool(url, settings.reads, onError);
  const protocolPool = openPool(url, settings.protocol, onError);
  const db = drizzlePg({ client: pool, schema }) as unknown as Database;
  const protocolDb = drizzlePg({ client: protocolPool, schema }) as unknown as Database;
  const query: DbHandle['query'] = async <Row>(text: string, params?: unknown[]) =>
    (await pool.query(text, params)).rows as Row[];

  const listener = new PostgresListener(url, onError);
  return {
    db,
    protocolDb,
    cancellable: (signal) => rebind(db, cancellablePool(pool, protocolPool, signal, onError)),
    kind: 'postgres',
    location: redact(url),
    query,
    listen: (channel, onPayload) => listener.listen(channel, onPayload),
    async notify(channel, payload) {
      await pool.query('select pg_notify($1, $2)', [channel, payload]);
    },
    async maintain() {
      // Autovacuum's job on a server (docs/deploy.md: keep it on).
    },
    pendingMigrations: () => pendingMigrations(query),
    poolStats: () =>
      (
        [
          ['reads', pool, settings.reads.size],
          ['protocol', protocolPool, settings.protocol.size],
        ] as const
      ).map(([name, p, max]) => ({ pool: name, total: p.totalCount, idle: p.idleCount, waiting: p.waitingCount, max })),
    async migrate() {
      const client = await pool.connect();
      try {
        // A migration may take longer than a user query is allowed to; the session's default comes back after.
        await client.query('set statement_timeout = 0');
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        try {
          const scoped: DbHandle['query'] = async <Row>(text: string, params?: unknown[]) =>
            (await client.query(text, params)).rows as Row[];
          const before = await migrationNames(scoped);
          await migratePg(drizzlePg({ client }), { migrationsFolder });
          return { applied: await diffApplied(before, scoped) };
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
          await client.query('reset statement_timeout');
        }
      } finally {
        client.release();
      }
    },
    async close() {
      await listener.close();
      await Promise.all([pool.end(), protocolPool.end()]);
    },
  };
}

async function openPglite(dataDir: string): Promise<DbHandle> {
  const inMemory = dataDir.startsWith('memory://');
  const release = inMemory ? () => {} : lockDataFolder(dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create(dataDir);
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  const query: DbHandle['query'] = async <Row>(text: string, params?: unknown[]) =>
    (await client.query<Row>(text, params)).rows;
  // PGlite is one session, where advisory locks are re-entrant: queue this handle's migrations in-process.
  let queue: Promise<unknown> = Promise.resolve();

  return {
    db,
    // One session, where statements run one at a time and cannot be interrupted (no `statement_timeout`
    // either: PGlite has no timer signals); the API's limits on a query's size are what bound it here.
    protocolDb: db,
    cancellable: () => db,
    kind: 'pglite',
    location: dataDir,
    query,
    async listen(channel, onPayload) {
      const stop = await client.listen(channel, onPayload);
      return async () => {
        if (!client.closed) await stop();
      };
    },
    async notify(channel, payload) {
      await client.query('select pg_notify($1, $2)', [channel, payload]);
    },
    async maintain() {
      // One statement each: several in one string would run as one transaction, where VACUUM cannot.
      for (const statement of MAINTENANCE_SQL) await client.query(statement);
    },
    pendingMigrations: () => pendingMigrations(query),
    poolStats: () => [],
    migrate() {
      const run = queue.then(async () => {
        const before = await migrationNames(query);
        await migratePglite(drizzlePglite({ client }), { migrationsFolder });
        return { applied: await diffApplied(before, query) };
      });
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

/** One LISTEN connection for all channels of a handle, re-established after a drop. */
class PostgresListener {
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client> | undefined;
  private readonly handlers = new Map<string, Set<(payload: string) => void>>();
  private closed = false;
  private retryDelay = 100;

  constructor(
    private readonly url: string,
    private readonly onError: (error: Error) => void,
  ) {}

  async listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
    let set = this.handlers.get(channel);
    const isNew = !set;
    if (!set) this.handlers.set(channel, (set = new Set()));
    set.add(onPayload);
    const client = await this.connect();
    if (isNew) await client.query(`listen ${pg.escapeIdentifier(channel)}`);
    return async () => {
      set.delete(onPayload);
      if (set.size > 0 || this.handlers.get(channel) !== set) return;
      this.handlers.delete(channel);
      if (this.client && !this.closed) {
        await this.client.query(`unlisten ${pg.escapeIdentifier(channel)}`).catch(() => undefined);
      }
    };
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.url });
      client.on('notification', (message) => {
        for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? '');
      });
      client.on('error', (error) => {
        this.onError(error);
        this.dropped(client);
      });
      client.on('end', () => this.dropped(client));
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`listen ${pg.escapeIdentifier(channel)}`);
      this.client = client;
      this.retryDelay = 100;
      return client;
    })().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private dropped(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    if (this.closed) return;
    const retry = (): void => {
      if (this.closed || this.client || this.handlers.size === 0) return;
      this.connect().catch((error: Error) => {
        this.onError(error);
        this.retryDelay = Math.min(this.retryDelay * 2, 5_000);
        setTimeout(retry, this.retryDelay).unref();
      });
    };
    setTimeout(retry, this.retryDelay).unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client ?? (await this.connecting?.catch(() => undefined));
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
