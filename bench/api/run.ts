// npm run bench:api [-- --seconds 60 --pipelined-seconds 60 --ingest-seconds 20 --runners 16 --warmup-seconds 10]
// Throughput of the trial queue and of metric ingest through GraphQL, beside the raw-SQL ceiling measured
// in the same run on the same Postgres. Prints figures; asserts nothing about time.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { CLAIM, COMPLETE, REPORT, benchStudy, benchTeam, gql } from './client.ts';
import { benchEnv, inheritedEnv } from './env.ts';
import { startApiProcess, throwAwayDatabase } from './process.ts';
import { cpuBetween, cpuSnapshot } from './cpu.ts';
import { summarise } from './stats.ts';

const { values: flags } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    'ingest-seconds': { type: 'string', default: '20' },
    'pipelined-seconds': { type: 'string' },
    runners: { type: 'string', default: '16' },
    /** An unmeasured run of the three-request loop first: JIT, connection pool and prepared statements warm. */
    'warmup-seconds': { type: 'string', default: '10' },
    batch: { type: 'string', default: '500' },
  },
});
const seconds = Number(flags.seconds);
const ingestSeconds = Number(flags['ingest-seconds']);
const pipelinedSeconds = Number(flags['pipelined-seconds'] ?? flags.seconds);
const runners = Number(flags.runners);
const warmupSeconds = Number(flags['warmup-seconds']);
const batchSize = Number(flags.batch);
const log = (line: string) => process.stdout.write(`${line}\n`);

const adminUrl = benchEnv.BENCH_DATABASE_URL;
const { name: dbName, url: benchUrl } = throwAwayDatabase(adminUrl, 'tb_bench');

