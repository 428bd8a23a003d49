// npm run bench:abuse [-- --seconds 30 --runners 16 --attackers 4 --database-url postgres://…]
// Issue #15: while simulated runners run the queue (bench:api's claim → report → complete loop), a second client
// sends the expensive queries of items 1 and 2 (pages of 500 trials × 2,000-point curves, 50 × 100-value
// filters that run into the statement timeout, and the refused ones: 1,000-trial pages, 1,500-entry filters,
// 70,000 keys, 1e20 cursors). Prints the runners' trials/s and claim p99 without and with the attack, in one
// run, and the API's RSS. Prints figures; asserts nothing about time.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { CLAIM, COMPLETE, REPORT, benchStudy, benchTeam, gql, post } from '../api/client.ts';
import { benchEnv, inheritedEnv } from '../api/env.ts';
import { startApiProcess, throwAwayDatabase } from '../api/process.ts';
import { summarise } from '../api/stats.ts';

const { values: flags } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    runners: { type: 'string', default: '16' },
    attackers: { type: 'string', default: '4' },
    'warmup-seconds': { type: 'string', default: '5' },
    'database-url': { type: 'string' },
  },
});
const seconds = Number(flags.seconds);
const runners = Number(flags.runners);
const attackers = Number(flags.attackers);
const warmupSeconds = Number(flags['warmup-seconds']);
const adminUrl = flags['database-url'] ?? benchEnv.BENCH_DATABASE_URL;
const log = (line: string) => process.stdout.write(`${line}\n`);

const { name: dbName, url: benchUrl } = throwAwayDatabase(adminUrl, 'tb_abuse');

