// npm run bench:api-isolation [-- --seconds 20 --runners 8 --history 1000]
//
// Issue #17's API goal: while one study's sampler is busy, claims in other studies keep p99 ≤ 50 ms. Study A
// samples with an explicit `gp` on a 10-D space over a history of `history` completed trials (written straight
// into the database, so the setup takes no sampling), and one runner keeps claiming and completing A's trials,
// so the API asks the GP again and again (each ask ~0.5–1 s here). Meanwhile `runners` runners claim → complete
// in study B (random sampler) for `seconds`; their claim latency is measured. The same run is made twice, on a
// fresh API each time: with the sampler worker pool (the default) and with TUNEBOARD_SAMPLER_WORKERS=0 (every ask
// inline on the API's thread, the design before the pool), the peer that shows what the pool buys. Postgres at
// BENCH_DATABASE_URL (a throw-away database per run). Prints figures; asserts nothing about time.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { CLAIM, COMPLETE, benchStudy, benchTeam, gql } from './client.ts';
import { benchEnv, inheritedEnv } from './env.ts';
import { startApiProcess, throwAwayDatabase } from './process.ts';
import { summarise } from './stats.ts';

const { values: flags } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    runners: { type: 'string', default: '8' },
    history: { type: 'string', default: '1000' },
  },
});
const seconds = Number(flags.seconds);
const runners = Number(flags.runners);
const history = Number(flags.history);
const log = (line: string) => process.stdout.write(`${line}\n`);
const DIMS = 10;
const SPACE = Object.fromEntries(Array.from({ length: DIMS }, (_, i) => [`x${i}`, { type: 'float', low: -5, high: 5 }]));

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The database id of a study's GraphQL id (base64 of `Study:<uuid>`). */
const databaseId = (globalId: string): string => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1]!;

/** `count` COMPLETE trials with random points and a Rastrigin-like value, numbered by the study's counter. */
async function seedHistory(url: string, globalId: string, count: number): Promise<void> {
  const studyId = databaseId(globalId);
  await withClient(url, async (client) => {
    // Numbers handed out as the API hands them out: from the study's counter, bumped past the new ones.
    const { rows } = await client.query<{ first: number }>(
      'update study set next_trial_number = next_trial_number + $2 where id = $1 returning next_trial_number - $2 as first',
      [studyId, count],
    );
    const first = rows[0]!.first;
    const params: string[] = [];
    const values: number[] = [];
    for (let i = 0; i < count; i++) {
      const point = Object.fromEntries(Object.keys(SPACE).map((name) => [name, Math.random() * 10 - 5]));
      params.push(JSON.stringify(point));
      values.push(Object.values(point).reduce((s, x) => s + x * x - 3 * Math.cos(2 * Math.PI * x), 0));
    }
    await client.query(
      `insert into trial (study_id, number, params, state, values, started_at, finished_at)
       select $1, $2 + p.i - 1, p.params::jsonb, 'COMPLETE', array[p.value], now(), now()
       from unnest($3::text[], $4::float8[]) with ordinality as p(params, value, i)`,
      [studyId, first, params, values],
    );
  });
}

async function trialCount(url: string, globalId: string): Promise<number> {
  return withClient(url, async (client) => (await client.query<{ n: number }>('select count(*)::int as n from trial where study_id = $1', [databaseId(globalId)])).rows[0]!.n);
}

