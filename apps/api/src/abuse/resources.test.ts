import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { sql } from 'drizzle-orm';
import { MAX_METRIC_KEYS_PER_TRIAL } from '@tuneboard/contract';
import { createDb, type Database, type DbHandle } from '@tuneboard/db';
import * as schema from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { rowsOf } from '../db-rows.ts';
import { rawId } from '../ids.ts';
import { CLAIM, COMPLETE, REPORT, createStudy, setupTeam, startTestApi, type GraphQLResult, type TestApi } from '../testing/harness.ts';

/**
 * Issue #15, items 1 and 2: one request must never hurt other users. List sizes have maxima refused with
 * BAD_USER_INPUT, `Trial.metrics` is one statement per response, trial filters are bounded, statements are bounded
 * by `statement_timeout` and cancelled when their client leaves, and the runner protocol has a pool of its own.
 */

const TRIALS = `query($id: ID!, $first: Int, $after: String, $filter: TrialFilter, $order: TrialOrder) {
  study(id: $id) { trials(first: $first, after: $after, filter: $filter, orderBy: $order) { totalCount nodes { number } } } }`;

type Team = Awaited<ReturnType<typeof setupTeam>>;

/** A handle whose per-request databases log every statement that reads the metric table into `counter`. */
function countingMetricReads(handle: DbHandle, counter: { metricReads: number }): DbHandle {
  const logger = { logQuery: (query: string) => void (/"metric"/.test(query) && (counter.metricReads += 1)) };
  const withLogger = (db: Database): Database => {
    const client = (db as unknown as { $client: never }).$client;
    return (handle.kind === 'postgres' ? drizzlePg({ client, schema, logger }) : drizzlePglite({ client, schema, logger })) as unknown as Database;
  };
  return { ...handle, cancellable: (signal) => withLogger(handle.cancellable(signal)) };
}

/** Claims `count` trials of the study and completes each after `points` points of val_loss and acc. */
async function runTrials(api: TestApi, team: Team, studyId: string, count: number, points: number) {
  const runner = await team.register(`runner-${Math.random().toString(36).slice(2, 8)}`);
  const { trialClaim } = await api.gql(CLAIM, { i: { runnerId: runner, studyId, limit: count } }, team.runnerAuth);
  for (const lease of trialClaim.leases) {
    const steps = Array.from({ length: points }, (_, step) => step);
    const keys = [...steps.map(() => 'val_loss'), ...steps.map(() => 'acc')];
    const columns = { keys, steps: [...steps, ...steps], values: [...steps.map((s) => 1 / (s + 1)), ...steps.map((s) => s / points)] };
    await api.gql(REPORT, { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, columns } }, team.runnerAuth);
    await api.gql(COMPLETE, { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, values: [lease.trial.number] } }, team.runnerAuth);
  }
  return { runner, count: trialClaim.leases.length as number };
}

function refusal(result: GraphQLResult) {
  expect(result.data?.study ?? null).toBeNull();
  expect(result.errors).toHaveLength(1);
  return { code: result.errors![0]!.extensions?.code, message: result.errors![0]!.message };
}

