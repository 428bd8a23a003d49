import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createDb } from './create-db.ts';
import { cancelledStatement } from './errors.ts';
import { readDbEnv } from './env.ts';
import { testDatabases } from './testing/index.ts';

describe('embedded PGlite housekeeping', () => {
  it('vacuums and analyzes the tables whose rows change, as autovacuum would on a server', async () => {
    const handle = await createDb({ dataDir: 'memory://' });
    try {
      await handle.migrate();
      const stats = () =>
        handle.query<{ relname: string; vacuumed: boolean; analyzed: boolean }>(
          `select relname, last_vacuum is not null as vacuumed, last_analyze is not null as analyzed
           from pg_stat_user_tables where relname in ('trial', 'study', 'runner', 'session', 'metric') order by relname`,
        );
      expect((await stats()).filter((row) => row.vacuumed || row.analyzed)).toEqual([]);
      await handle.maintain();
      expect(await stats()).toEqual([
        { relname: 'metric', vacuumed: false, analyzed: true },
        { relname: 'runner', vacuumed: true, analyzed: true },
        { relname: 'session', vacuumed: true, analyzed: true },
        { relname: 'study', vacuumed: true, analyzed: true },
        { relname: 'trial', vacuumed: true, analyzed: true },
      ]);
    } finally {
      await handle.close();
    }
  }, 60_000);
});

describe('database settings', () => {
  it('default to embedded PGlite in ./.data/pglite', () => {
    const env = readDbEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.TUNEBOARD_DATA_DIR).toBe(path.resolve('.data/pglite'));
  });

  it('resolve a relative data folder from the folder npm was started in', () => {
    const env = readDbEnv({ INIT_CWD: '/srv/tuneboard', TUNEBOARD_DATA_DIR: 'data/db' });
    expect(env.TUNEBOARD_DATA_DIR).toBe('/srv/tuneboard/data/db');
    expect(readDbEnv({ INIT_CWD: '/srv', TUNEBOARD_DATA_DIR: 'memory://' }).TUNEBOARD_DATA_DIR).toBe('memory://');
  });

  it('name the variable and the value when DATABASE_URL is not a Postgres URL', () => {
    expect(() => readDbEnv({ DATABASE_URL: 'mysql://x' })).toThrow(
      'Invalid DATABASE_URL="mysql://x": DATABASE_URL must start with postgres:// or postgresql://',
    );
  });

  it('name the variable and the value when the pool size is not a number', () => {
    expect(() => readDbEnv({ DATABASE_POOL_SIZE: 'many' })).toThrow(/Invalid DATABASE_POOL_SIZE="many"/);
  });

  it('bound user queries to 5 s and the runner protocol to 30 s on a pool of 5 of its own by default', () => {
    expect(readDbEnv({})).toMatchObject({
      TUNEBOARD_STATEMENT_TIMEOUT_MS: 5_000,
      TUNEBOARD_PROTOCOL_STATEMENT_TIMEOUT_MS: 30_000,
      DATABASE_PROTOCOL_POOL_SIZE: 5,
    });
    expect(() => readDbEnv({ TUNEBOARD_STATEMENT_TIMEOUT_MS: '-1' })).toThrow(/Invalid TUNEBOARD_STATEMENT_TIMEOUT_MS="-1"/);
  });
});

const postgres = testDatabases.find((target) => target.name === 'postgres');
if (postgres) {
  describe('Postgres connections [postgres]', () => {
    it('give user queries and the runner protocol separate pools, each with its statement timeout', async () => {
      const empty = await postgres.createEmpty();
      const handle = await createDb({ url: empty.url, poolSize: 1, protocolPoolSize: 1, statementTimeoutMs: 250, protocolStatementTimeoutMs: 0 });
      try {
        await handle.migrate();
        const rows = async (result: Promise<unknown>) => ((await result) as { rows: unknown[] }).rows;
        const timeout = async (db: typeof handle.db) => (await rows(db.execute(sql`show statement_timeout`)))[0];
        expect(await timeout(handle.db)).toEqual({ statement_timeout: '250ms' });
        expect(await timeout(handle.protocolDb)).toEqual({ statement_timeout: '0' });
        // The one user-query connection is busy past its timeout; the protocol pool answers meanwhile.
        const slow = handle.db.execute(sql`select pg_sleep(2)`).then(() => 'finished', (error: unknown) => cancelledStatement(error));
        expect(await rows(handle.protocolDb.execute(sql`select 1 as one`))).toEqual([{ one: 1 }]);
        expect(await slow).toBe('timeout');
        // A cancellable view: an aborted request's statement is cancelled, and later ones do not start.
        const request = new AbortController();
        const db = handle.cancellable(request.signal);
        const running = db.execute(sql`select pg_sleep(0.2) from generate_series(1, 5)`).then(() => 'finished', (error: unknown) => cancelledStatement(error));
        setTimeout(() => request.abort(), 100);
        expect(await running).toBe('cancelled');
        expect(await db.execute(sql`select 1`).then(() => 'finished', (error: unknown) => cancelledStatement(error))).toBe('cancelled');
      } finally {
        await handle.close();
        await empty.drop();
      }
    });

    it('survive the server dropping every connection, as in a restart, without crashing the process', async () => {
      const empty = await postgres.createEmpty();
      const errors: Error[] = [];
      const handle = await createDb({ url: empty.url, poolSize: 3, onError: (error) => errors.push(error) });
      try {
        await handle.migrate();
        // Hold connections idle in the pool, then have the server terminate them.
        await Promise.all([1, 2, 3].map(() => handle.query('select pg_sleep(0.05)')));
        const admin = await createDb({ url: empty.url.replace(/\/[^/]+$/, '/postgres'), poolSize: 1 });
        await admin.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [new URL(empty.url).pathname.slice(1)],
        );
        await admin.close();
        await expect.poll(() => errors.length).toBeGreaterThan(0);
        // A query may still meet a connection that has not yet noticed it was dropped; the pool discards it
        // and the next query gets a fresh connection.
        await expect
          .poll(() => handle.query<{ n: number }>('select count(*)::int as n from team').then(
            (rows) => rows[0]?.n,
            () => 'failed',
          ))
          .toBe(0);
      } finally {
        await handle.close();
        await empty.drop();
      }
    });
  });
}