async function adminQuery(text: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const startApi = () =>
  startApiProcess(
    { ...inheritedEnv, NODE_ENV: 'production', DATABASE_URL: benchUrl, PORT: '0', LOG_LEVEL: 'info', LEASE_SECONDS: '300', DATABASE_POOL_SIZE: '20' },
    benchEnv.BENCH_API_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', benchEnv.BENCH_API_PROFILE] : [],
  );

/**
 * CPU used by the API process and by the Postgres backends serving the bench database during a phase:
 * backends are found in pg_stat_activity at both ends (one that came and went in between is missed).
 */
async function cpuMeter(apiPid: number | undefined) {
  const backends = async () => {
    const client = new pg.Client({ connectionString: benchUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ pid: number }>(
        'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      );
      return rows.map((row) => row.pid);
    } finally {
      await client.end();
    }
  };
  const firstBackends = await backends();
  const api0 = cpuSnapshot(apiPid === undefined ? [] : [apiPid]);
  const pg0 = cpuSnapshot(firstBackends);
  const client0 = process.cpuUsage();
  return async () => {
    const client = process.cpuUsage(client0);
    const api1 = cpuSnapshot(apiPid === undefined ? [] : [apiPid]);
    const pg1 = cpuSnapshot([...new Set([...firstBackends, ...(await backends())])]);
    // `client`: this process — the simulated runners (or the raw-SQL clients), their HTTP and JSON.
    return { api: cpuBetween(api0, api1), postgres: cpuBetween(pg0, pg1), client: (client.user + client.system) / 1e6 };
  };
}

/**
 * The same three operations in ONE request: GraphQL runs a mutation's fields in order, so the last points,
 * the completion (and the top-up it triggers) and the next claim share a round trip and a request's overhead.
 */
const REPORT_COMPLETE_CLAIM = `mutation($r: TrialReportInput!, $c: TrialCompleteInput!, $k: TrialClaimInput!) {
  trialReport(input: $r) { accepted userErrors { code } }
  trialComplete(input: $c) { userErrors { code } }
  trialClaim(input: $k) { leases { leaseToken trial { id } } } }`;

async function setup(url: string) {
  const { user, token, runnerIds, projectId } = await benchTeam(url, { email: 'bench@example.test', name: 'Bench' }, runners);
  const createStudy = (name: string, maxParallel: number) =>
    benchStudy(url, user, projectId, { name, space: { x: { type: 'float', low: 0, high: 1 } }, maxParallel, maxTrials: null });
  return { token, runnerIds, createStudy };
}

/**
 * 16 runners loop claim → report 10 points → complete. `separate`: three requests per trial (claim latency
 * measured). `pipelined`: after a first claim, one request per trial carries the report, the completion and
 * the next claim (that request's latency measured).
 */
async function queueThroughApi(
  url: string,
  apiPid: number,
  ctx: Awaited<ReturnType<typeof setup>>,
  mode: 'separate' | 'pipelined',
  window = mode === 'separate' ? seconds : pipelinedSeconds,
  name = `queue-${mode}`,
) {
  const studyId = await ctx.createStudy(name, runners * 4);
  const cpu = await cpuMeter(apiPid);
  const latency: number[] = [];
  const claimed: string[] = [];
  let completed = 0;
  const deadline = Date.now() + window * 1000;
  let last = Date.now();
  // As the runner sends them: three columns (MetricColumnsInput).
  const steps = Array.from({ length: 10 }, (_, step) => step);
  const points = { keys: steps.map(() => 'loss'), steps, values: steps.map((step) => 1 / (step + 1)) };
  const progress = () => {
    if (Date.now() - last > 10_000) {
      last = Date.now();
      log(`  … ${completed} trials completed`);
    }
  };
  await Promise.all(
    ctx.runnerIds.map(async (runnerId) => {
      let lease: { leaseToken: string; trial: { id: string } } | undefined;
      while (Date.now() < deadline) {
        if (!lease || mode === 'separate') {
          const start = performance.now();
          const { trialClaim } = await gql(url, CLAIM, { i: { runnerId, studyId } }, ctx.token);
          if (mode === 'separate') latency.push(performance.now() - start);
          lease = trialClaim.leases[0];
          if (!lease) {
            await new Promise((resolve) => setTimeout(resolve, 5));
            continue;
          }
        }
        const current = lease!;
        claimed.push(current.trial.id);
        const ids = { trialId: current.trial.id, leaseToken: current.leaseToken };
        if (mode === 'separate') {
          await gql(url, REPORT, { i: { ...ids, columns: points } }, ctx.token);
          const done = await gql(url, COMPLETE, { i: { ...ids, values: [0.1] } }, ctx.token);
          if (done.trialComplete.userErrors.length === 0) completed += 1;
        } else {
          const start = performance.now();
          const reply = await gql(
            url,
            REPORT_COMPLETE_CLAIM,
            { r: { ...ids, columns: points }, c: { ...ids, values: [0.1] }, k: { runnerId, studyId } },
            ctx.token,
          );
          latency.push(performance.now() - start);
          if (reply.trialComplete.userErrors.length === 0) completed += 1;
          lease = reply.trialClaim.leases[0];
        }
        progress();
      }
      // A lease claimed by the last pipelined request stays RUNNING: it was never worked on, nor counted.
    }),
  );
  const used = await cpu();
  const db = new pg.Client({ connectionString: benchUrl });
  await db.connect();
  const { rows } = await db.query(
    `select count(*) filter (where state = 'COMPLETE')::int as complete from trial t join study s on s.id = t.study_id where s.name = $1`,
    [name],
  );
  await db.end();
  const duplicates = claimed.length - new Set(claimed).size;
  return { rate: completed / window, latency: summarise(latency), completed, stored: rows[0].complete, duplicates, cpu: used };
}

async function ingestThroughApi(url: string, apiPid: number, ctx: Awaited<ReturnType<typeof setup>>) {
  const studyId = await ctx.createStudy('ingest', runners);
  let cpu: Awaited<ReturnType<typeof cpuMeter>> | undefined;
  const latency: number[] = [];
  let points = 0;
  const deadline = Date.now() + ingestSeconds * 1000;
  await Promise.all(
    ctx.runnerIds.map(async (runnerId) => {
      const { trialClaim } = await gql(url, CLAIM, { i: { runnerId, studyId } }, ctx.token);
      const lease = trialClaim.leases[0];
      cpu ??= await cpuMeter(apiPid);
      let step = 0;
      while (Date.now() < deadline) {
        const steps = Array.from({ length: batchSize }, () => step++);
        const columns = { keys: steps.map(() => 'loss'), steps, values: steps.map(() => Math.random()) };
        const start = performance.now();
        const { trialReport } = await gql(url, REPORT, { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, columns } }, ctx.token);
        latency.push(performance.now() - start);
        points += trialReport.accepted;
      }
    }),
  );
  const used = await cpu!();
  return { rate: points / ingestSeconds, latency: summarise(latency), points, cpu: used };
}

/**
 * The ceiling: the same claim + complete, and the same metric INSERTs, straight over node-postgres. The queue
 * has the API's shape: `runners × 4` PENDING trials, each completion putting a new one in (what a top-up
 * does, in the completion's statement), so the claim scans a short queue as it does behind the API.
 */
async function rawSql() {
  const pool = new pg.Pool({ connectionString: benchUrl, max: runners });
  const { rows } = await pool.query(`select id, project_id from study where name = 'queue-separate'`);
  const studyId = rows[0].id;
  await pool.query('create sequence raw_number start 1000000');
  await pool.query(
    `insert into trial (study_id, number, params) select $1, nextval('raw_number'), '{"x": 0.5}' from generate_series(1, $2::int)`,
    [studyId, runners * 4],
  );
  await pool.query('analyze trial');
  let cpu = await cpuMeter(undefined);
  let completed = 0;
  const claimLatency: number[] = [];
  const window = Math.min(seconds, 20);
  let deadline = Date.now() + window * 1000;
  await Promise.all(
    Array.from({ length: runners }, async () => {
      while (Date.now() < deadline) {
        const start = performance.now();
        const claimed = await pool.query(
          `with c as (select id from trial where study_id = $1 and state = 'PENDING' order by id limit 1 for update skip locked)
           update trial t set state = 'RUNNING', lease_token = gen_random_uuid(), lease_expires_at = now() + interval '5 min'
           from c where t.id = c.id returning t.id, t.lease_token`,
          [studyId],
        );
        claimLatency.push(performance.now() - start);
        const row = claimed.rows[0];
        if (!row) continue;
        await pool.query(
          `with done as (update trial set state = 'COMPLETE', values = '{0.1}' where id = $1 and lease_token = $2 returning study_id)
           insert into trial (study_id, number, params) select study_id, nextval('raw_number'), '{"x": 0.5}' from done`,
          [row.id, row.lease_token],
        );
        completed += 1;
      }
    }),
  );
  const queue = { rate: completed / window, latency: summarise(claimLatency), completed, cpu: await cpu() };

  const trialIds = (await pool.query(`select id from trial where study_id = $1 limit $2`, [studyId, runners])).rows.map((r) => r.id);
  let inserted = 0;
  const insertLatency: number[] = [];
  const ingestWindow = Math.min(ingestSeconds, 20);
  cpu = await cpuMeter(undefined);
  deadline = Date.now() + ingestWindow * 1000;
  await Promise.all(
    trialIds.map(async (trialId) => {
      let step = 0;
      while (Date.now() < deadline) {
        // The API's own INSERT shape (three arrays, unnest), less the lease check and the NOTIFY.
        const steps = Array.from({ length: batchSize }, () => step++);
        const start = performance.now();
        const result = await pool.query(
          `insert into metric (trial_id, attempt, key, step, value)
           select $1, 0, p.key, p.step, p.value from unnest($2::text[], $3::int[], $4::float8[]) as p(key, step, value)
           on conflict do nothing`,
          [trialId, steps.map(() => 'loss'), steps, steps.map(() => Math.random())],
        );
        insertLatency.push(performance.now() - start);
        inserted += result.rowCount ?? 0;
      }
    }),
  );
  const ingestCpu = await cpu();
  await pool.end();
  return { queue, ingest: { rate: inserted / ingestWindow, latency: summarise(insertLatency), points: inserted, cpu: ingestCpu } };
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main() {
  const load = () => loadavg().map((n) => n.toFixed(2)).join(', ');
  log(`load average at start: ${load()}`);
  log(`bench:api — ${runners} runners, queue ${seconds} s, ingest ${ingestSeconds} s (batches of ${batchSize}), Postgres database ${dbName}`);
  await adminQuery(`create database ${dbName}`);
  const api = await startApi();
  try {
    log(`API at ${api.url}`);
    const ctx = await setup(api.url);
    if (warmupSeconds > 0) {
      log(`warm-up: the three-request loop for ${warmupSeconds} s, not measured …`);
      await queueThroughApi(api.url, api.pid, ctx, 'separate', warmupSeconds, 'warm-up');
    }
    log('queue through GraphQL: claim → report 10 points → complete, three requests per trial …');
    const queue = await queueThroughApi(api.url, api.pid, ctx, 'separate');
    log('queue through GraphQL, pipelined: report + complete + next claim in one request per trial …');
    const pipelined = await queueThroughApi(api.url, api.pid, ctx, 'pipelined');
    log('metric ingest through GraphQL …');
    const ingest = await ingestThroughApi(api.url, api.pid, ctx);
    await api.stop();
    log('raw-SQL ceiling on the same database …');
    const raw = await rawSql();
    log('');
    log('| what | through GraphQL | raw SQL ceiling | ratio |');
    log('| --- | --- | --- | --- |');
    log(`| trials/s (claim + complete), 3 requests a trial | ${fmt(queue.rate)} | ${fmt(raw.queue.rate)} | ${fmt(queue.rate / raw.queue.rate, 3)} |`);
    log(`| claim p50 / p99 (ms) | ${fmt(queue.latency.p50, 1)} / ${fmt(queue.latency.p99, 1)} | ${fmt(raw.queue.latency.p50, 1)} / ${fmt(raw.queue.latency.p99, 1)} | |`);
    log(`| trials/s, pipelined (1 request a trial) | ${fmt(pipelined.rate)} | ${fmt(raw.queue.rate)} | ${fmt(pipelined.rate / raw.queue.rate, 3)} |`);
    log(`| pipelined request p50 / p99 (ms) | ${fmt(pipelined.latency.p50, 1)} / ${fmt(pipelined.latency.p99, 1)} | | |`);
    log(`| metric points/s | ${fmt(ingest.rate)} | ${fmt(raw.ingest.rate)} | ${fmt(ingest.rate / raw.ingest.rate, 3)} |`);
    log(`| ingest request p50 / p99 (ms) | ${fmt(ingest.latency.p50, 1)} / ${fmt(ingest.latency.p99, 1)} | ${fmt(raw.ingest.latency.p50, 1)} / ${fmt(raw.ingest.latency.p99, 1)} | |`);
    type Cpu = { api: number; postgres: number; client: number };
    const perTrial = (cpu: Cpu, n: number) =>
      `API ${fmt((cpu.api * 1000) / n, 2)} + Postgres ${fmt((cpu.postgres * 1000) / n, 2)} (clients ${fmt((cpu.client * 1000) / n, 2)})`;
    const perKilopoint = (cpu: Cpu, n: number) =>
      `API ${fmt((cpu.api * 1e6) / n, 1)} + Postgres ${fmt((cpu.postgres * 1e6) / n, 1)} (clients ${fmt((cpu.client * 1e6) / n, 1)})`;
    log(`| CPU ms per trial | ${perTrial(queue.cpu, queue.completed)} | ${perTrial(raw.queue.cpu, raw.queue.completed)} | |`);
    log(`| CPU ms per trial, pipelined | ${perTrial(pipelined.cpu, pipelined.completed)} | | |`);
    log(`| CPU ms per 1,000 points | ${perKilopoint(ingest.cpu, ingest.points)} | ${perKilopoint(raw.ingest.cpu, raw.ingest.points)} | |`);
    log('');
    for (const [name, run] of [['queue check', queue], ['pipelined check', pipelined]] as const) {
      log(
        `${name}: ${run.completed} completed by runners, ${run.stored} COMPLETE in the database, ` +
          `${run.duplicates} trials claimed twice — ${run.completed === run.stored && run.duplicates === 0 ? 'none lost or doubled' : 'MISMATCH'}`,
      );
    }
    log(`load average at the end: ${load()}`);
  } finally {
    await api.stop().catch(() => undefined);
    await adminQuery(`drop database if exists ${dbName} with (force)`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:api failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
