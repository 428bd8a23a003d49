import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { lockDataFolder } from './folder-lock.ts';
import type { Database, DbHandle } from './handle.ts';
import { diffApplied, migrationNames, migrationsFolder, pendingMigrations } from './migrations.ts';
import * as schema from './schema/index.ts';

/** What `maintain()` runs on PGlite: trials, studies, runners and sessions are updated; metric points only added. */
const MAINTENANCE_SQL = ['VACUUM (ANALYZE) trial, study, runner, session', 'ANALYZE metric'];

export async function openPglite(dataDir: string): Promise<DbHandle> {
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