async function sqlOn(url: string, text: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** The API in production mode with its default limits (statement timeout, pools), as `npm start` runs it. */
const startApi = () =>
  startApiProcess({ ...inheritedEnv, NODE_ENV: 'production', DATABASE_URL: benchUrl, PORT: '0', LOG_LEVEL: 'info', LEASE_SECONDS: '300' });

/** Resident set of a process now, and its peak so far (Linux /proc), in MiB. */
function rss(pid: number): { now: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { now: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

async function setup(url: string) {
  const { user, token, runnerIds, projectId } = await benchTeam(url, { email: 'abuse@example.test', name: 'Abuse' }, runners);
  const createStudy = (name: string, maxParallel: number, maxTrials: number | null) =>
    benchStudy(url, user, projectId, {
      name,
      space: { x: { type: 'float', low: 0, high: 1 }, layers: { type: 'int', low: 1, high: 4 } },
      maxParallel,
      maxTrials,
    });
  return { user, token, runnerIds, createStudy };
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** The victim study of the attack: 1,000 COMPLETE trials × 1,000 points of `loss`, written straight in SQL. */
async function seedVictim(ctx: Setup, url: string): Promise<string> {
  const studyId = await ctx.createStudy('victim', 1, 1);
  const raw = Buffer.from(studyId, 'base64url').toString('utf8').split(':')[1]!;
  await sqlOn(url, `update study set status = 'STOPPED' where id = $1`, [raw]);
  await sqlOn(
    url,
    `insert into trial (study_id, number, params, state, values)
     select $1, 100 + g, jsonb_build_object('x', random(), 'layers', 1 + g % 4), 'COMPLETE', array[random()]
     from generate_series(1, 1000) g`,
    [raw],
  );
  await sqlOn(
    url,
    `insert into metric (trial_id, attempt, key, step, value)
     select t.id, 0, 'loss', s, 1.0 / (s + 1) from trial t, generate_series(0, 999) s where t.study_id = $1`,
    [raw],
  );
  await sqlOn(url, 'analyze');
  return studyId;
}

/** The attack: each attacker cycles through these, one request at a time. */
function attackRequests(victim: string) {
  const curves = (aliases: number) =>
    `query($id: ID!, $n: Int, $m: Int) { study(id: $id) { ${Array.from({ length: aliases }, (_, i) => `a${i}: trials(first: $n) { nodes { metrics(maxPoints: $m) { points { value } } } }`).join(' ')} } }`;
  const TRIALS = `query($id: ID!, $first: Int, $after: String, $filter: TrialFilter) {
    study(id: $id) { trials(first: $first, after: $after, filter: $filter) { totalCount nodes { number } } } }`;
  const heavyFilter = {
    params: Array.from({ length: 50 }, () => ({ name: 'layers', values: [...Array.from({ length: 96 }, (_, i) => 1_000 + i), 1, 2, 3, 4] })),
  };
  return [
    { name: '30 aliases × 1,000 trials × 10,000 points (variables)', query: curves(30), variables: { id: victim, n: 1000, m: 10_000 } },
    { name: '30 aliases × 500 trials × 2,000 points (the maxima)', query: curves(30), variables: { id: victim, n: 500, m: 2_000 } },
    { name: 'a page of 500 trials × 2,000-point curves', query: curves(1), variables: { id: victim, n: 500, m: 2_000 } },
    { name: '50 × 100-value filter', query: TRIALS, variables: { id: victim, first: 500, filter: heavyFilter } },
    { name: '1,500-entry filter', query: TRIALS, variables: { id: victim, filter: { params: Array.from({ length: 1_500 }, (_, i) => ({ name: `p${i}`, min: 0, max: 1 })) } } },
    { name: '1e20 cursor', query: TRIALS, variables: { id: victim, after: Buffer.from('o:100000000000000000000').toString('base64url') } },
    {
      name: '70,000 metric keys',
      query: 'query($id: ID!, $k: [String!]) { study(id: $id) { trials(first: 5) { nodes { metrics(keys: $k) { key } } } } }',
      variables: { id: victim, k: Array.from({ length: 70_000 }, (_, i) => `k${i}`) },
    },
  ];
}

/** Runners loop claim → report 10 points → complete for `window` seconds; claim latency measured. */
async function runQueue(url: string, ctx: Setup, name: string, window: number) {
  const studyId = await ctx.createStudy(name, runners * 4, null);
  const latency: number[] = [];
  let completed = 0;
  const deadline = Date.now() + window * 1000;
  const steps = Array.from({ length: 10 }, (_, step) => step);
  const points = { keys: steps.map(() => 'loss'), steps, values: steps.map((step) => 1 / (step + 1)) };
  await Promise.all(
    ctx.runnerIds.map(async (runnerId) => {
      while (Date.now() < deadline) {
        const start = performance.now();
        const { trialClaim } = await gql(url, CLAIM, { i: { runnerId, studyId } }, ctx.token);
        latency.push(performance.now() - start);
        const lease = trialClaim.leases[0];
        if (!lease) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          continue;
        }
        const ids = { trialId: lease.trial.id, leaseToken: lease.leaseToken };
        await gql(url, REPORT, { i: { ...ids, columns: points } }, ctx.token);
        const done = await gql(url, COMPLETE, { i: { ...ids, values: [0.1] } }, ctx.token);
        if (done.trialComplete.userErrors.length === 0) completed += 1;
      }
    }),
  );
  return { rate: completed / window, latency: summarise(latency), completed };
}

/** Attackers send `requests` in turn until `stop()`; counts answers by error code. */
function attack(url: string, ctx: Setup, requests: ReturnType<typeof attackRequests>) {
  let running = true;
  const outcomes = new Map<string, Map<string, number>>();
  const note = (name: string, code: string) => {
    let byCode = outcomes.get(name);
    if (!byCode) outcomes.set(name, (byCode = new Map()));
    byCode.set(code, (byCode.get(code) ?? 0) + 1);
  };
  // Serialised once: the attackers share this process with the runners, whose loop must not wait on them.
  const payloads = requests.map((request) => JSON.stringify({ query: request.query, variables: request.variables }));
  const loops = Array.from({ length: attackers }, async (_, a) => {
    for (let i = a; running; i += 1) {
      const request = requests[i % requests.length]!;
      try {
        const body = await post(url, request.query, request.variables, ctx.user, payloads[i % requests.length]);
        note(request.name, body.errors?.[0]?.extensions?.code ?? 'answered');
      } catch (error) {
        note(request.name, `transport: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  });
  return async () => {
    running = false;
    await Promise.all(loops);
    return outcomes;
  };
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main() {
  log(`load average at start: ${loadavg().map((n) => n.toFixed(2)).join(', ')}`);
  log(`bench:abuse — ${runners} runners, ${attackers} attackers, phases of ${seconds} s, Postgres database ${dbName}`);
  await sqlOn(adminUrl, `create database ${dbName}`);
  const api = await startApi();
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rss(api.pid).now)), 250);
  try {
    log(`API at ${api.url}`);
    const ctx = await setup(api.url);
    log('seeding the victim study: 1,000 trials × 1,000 points …');
    const victim = await seedVictim(ctx, benchUrl);
    if (warmupSeconds > 0) await runQueue(api.url, ctx, 'warm-up', warmupSeconds);
    log(`runners alone, ${seconds} s …`);
    peak = 0;
    const alone = await runQueue(api.url, ctx, 'alone', seconds);
    if (alone.completed === 0) throw new Error('no trial completed without the attack: the runners got no work (check the study and the runners\' capabilities)');
    const peakAlone = peak;
    log(`runners under attack, ${seconds} s …`);
    peak = 0;
    const stopAttack = attack(api.url, ctx, attackRequests(victim));
    const attacked = await runQueue(api.url, ctx, 'attacked', seconds);
    const outcomes = await stopAttack();
    const peakAttacked = peak;
    log('');
    log('| runners | trials/s | claim p50 / p99 (ms) | API RSS max (MiB) |');
    log('| --- | --- | --- | --- |');
    log(`| alone | ${fmt(alone.rate, 1)} | ${fmt(alone.latency.p50, 1)} / ${fmt(alone.latency.p99, 1)} | ${fmt(peakAlone)} |`);
    log(`| under attack | ${fmt(attacked.rate, 1)} | ${fmt(attacked.latency.p50, 1)} / ${fmt(attacked.latency.p99, 1)} | ${fmt(peakAttacked)} |`);
    log('');
    log(`under attack: ${fmt((100 * attacked.rate) / alone.rate, 1)} % of the trials/s alone (goal ≥ 80 %), claim p99 ${fmt(attacked.latency.p99, 1)} ms (goal ≤ 100), API peak RSS ${fmt(rss(api.pid).peak)} MiB (goal < 1,024)`);
    log('');
    log('attack requests by answer:');
    for (const [name, byCode] of outcomes) log(`  ${name}: ${[...byCode].map(([code, n]) => `${code} × ${n}`).join(', ')}`);
    log(`load average at the end: ${loadavg().map((n) => n.toFixed(2)).join(', ')}`);
  } finally {
    clearInterval(sampler);
    await api.stop();
    await sqlOn(adminUrl, `drop database if exists ${dbName} with (force)`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:abuse failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
