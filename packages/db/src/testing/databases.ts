import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type DbHandle } from '../create-db.ts';
import { testEnv } from './env.ts';

export interface TestDatabaseTarget {
  /** `pglite` or `postgres`: put it in describe names so reports can count each half. */
  name: 'pglite' | 'postgres';
  /** A fresh, migrated database; `close()` also drops it. */
  create(): Promise<DbHandle>;
  /** For tests that need several connections (e.g. processes) to one fresh database. */
  createEmpty(): Promise<{ url: string; drop(): Promise<void> }>;
}

const postgresUrl = testEnv.TEST_DATABASE_URL || undefined;

/** How to turn on the Postgres half of the database tests. */
export const postgresHint =
  'Postgres half skipped: TEST_DATABASE_URL is not set. To run every database test on Postgres too: ' +
  'TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test';

async function createEmptyPostgres(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `tb_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

const pglite: TestDatabaseTarget = {
  name: 'pglite',
  async create() {
    const handle = await createDb({ dataDir: 'memory://' });
    await handle.migrate();
    return handle;
  },
  async createEmpty() {
    throw new Error('createEmpty() is for Postgres: PGlite has one connection per process');
  },
};

function postgres(baseUrl: string): TestDatabaseTarget {
  return {
    name: 'postgres',
    async create() {
      const empty = await createEmptyPostgres(baseUrl);
      const handle = await createDb({ url: empty.url, poolSize: 4 });
      await handle.migrate();
      return {
        ...handle,
        async close() {
          await handle.close();
          await empty.drop();
        },
      };
    },
    createEmpty: () => createEmptyPostgres(baseUrl),
  };
}

/** The databases every database test runs on: PGlite always, Postgres when `TEST_DATABASE_URL` is set. */
export const testDatabases: TestDatabaseTarget[] = postgresUrl ? [pglite, postgres(postgresUrl)] : [pglite];
