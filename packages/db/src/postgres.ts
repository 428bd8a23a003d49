import { drizzle as drizzlePg, NodePgDatabase, NodePgDriver } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Database, DbHandle, Schema } from './handle.ts';
import { MIGRATION_LOCK_KEY, diffApplied, migrationNames, migrationsFolder, pendingMigrations } from './migrations.ts';
import { PostgresListener } from './postgres-listener.ts';
import * as schema from './schema/index.ts';

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres';
  }
}

export interface PoolSettings {
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

export function openPostgres(
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