describe.each(testDatabases)('abuse: list maxima, batched metrics, bounded filters [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  let team: Team;
  let studyId: string;
  const counter = { metricReads: 0 };
  beforeAll(async () => {
    handle = await target.create();
    // The resolvers' own bounds are under test here: they stand behind the operation's cost check (tested in
    // pipeline.test.ts) and still hold for an operator who raises TUNEBOARD_MAX_QUERY_COST, as this API does.
    api = await startTestApi(countingMetricReads(handle, counter), { TUNEBOARD_MAX_QUERY_COST: '100000000' });
    team = await setupTeam(api, 'abuser');
    studyId = (await createStudy(api, team, { budget: { maxTrials: 40, maxParallel: 12 } })).id;
    await runTrials(api, team, studyId, 12, 30);
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  it('refuses trials(first: 1000), naming the argument and the value; 500 is answered', async () => {
    const { code, message } = refusal(await api.post(TRIALS, { id: studyId, first: 1000 }, team.user));
    expect(code).toBe('BAD_USER_INPUT');
    expect(message).toBe('trials(first:) must be between 0 and 500, got 1000');
    expect(refusal(await api.post(TRIALS, { id: studyId, first: -1 }, team.user)).code).toBe('BAD_USER_INPUT');
    const page = await api.gql(TRIALS, { id: studyId, first: 500 }, team.user);
    expect(page.study.trials.nodes).toHaveLength(page.study.trials.totalCount);
  });

  it('refuses nodes(ids:) of 101 ids instead of answering the first 100, and answers 100', async () => {
    const NODES = 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }';
    const { code, message } = refusal(await api.post(NODES, { ids: Array.from({ length: 101 }, () => studyId) }, team.user));
    expect(code).toBe('BAD_USER_INPUT');
    expect(message).toBe('nodes(ids:) may hold at most 100 ids, got 101');
    const { nodes } = await api.gql(NODES, { ids: Array.from({ length: 100 }, () => studyId) }, team.user);
    expect(nodes).toHaveLength(100);
  });

  it('refuses metrics(keys:) of 70,000 keys and maxPoints of 10,000 before any SQL, and the next request is served', async () => {
    const METRICS = `query($id: ID!, $keys: [String!], $max: Int) { study(id: $id) { trials(first: 5) {
      nodes { metrics(keys: $keys, maxPoints: $max) { key points { step } } } } } }`;
    const keys = Array.from({ length: 70_000 }, (_, i) => `k${i}`);
    const before = counter.metricReads;
    const many = refusal(await api.post(METRICS, { id: studyId, keys }, team.user));
    expect(many).toEqual({ code: 'BAD_USER_INPUT', message: 'metrics(keys:) may hold at most 50 keys, got 70000' });
    const long = refusal(await api.post(METRICS, { id: studyId, keys: ['x'.repeat(201)] }, team.user));
    expect(long.code).toBe('BAD_USER_INPUT');
    expect(long.message).toMatch(/^metrics\(keys:\)\[0\] must have at most 200 characters, got 201/);
    const points = refusal(await api.post(METRICS, { id: studyId, max: 10_000 }, team.user));
    expect(points).toEqual({ code: 'BAD_USER_INPUT', message: 'metrics(maxPoints:) must be between 1 and 2000, got 10000' });
    expect(counter.metricReads).toBe(before);
    const ok = await api.gql(METRICS, { id: studyId, keys: ['val_loss'], max: 2000 }, team.user);
    expect(ok.study.trials.nodes[0].metrics[0].points).toHaveLength(30);
  });

  it('refuses more than a million curve points in one operation with QUERY_TOO_EXPENSIVE, and the next request is served', async () => {
    const bulky = (await createStudy(api, team, { budget: { maxTrials: 1, maxParallel: 1 } })).id;
    const raw = rawId(bulky, 'Study');
    await handle.query(
      `insert into trial (study_id, number, params, state) select $1, 100 + g, '{"lr": 0.01, "layers": 1}', 'COMPLETE' from generate_series(1, 17) g`,
      [raw],
    );
    await handle.query(
      `insert into metric (trial_id, attempt, key, step, value)
       select t.id, 0, 'loss', s, 1.0 / (s + 1) from trial t, generate_series(0, 1999) s where t.study_id = $1 and t.number >= 100`,
      [raw],
    );
    // 30 aliases × 17 trials × 2,000 points: 1,020,000 points, each alias within the list maxima.
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: trials(first: $n) { nodes { metrics(maxPoints: $m) { points { step } } } }`);
    const result = await api.post(`query($id: ID!, $n: Int, $m: Int) { study(id: $id) { ${aliases.join(' ')} } }`, { id: bulky, n: 500, m: 2000 }, team.user);
    expect(result.data?.study ?? null).toBeNull();
    expect(result.errors?.map((e) => e.extensions?.code)).toContain('QUERY_TOO_EXPENSIVE');
    const one = await api.gql(`query($id: ID!, $n: Int, $m: Int) { study(id: $id) { ${aliases[0]} } }`, { id: bulky, n: 500, m: 2000 }, team.user);
    expect(one.study.a0.nodes).toHaveLength(18);
    expect(one.study.a0.nodes.filter((n: { metrics: unknown[] }) => n.metrics.length === 1)).toHaveLength(17);
  });

  it('refuses malformed cursors and an offset of 1e20 with BAD_USER_INPUT, without SQL in the answer', async () => {
    const cursors = [
      'not-a-cursor',
      Buffer.from('o:100000000000000000000').toString('base64url'),
      Buffer.from('o:1e20').toString('base64url'),
      Buffer.from('o:-1').toString('base64url'),
      'A'.repeat(100_000),
    ];
    for (const after of cursors) {
      const { code, message } = refusal(await api.post(TRIALS, { id: studyId, first: 5, after }, team.user));
      expect(code).toBe('BAD_USER_INPUT');
      expect(message).toMatch(/^trials\(after:\) is not a cursor of this connection: /);
      expect(message.length).toBeLessThan(200);
      expect(message).not.toMatch(/select|offset|lease_token/i);
    }
    const first = await api.gql(
      'query($id: ID!) { study(id: $id) { trials(first: 2) { edges { cursor } } } }',
      { id: studyId },
      team.user,
    );
    const next = await api.gql(TRIALS, { id: studyId, first: 2, after: first.study.trials.edges[1].cursor }, team.user);
    expect(next.study.trials.nodes.map((n: { number: number }) => n.number)).toEqual([2, 3]);
  });

  it('reads the curves and metric keys of every trial of a response in one statement each', async () => {
    const CURVES = `query($id: ID!) { study(id: $id) { trials(first: 12) { nodes { number metricKeys
      metrics(maxPoints: 4) { key points { step value } }
      loss: metrics(keys: ["val_loss"], maxPoints: 100) { key points { step } } } } } }`;
    const before = counter.metricReads;
    const { study } = await api.gql(CURVES, { id: studyId }, team.user);
    // metricKeys, and both `metrics` fields (different arguments, one batch).
    expect(counter.metricReads - before).toBe(2);
    expect(study.trials.nodes).toHaveLength(12);
    for (const node of study.trials.nodes) {
      expect(node.metricKeys).toEqual(['acc', 'val_loss']);
      expect(node.metrics.map((s: { key: string }) => s.key)).toEqual(['acc', 'val_loss']);
      // 30 points, every 8th (k = ceil(30 / 4)) plus the last: steps 0, 8, 16, 24, 29.
      expect(node.metrics[1].points.map((p: { step: number }) => p.step)).toEqual([0, 8, 16, 24, 29]);
      expect(node.metrics[1].points[0].value).toBe(1);
      expect(node.loss).toEqual([{ key: 'val_loss', points: Array.from({ length: 30 }, (_, step) => ({ step })) }]);
    }
  });

  it('exports a page of trials with their whole curves in two statements over the metric table (the counts, the points)', async () => {
    const before = counter.metricReads;
    const { study } = await api.gql(`query($id: ID!) { study(id: $id) { exportJsonl(first: 200) { lines hasNextPage } } }`, { id: studyId }, team.user);
    expect(counter.metricReads - before).toBe(2);
    const lines = study.exportJsonl.lines.map((line: string) => JSON.parse(line));
    expect(study.exportJsonl.hasNextPage).toBe(false);
    // 12 trials ran (30 points of val_loss and of acc each); the rest of the 40 were never claimed.
    const ran = lines.filter((l: { curves: Record<string, unknown[]> }) => Object.keys(l.curves).length > 0);
    expect(ran).toHaveLength(12);
    for (const line of ran) {
      expect(Object.keys(line.curves)).toEqual(['acc', 'val_loss']);
      expect(line.curves.val_loss.map((p: [number, number]) => p[0])).toEqual(Array.from({ length: 30 }, (_, step) => step));
    }
  });

  it('refuses a 1,500-entry parameter filter while a runner claims and reports, and answers 50 entries in one statement', async () => {
    const entries = Array.from({ length: 1_500 }, (_, i) => ({ name: `p${i}`, min: 0, max: 1 }));
    const attacks = Array.from({ length: 6 }, () => api.post(TRIALS, { id: studyId, filter: { params: entries } }, team.user));
    const served = runTrials(api, team, studyId, 2, 5);
    for (const result of await Promise.all(attacks)) {
      expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', message: 'filter.params may hold at most 50 entries, got 1500' });
    }
    expect((await served).count).toBe(2);

    const bad = [
      { params: [{ name: 'x'.repeat(201), min: 0 }], message: /^filter\.params\[0\]\.name must have at most 200 characters/ },
      { params: [{ name: 'lr', values: Array.from({ length: 101 }, (_, i) => i) }], message: /^filter\.params\[0\]\.values may hold at most 100 values, got 101$/ },
      { values: [{ index: 2_000_000_000, min: 0 }], message: /^filter\.values\[0\]\.index must be between 0 and 99, got 2000000000$/ },
    ];
    for (const { message, ...filter } of bad) {
      const answer = refusal(await api.post(TRIALS, { id: studyId, filter }, team.user));
      expect(answer.code).toBe('BAD_USER_INPUT');
      expect(answer.message).toMatch(message);
    }

    // Fifty conditions (the most) select what the strictest of them does.
    const all = await api.gql(TRIALS, { id: studyId, first: 500, filter: { states: ['COMPLETE'] } }, team.user);
    const layers = await api.gql(TRIALS, { id: studyId, first: 500, filter: { states: ['COMPLETE'], params: [{ name: 'layers', min: 2, max: 3 }] } }, team.user);
    const fifty = Array.from({ length: 50 }, (_, i) => (i === 7 ? { name: 'layers', min: 2, max: 3 } : { name: 'lr', min: 0, max: 1, values: null }));
    const wide = await api.gql(TRIALS, { id: studyId, first: 500, filter: { states: ['COMPLETE', 'COMPLETE'], params: fifty } }, team.user);
    expect(wide.study.trials).toEqual(layers.study.trials);
    expect(layers.study.trials.totalCount).toBeGreaterThan(0);
    expect(layers.study.trials.totalCount).toBeLessThan(all.study.trials.totalCount);
    const none = await api.gql(TRIALS, { id: studyId, filter: { params: [{ name: 'layers', values: [7, 'seven'] }] } }, team.user);
    expect(none.study.trials.totalCount).toBe(0);
  });
});

const RELEASE = `mutation($i: TrialReleaseInput!) { trialRelease(input: $i) { trial { id } userErrors { message code } } }`;

/** `count` metric keys named from `from` on (`k00000`, …), one point each at `step`, as report columns. */
function keyColumns(from: number, count: number, step = 0) {
  const keys = Array.from({ length: count }, (_, i) => `k${String(from + i).padStart(5, '0')}`);
  return { keys, steps: keys.map(() => step), values: keys.map((_, i) => i / 10) };
}

describe.each(testDatabases)('abuse: a trial holds at most 1,000 distinct metric keys [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  let team: Team;
  let runnerId: string;
  beforeAll(async () => {
    handle = await target.create();
    api = await startTestApi(handle);
    team = await setupTeam(api, 'key-flood');
    runnerId = await team.register('key-flooder');
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  const claim = async (studyId: string) => {
    const [lease] = (await api.gql(CLAIM, { i: { runnerId, studyId } }, team.runnerAuth)).trialClaim.leases;
    return { trialId: lease.trial.id as string, leaseToken: lease.leaseToken as string, attempt: lease.trial.attempt as number };
  };
  const report = async (lease: { trialId: string; leaseToken: string }, columns: ReturnType<typeof keyColumns>) =>
    (await api.gql(REPORT, { i: { trialId: lease.trialId, leaseToken: lease.leaseToken, columns } }, team.runnerAuth)).trialReport;
  /** What the database holds for the trial: distinct keys and points, every attempt. */
  const stored = async (trialId: string) => {
    const [row] = rowsOf<{ keys: number; points: number }>(
      await handle.db.execute(sql`select count(distinct key)::int as keys, count(*)::int as points from metric where trial_id = ${Number(rawId(trialId, 'Trial'))}`),
    );
    return { keys: Number(row!.keys), points: Number(row!.points) };
  };

  it('refuses a report that would pass the limit, naming the trial, the count and the limit; keeps every point stored before and takes more of the keys it holds', async () => {
    expect(MAX_METRIC_KEYS_PER_TRIAL).toBe(1_000);
    const study = await createStudy(api, team, { budget: { maxTrials: 2, maxParallel: 1, maxFailures: 3 } });
    const lease = await claim(study.id);
    expect(await report(lease, keyColumns(0, 998))).toMatchObject({ accepted: 998, userErrors: [] });

    // Two held keys at a new step and five new keys: 1,003 keys, refused whole.
    const held = keyColumns(0, 2, 1);
    const fresh = keyColumns(998, 5);
    const mixed = { keys: [...held.keys, ...fresh.keys], steps: [...held.steps, ...fresh.steps], values: [...held.values, ...fresh.values] };
    const refused = await report(lease, mixed);
    expect(refused.accepted).toBe(0);
    expect(refused.shouldPrune).toBe(false);
    expect(refused.leaseExpiresAt).not.toBeNull();
    expect(refused.userErrors).toEqual([
      {
        code: 'TOO_LARGE',
        message: expect.stringContaining(`trial ${lease.trialId} (number 0 of its study) holds 998 distinct metric keys and this report adds 5 new ones (1,003), past the limit of 1,000 keys a trial`),
      },
    ]);
    expect(await stored(lease.trialId)).toEqual({ keys: 998, points: 998 });

    // Up to the limit exactly is taken; one key more is not, whatever the batch's size.
    expect(await report(lease, keyColumns(997, 3, 1))).toMatchObject({ accepted: 3, userErrors: [] });
    expect(await stored(lease.trialId)).toEqual({ keys: 1_000, points: 1_001 });
    const one = await report(lease, keyColumns(1_000, 1));
    expect(one).toMatchObject({ accepted: 0, userErrors: [{ code: 'TOO_LARGE', message: expect.stringContaining('holds 1,000 distinct metric keys and this report adds 1 new ones (1,001)') }] });
    // The keys it holds keep taking points: a full report of new steps.
    expect(await report(lease, keyColumns(0, 1_000, 2))).toMatchObject({ accepted: 1_000, userErrors: [] });
    expect(await stored(lease.trialId)).toEqual({ keys: 1_000, points: 2_001 });

    // The next attempt of the trial counts the keys of the earlier ones.
    expect((await api.gql(RELEASE, { i: { trialId: lease.trialId, leaseToken: lease.leaseToken } }, team.runnerAuth)).trialRelease.userErrors).toEqual([]);
    const again = await claim(study.id);
    expect(again.trialId).toBe(lease.trialId);
    expect(again.attempt).toBe(1);
    expect(await report(again, keyColumns(5_000, 1))).toMatchObject({ accepted: 0, userErrors: [{ code: 'TOO_LARGE' }] });
    expect(await report(again, keyColumns(10, 5))).toMatchObject({ accepted: 5, userErrors: [] });
    expect(await stored(again.trialId)).toEqual({ keys: 1_000, points: 2_006 });
  });

  it('lets reports of one trial sent at once hold it to the limit: each sees the keys the others stored', async () => {
    const study = await createStudy(api, team, { budget: { maxTrials: 2, maxParallel: 1 } });
    const lease = await claim(study.id);
    const answers = await Promise.all([0, 1, 2, 3].map((i) => report(lease, keyColumns(i * 400, 400))));
    expect(answers.map((answer) => answer.accepted).sort()).toEqual([0, 0, 400, 400]);
    expect(answers.filter((answer) => answer.userErrors.length > 0).map((answer) => answer.userErrors[0].code)).toEqual(['TOO_LARGE', 'TOO_LARGE']);
    expect(await stored(lease.trialId)).toEqual({ keys: 800, points: 800 });
  });
});

/**
 * Postgres only: PGlite is one session whose statements can be neither timed out (no timer signals in WASM)
 * nor cancelled; there the limits above are what bound a statement.
 */
describe.each(testDatabases.filter((target) => target.name === 'postgres'))('abuse: statement timeout, cancellation, the protocol pool [$name]', (target) => {
  let empty: Awaited<ReturnType<typeof target.createEmpty>>;
  const handles: DbHandle[] = [];
  const apis: TestApi[] = [];
  let team: Team;
  let studyId: string;
  /** 50 entries × 100 choices that every trial satisfies late in each list: seconds of work on 40,000 trials. */
  const heavy = {
    params: Array.from({ length: 50 }, () => ({ name: 'layers', values: [...Array.from({ length: 96 }, (_, i) => 1_000 + i), 1, 2, 3, 4] })),
  };

  async function open(options: Parameters<typeof createDb>[0]) {
    const handle = await createDb({ url: empty.url, ...options });
    handles.push(handle);
    const api = await startTestApi(handle);
    apis.push(api);
    return { handle, api };
  }

  beforeAll(async () => {
    empty = await target.createEmpty();
    const { handle, api } = await open({ poolSize: 2, protocolPoolSize: 2, statementTimeoutMs: 1_500 });
    await handle.migrate();
    team = await setupTeam(api, 'timeouts');
    studyId = (await createStudy(api, team, { budget: { maxTrials: 100_000, maxParallel: 4 } })).id;
    await handle.query(
      `insert into trial (study_id, number, params, state, values)
       select $1, 1000 + g, jsonb_build_object('lr', 0.01, 'layers', 1 + g % 4), 'COMPLETE', array[g::float8]
       from generate_series(1, 40000) g`,
      [rawId(studyId, 'Study')],
    );
    await handle.query('analyze trial');
  });
  afterAll(async () => {
    for (const api of apis) await api.close();
    for (const handle of handles) await handle.close();
    await empty.drop();
  });

  it('cancels reads past the statement timeout with QUERY_TIMEOUT while runners claim and report on their own pool', async () => {
    const api = apis[0]!;
    let pending = 6;
    const attacks = Array.from({ length: 6 }, () =>
      api.post(TRIALS, { id: studyId, filter: heavy }, team.user).finally(() => (pending -= 1)),
    );
    // Both read connections are taken by the attack (and more statements queue for them); the runner is served.
    const runner = await team.register('steady');
    const claimed = await api.gql(CLAIM, { i: { runnerId: runner, studyId, limit: 2 } }, team.runnerAuth);
    expect(claimed.trialClaim.leases).toHaveLength(2);
    const lease = claimed.trialClaim.leases[0];
    const report = await api.gql(REPORT, { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, points: [{ key: 'val_loss', step: 0, value: 1 }] } }, team.runnerAuth);
    expect(report.trialReport.accepted).toBe(1);
    expect(pending).toBe(6);
    for (const result of await Promise.all(attacks)) {
      expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TIMEOUT');
      expect(result.errors?.[0]?.message).not.toMatch(/select|jsonb/i);
    }
    // The pool is whole again: a cheap read is answered.
    const cheap = await api.gql(TRIALS, { id: studyId, first: 1, filter: { states: ['COMPLETE'], params: [{ name: 'layers', values: [2] }] } }, team.user);
    expect(cheap.study.trials.totalCount).toBe(10_000);
  });

  it('cancels the statements of a request whose client went away', async () => {
    // No statement timeout here: only the cancellation can end the statement.
    // (It would run for about a minute; the first handle, idle now, watches pg_stat_activity.)
    const { api } = await open({ poolSize: 2, statementTimeoutMs: 0 });
    const running = async () =>
      Number(
        (
          await handles[0]!.query<{ n: number }>(
            `select count(*)::int as n from pg_stat_activity where state = 'active' and query like '%jsonb_to_recordset%' and pid <> pg_backend_pid()`,
          )
        )[0]!.n,
      );
    const client = new AbortController();
    const request = fetch(api.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: team.user.cookie },
      body: JSON.stringify({ query: TRIALS, variables: { id: studyId, filter: heavy } }),
      signal: client.signal,
    }).catch((error: Error) => error.name);
    await waitFor(async () => (await running()) > 0);
    client.abort();
    expect(await request).toBe('AbortError');
    await waitFor(async () => (await running()) === 0);
    const cheap = await api.gql(TRIALS, { id: studyId, first: 1 }, team.user);
    expect(cheap.study.trials.totalCount).toBe(40_004);
  });
});

/** Polls `condition` until it holds; fails after 20 s. */
async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met within 20 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
