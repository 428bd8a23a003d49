import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDb, migrationsFolder } from './create-db.ts';
import { finished, startFixture } from './testing/run-fixture.ts';
import { testDatabases } from './testing/index.ts';

/** Every committed migration, in order, as drizzle-kit recorded them. */
const migrations = (
  JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as { entries: { tag: string }[] }
).entries.map((entry) => entry.tag);

const tables = [
  'user',
  'session',
  'team',
  'membership',
  'api_token',
  'invitation',
  'auth_attempt',
  'setting',
  'project',
  'study',
  'trial',
  'metric',
  'trial_log',
  'trial_attempt',
  'artifact',
  'model_evaluation',
  'runner',
];

async function tableNames(handle: { query: <R>(t: string) => Promise<R[]> }): Promise<string[]> {
  const rows = await handle.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = 'public' order by 1`,
  );
  return rows.map((row) => row.name);
}

describe.each(testDatabases)('migrations [$name]', (target) => {
  it('knows the committed migrations, the first being the initial schema', () => {
    expect(migrations[0]).toBe('0000_init');
    expect(migrations).toContain('0001_metric_without_row_fk');
  });

  it('creates every table of the data model and records each migration once', async () => {
    const handle = await target.create();
    try {
      expect(await tableNames(handle)).toEqual([...tables].sort());
      const recorded = await handle.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
      expect(recorded[0]?.n).toBe(migrations.length);
    } finally {
      await handle.close();
    }
  });

  it('re-running migrate applies nothing and keeps existing rows', async () => {
    const handle = await target.create();
    try {
      await handle.query(`insert into team (name, slug) values ('Keep', 'keep')`);
      expect(await handle.migrate()).toEqual({ applied: [] });
      const rows = await handle.query<{ slug: string }>('select slug from team');
      expect(rows.map((row) => row.slug)).toEqual(['keep']);
    } finally {
      await handle.close();
    }
  });
});

describe('pending migrations (readiness) [pglite]', () => {
  it('lists every committed migration before migrate() and none after', async () => {
    const handle = await createDb({ dataDir: 'memory://' });
    try {
      expect(await handle.pendingMigrations()).toEqual(migrations);
      await handle.migrate();
      expect(await handle.pendingMigrations()).toEqual([]);
      await handle.query(`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)`);
      expect(await handle.pendingMigrations()).toEqual([migrations.at(-1)]);
    } finally {
      await handle.close();
    }
  });
});

describe('concurrent migrate [pglite]', () => {
  it('ten concurrent migrate() calls on one fresh database apply each migration exactly once', async () => {
    const handle = await createDb({ dataDir: 'memory://' });
    try {
      const results = await Promise.all(Array.from({ length: 10 }, () => handle.migrate()));
      const applied = results.flatMap((result) => result.applied);
      expect(applied).toEqual(migrations);
      expect(await tableNames(handle)).toEqual([...tables].sort());
    } finally {
      await handle.close();
    }
  });
});

const postgres = testDatabases.find((target) => target.name === 'postgres');
if (postgres) {
  describe('concurrent migrate [postgres]', () => {
    it('ten processes booting at once on an empty database apply each migration exactly once', async () => {
      const empty = await postgres.createEmpty();
      try {
        const runs = await Promise.all(
          Array.from({ length: 10 }, () => finished(startFixture('migrate-once', [empty.url]))),
        );
        for (const run of runs) expect(run.code, run.stderr).toBe(0);
        const applied = runs.flatMap((run) => (JSON.parse(run.stdout.trim()) as { applied: string[] }).applied);
        expect(applied).toEqual(migrations);
        const handle = await createDb({ url: empty.url, poolSize: 1 });
        try {
          expect(await tableNames(handle)).toEqual([...tables].sort());
          const recorded = await handle.query<{ n: number }>(
            'select count(*)::int as n from drizzle.__drizzle_migrations',
          );
          expect(recorded[0]?.n).toBe(migrations.length);
        } finally {
          await handle.close();
        }
      } finally {
        await empty.drop();
      }
    });
  });
}
