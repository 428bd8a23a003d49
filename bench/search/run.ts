// npm run bench:search [-- --db postgres|pglite|both --studies 1000 --trials-per-study 1000 --queries 100
//   --database-url postgres://… --keep --only 'searchTrials: tag']
// Issue #19 item 2: the team search on a big team. Seeds one team with `--studies` studies and
// `--trials-per-study` trials each directly in the database (INSERT … SELECT generate_series), then times each
// search query over HTTP through the real API (pipeline included): `--queries` runs each with varied arguments,
// printing p50/p99; `--only` times the queries whose name contains it. Postgres: `--database-url` (default: a
// throw-away database on BENCH_DATABASE_URL's server, dropped at the end); with a given database the seeded team is
// deleted at the end, unless `--keep` leaves it there for EXPLAIN ANALYZE by hand (the next run deletes it first).
// PGlite runs in memory with `--pglite-studies`/`--pglite-trials-per-study` (default 200 × 500 = 100,000 trials: a
// million rows in the in-memory PGlite take several GiB and minutes to seed). Prints figures; asserts nothing.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { setupTeam, startTestApi } from '@tuneboard/api/testing';
import { createDb, type DbHandle } from '@tuneboard/db';
import { benchEnv } from '../api/env.ts';
import { summarise } from '../api/stats.ts';
import { seedTeam, type Run } from './seed.ts';
import { searchQueries } from './queries.ts';

const { values: flags } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    studies: { type: 'string', default: '1000' },
    'trials-per-study': { type: 'string', default: '1000' },
    'pglite-studies': { type: 'string', default: '200' },
    'pglite-trials-per-study': { type: 'string', default: '500' },
    queries: { type: 'string', default: '100' },
    'database-url': { type: 'string' },
    keep: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const log = (line: string) => process.stdout.write(`${line}\n`);
const queries = Number(flags.queries);

async function throwAwayPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `tb_search_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: benchEnv.BENCH_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(benchEnv.BENCH_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: benchEnv.BENCH_DATABASE_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

async function run(
  name: 'postgres' | 'pglite',
  handle: DbHandle,
  seedWith: Run,
  studies: number,
  perStudy: number,
): Promise<void> {
  await handle.migrate();
  const api = await startTestApi(handle);
  const team = await setupTeam(api, `bench-search-${name}`);
  try {
    const t0 = performance.now();
    const seeded = await seedTeam(seedWith, team.teamId, studies, perStudy);
    log(
      `${name}: seeded ${studies.toLocaleString('en')} studies, ${seeded.trials.toLocaleString('en')} trials in ${((performance.now() - t0) / 1000).toFixed(1)} s (vacuumed, analyzed)`,
    );
    log(`| query | p50 ms | p99 ms | rows (last) |`);
    log(`|---|---|---|---|`);
    const chosen = searchQueries(team.teamId, seeded).filter(
      (q) => !flags.only || q.name.includes(flags.only),
    );
    for (const query of chosen) {
      const times: number[] = [];
      let rows = 0;
      // Two warm-up runs: the first plans and loads pages into the cache.
      for (let i = -2; i < queries; i++) {
        const variables = query.variables(i);
        const started = performance.now();
        const data = await api.gql(query.text, variables, team.user);
        const elapsed = performance.now() - started;
        rows = query.rows(data);
        if (i >= 0) times.push(elapsed);
      }
      const { p50, p99 } = summarise(times);
      log(`| ${query.name} | ${p50.toFixed(1)} | ${p99.toFixed(1)} | ${rows} |`);
    }
  } finally {
    await api.close();
  }
}

if (flags.db === 'postgres' || flags.db === 'both') {
  const given = flags['database-url'];
  const database = given ? { url: given, drop: async () => {} } : await throwAwayPostgres();
  const handle = await createDb({ url: database.url, poolSize: 8 });
  // The seed's statements insert 50,000 rows each: longer than the API's statement timeout allows a user query.
  const seeder = new pg.Client({ connectionString: database.url });
  await seeder.connect();
  const seedWith: Run = async <Row>(text: string, params?: unknown[]) =>
    (await seeder.query(text, params)).rows as Row[];
  // A run that was stopped half-way left its team behind: it goes first (its projects, studies and trials cascade).
  const dropBenchTeams = () => seedWith(`delete from team where slug like 'bench-search-%'`);
  try {
    await handle.migrate();
    if (given) await dropBenchTeams();
    await run('postgres', handle, seedWith, Number(flags.studies), Number(flags['trials-per-study']));
    if (given && !flags.keep) {
      // Leave the given database as it was.
      await dropBenchTeams();
    }
  } finally {
    await seeder.end();
    await handle.close();
    await database.drop();
  }
}
if (flags.db === 'pglite' || flags.db === 'both') {
  const handle = await createDb({ dataDir: 'memory://' });
  try {
    await run(
      'pglite',
      handle,
      (text, params) => handle.query(text, params),
      Number(flags['pglite-studies']),
      Number(flags['pglite-trials-per-study']),
    );
  } finally {
    await handle.close();
  }
}