async function runOnce(workers: 'pool' | 'inline') {
  const { name: dbName, url } = throwAwayDatabase(benchEnv.BENCH_DATABASE_URL, 'tb_bench_iso');
  await withClient(benchEnv.BENCH_DATABASE_URL, (c) => c.query(`create database ${dbName}`));
  const api = await startApiProcess({
    ...inheritedEnv,
    NODE_ENV: 'production',
    DATABASE_URL: url,
    PORT: '0',
    LOG_LEVEL: 'info',
    LEASE_SECONDS: '300',
    DATABASE_POOL_SIZE: '20',
    ...(workers === 'inline' ? { TUNEBOARD_SAMPLER_WORKERS: '0' } : {}),
  });
  try {
    const { user, token, runnerIds, projectId } = await benchTeam(api.url, { email: 'iso@example.test', name: 'Iso' }, runners + 1);
    const busy = await benchStudy(api.url, user, projectId, { name: 'busy-gp', space: SPACE, maxParallel: 1, maxTrials: null, sampler: { kind: 'gp', seed: 1 } });
    await seedHistory(url, busy, history);
    const other = await benchStudy(api.url, user, projectId, { name: 'other', space: { x: { type: 'float', low: 0, high: 1 } }, maxParallel: runners * 4, maxTrials: null });
    const [hog, ...workersB] = runnerIds as [string, ...string[]];
    const before = await trialCount(url, busy);
    let stop = false;
    // Study A's runner: claim, complete at once, again: every completion asks the GP for the next trial.
    const hogLoop = (async () => {
      while (!stop) {
        const { trialClaim } = await gql(api.url, CLAIM, { i: { runnerId: hog, studyId: busy } }, token);
        const lease = trialClaim.leases[0];
        if (!lease) {
          await new Promise((r) => setTimeout(r, 20));
          continue;
        }
        await gql(api.url, COMPLETE, { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, values: [Math.random()] } }, token);
      }
    })();
    // Let A's first GP ask start before B is measured.
    await new Promise((r) => setTimeout(r, 1_000));
    const latency: number[] = [];
    let completed = 0;
    const deadline = Date.now() + seconds * 1000;
    await Promise.all(
      workersB.map(async (runnerId) => {
        while (Date.now() < deadline) {
          const start = performance.now();
          const { trialClaim } = await gql(api.url, CLAIM, { i: { runnerId, studyId: other } }, token);
          latency.push(performance.now() - start);
          const lease = trialClaim.leases[0];
          if (!lease) {
            await new Promise((r) => setTimeout(r, 5));
            continue;
          }
          const done = await gql(api.url, COMPLETE, { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, values: [0.1] } }, token);
          if (done.trialComplete.userErrors.length === 0) completed += 1;
        }
      }),
    );
    stop = true;
    await hogLoop;
    const asks = (await trialCount(url, busy)) - before;
    return { workers, latency: summarise(latency), rate: completed / seconds, asks };
  } finally {
    await api.stop();
    await withClient(benchEnv.BENCH_DATABASE_URL, (c) => c.query(`drop database if exists ${dbName} with (force)`));
  }
}

async function main() {
  const load = () => loadavg().map((n) => n.toFixed(2)).join(', ');
  log(`bench:api-isolation — study A: explicit gp, ${DIMS}-D, ${history} completed trials, one runner completing at once; study B: ${runners} runners, ${seconds} s; load average ${load()}`);
  const results = [];
  for (const mode of ['pool', 'inline'] as const) {
    log(`${mode === 'pool' ? 'sampler worker pool (default)' : 'inline asks (TUNEBOARD_SAMPLER_WORKERS=0)'} …`);
    results.push(await runOnce(mode));
  }
  log('');
  log('| asks run | study B claim p50 / p99 (ms) | study B trials/s | study A GP asks in the window |');
  log('| --- | --- | --- | --- |');
  for (const r of results) {
    log(`| ${r.workers === 'pool' ? 'worker pool (default)' : 'inline (TUNEBOARD_SAMPLER_WORKERS=0)'} | ${r.latency.p50.toFixed(1)} / **${r.latency.p99.toFixed(1)}** (${r.latency.n} claims) | ${r.rate.toFixed(0)} | ${r.asks} |`);
  }
  log('');
  log(`goal: claim p99 in B ≤ 50 ms while A's sampler is busy — ${results[0]!.latency.p99 <= 50 ? 'met' : 'NOT met'} with the pool (${results[0]!.latency.p99.toFixed(1)} ms); load average at the end ${load()}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:api-isolation failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
