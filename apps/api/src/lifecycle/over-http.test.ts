import { describe, expect, it } from 'vitest';
import { testDatabases } from '@tuneboard/db/testing';
import {
  claimLeases,
  COMPLETE,
  REPORT,
  STUDY_FIELDS,
  collect,
  createStudy,
  type Lease,
  type TestApi,
} from '../testing/harness.ts';
import { useTwoApis, type TwoApis } from '../testing/two-apis.ts';

describe.each(testDatabases)('the trial lifecycle over HTTP and WebSocket [$name]', (target) => {
  let api: TestApi;
  /** The same database behind a second API process whose leases last two seconds. */
  let shortLeases: TestApi;
  let team: TwoApis['team'];
  useTwoApis(target, { teamName: 'ada', shortEnv: { LEASE_SECONDS: '2' } }, (started) => ({ api, shortLeases, team } = started));

  const claim = (runnerId: string, studyId: string, limit = 1, via = api) => claimLeases(via, team.runnerAuth, runnerId, studyId, limit);
  const complete = (lease: Lease, values: unknown[]) =>
    api.gql(COMPLETE, { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, values } }, team.runnerAuth);
  const study = async (id: string) =>
    (await api.gql(`query($id: ID!) { study(id: $id) { ${STUDY_FIELDS} bestTrial { number values } } }`, { id }, team.user))
      .study;

  it('runs a study from creation through parallel claims and top-ups to COMPLETED, live on a subscription', async () => {
    const created = await createStudy(api, team, { budget: { maxTrials: 4, maxParallel: 2 } });
    expect(created.counts).toMatchObject({ pending: 2, total: 2 });
    const feed = collect<{ studyEvents: { kind: string; study: { status: string } } }>(
      api.ws(team.user),
      'subscription($id: ID!) { studyEvents(studyId: $id) { kind study { status } trial { number state } } }',
      { id: created.id },
    );
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the subscription start

    const [first, second] = await Promise.all([
      team.register('runner-a').then((id) => claim(id, created.id)),
      team.register('runner-b').then((id) => claim(id, created.id)),
    ]);
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(first![0]!.trial.id).not.toBe(second![0]!.trial.id);

    const report = await api.gql(
      REPORT,
      { i: { trialId: first![0]!.trial.id, leaseToken: first![0]!.leaseToken, points: [{ key: 'val_loss', step: 0, value: 0.9 }] } },
      team.runnerAuth,
    );
    expect(report.trialReport).toMatchObject({ accepted: 1, shouldPrune: false, userErrors: [] });

    await complete(first![0]!, [0.5]);
    await complete(second![0]!, [0.25]);
    let now = await study(created.id);
    expect(now.counts).toMatchObject({ complete: 2, pending: 2 }); // topped up to maxParallel again

    const runner = await team.register('runner-a');
    const rest = await claim(runner, created.id, 5);
    expect(rest).toHaveLength(2); // the budget allows 4 in all
    for (const lease of rest) await complete(lease, [1]);
    now = await study(created.id);
    expect(now.status).toBe('COMPLETED');
    expect(now.counts).toMatchObject({ complete: 4, pending: 0, running: 0, total: 4 });
    expect(now.bestTrial.values).toEqual([0.25]);

    const events = await feed.until((list) => list.some((e) => e.studyEvents.kind === 'STUDY_STATUS'));
    const kinds = new Set(events.map((e) => e.studyEvents.kind));
    // SYNC first: where the study stood when the subscription began.
    expect(events[0]?.studyEvents.kind).toBe('SYNC');
    expect(kinds).toEqual(new Set(['SYNC', 'TRIAL_CLAIMED', 'TRIAL_REPORTED', 'TRIAL_FINISHED', 'TRIAL_CREATED', 'STUDY_STATUS']));
    feed.stop();
  });

  it('carries the last points, the completion and the next claim in one request, in that order', async () => {
    // maxParallel 1: the next trial exists only once the completion's top-up has run, so the claim finding
    // it shows that a mutation's fields run one after the other (what a runner relies on to save round trips).
    const created = await createStudy(api, team, { budget: { maxTrials: 2, maxParallel: 1 } });
    const runnerId = await team.register('pipelining');
    const [first] = await claim(runnerId, created.id);
    const ids = { trialId: first!.trial.id, leaseToken: first!.leaseToken };
    const reply = await api.gql(
      `mutation($r: TrialReportInput!, $c: TrialCompleteInput!, $k: TrialClaimInput!) {
        trialReport(input: $r) { accepted userErrors { code } }
        trialComplete(input: $c) { trial { state values } userErrors { code } }
        trialClaim(input: $k) { leases { trial { id number } } userErrors { code } } }`,
      {
        r: { ...ids, points: [0, 1].map((step) => ({ key: 'val_loss', step, value: 1 - step / 4 })) },
        c: { ...ids, values: [0.75] },
        k: { runnerId, studyId: created.id },
      },
      team.runnerAuth,
    );
    expect(reply.trialReport).toEqual({ accepted: 2, userErrors: [] });
    expect(reply.trialComplete).toEqual({ trial: { state: 'COMPLETE', values: [0.75] }, userErrors: [] });
    expect(reply.trialClaim.userErrors).toEqual([]);
    expect(reply.trialClaim.leases.map((lease: Lease) => lease.trial.number)).toEqual([first!.trial.number + 1]);
    expect((await study(created.id)).counts).toMatchObject({ complete: 1, running: 1, pending: 0 });
  });

  it('lists a project’s studies each with its own counts and progress (counted for all of them at once)', async () => {
    const small = await createStudy(api, team, { budget: { maxTrials: 2, maxParallel: 1 } });
    const wide = await createStudy(api, team, { budget: { maxTrials: 10, maxParallel: 3 } });
    const runnerId = await team.register('lister');
    const [lease] = await claim(runnerId, small.id);
    await complete(lease!, [0.5]);
    const { project } = await api.gql(
      'query($id: ID!) { project: node(id: $id) { ... on Project { studies { id counts { pending running complete total } progress } } } }',
      { id: team.projectId },
      team.user,
    );
    const byId = new Map(project.studies.map((row: { id: string }) => [row.id, row]));
    expect(byId.get(small.id)).toEqual({ id: small.id, counts: { pending: 1, running: 0, complete: 1, total: 2 }, progress: 0.5 });
    expect(byId.get(wide.id)).toEqual({ id: wide.id, counts: { pending: 3, running: 0, complete: 0, total: 3 }, progress: 0 });
  });

  it('lets 20 concurrent claimers take 200 trials with no double claim and none left behind', async () => {
    const created = await createStudy(api, team, { budget: { maxTrials: 200, maxParallel: 200 } });
    expect(created.counts.pending).toBe(200);
    const runners = await Promise.all(Array.from({ length: 20 }, (_, i) => team.register(`swarm-${i}`)));
    const claimed: string[] = [];
    await Promise.all(
      runners.map(async (runnerId) => {
        for (;;) {
          const leases = await claim(runnerId, created.id, 1);
          if (leases.length === 0) return;
          claimed.push(leases[0]!.trial.id);
        }
      }),
    );
    expect(claimed).toHaveLength(200);
    expect(new Set(claimed).size).toBe(200);
    const now = await study(created.id);
    expect(now.counts).toMatchObject({ pending: 0, running: 200 });
  });

  it('re-queues a trial whose lease expired as attempt + 1, and refuses the old lease token', async () => {
    const created = await createStudy(api, team, { budget: { maxTrials: 1, maxParallel: 1, maxFailures: 3 } });
    const runner = await team.register('sleepy');
    const [lost] = await claim(runner, created.id, 1, shortLeases);
    expect(lost!.trial.attempt).toBe(0);
    // The runner goes silent: after LEASE_SECONDS the reaper returns the trial to the queue.
    let again: Lease[] = [];
    await expect
      .poll(async () => (again = await claim(runner, created.id)).length, { timeout: 20_000, interval: 500 })
      .toBe(1);
    expect(again[0]!.trial.id).toBe(lost!.trial.id);
    expect(again[0]!.trial.attempt).toBe(1);

    const stale = await api.gql(
      REPORT,
      { i: { trialId: lost!.trial.id, leaseToken: lost!.leaseToken, points: [{ key: 'val_loss', step: 0, value: 1 }] } },
      team.runnerAuth,
    );
    expect(stale.trialReport.userErrors[0].code).toBe('STALE_LEASE');
    const staleComplete = await complete(lost!, [0.1]);
    expect(staleComplete.trialComplete.userErrors[0].code).toBe('STALE_LEASE');
    const fresh = await complete(again[0]!, [0.2]);
    expect(fresh.trialComplete.trial).toMatchObject({ state: 'COMPLETE', values: [0.2] });
  });

  it('takes a released trial back as attempt + 1 without counting a failure', async () => {
    const created = await createStudy(api, team, { budget: { maxTrials: 1, maxParallel: 1, maxFailures: 1 } });
    const runner = await team.register('leaving');
    const [held] = await claim(runner, created.id);
    const { trialRelease } = await api.gql(
      'mutation($i: TrialReleaseInput!) { trialRelease(input: $i) { trial { state attempt } userErrors { code } } }',
      { i: { trialId: held!.trial.id, leaseToken: held!.leaseToken } },
      team.runnerAuth,
    );
    expect(trialRelease.trial).toEqual({ state: 'PENDING', attempt: 1 });
    const [again] = await claim(runner, created.id);
    expect(again!.trial).toMatchObject({ id: held!.trial.id, attempt: 1 });
  });

  it('fails a trial after maxFailures lost leases', async () => {
    const created = await createStudy(api, team, { budget: { maxTrials: 1, maxParallel: 1, maxFailures: 1 } });
    const runner = await team.register('doomed');
    await claim(runner, created.id, 1, shortLeases);
    await expect
      .poll(async () => (await study(created.id)).counts.fail, { timeout: 20_000, interval: 500 })
      .toBe(1);
  });

  it('answers a report with the pruner’s verdict', async () => {
    const created = await createStudy(api, team, {
      budget: { maxTrials: 10, maxParallel: 1 },
      pruner: { kind: 'median', startupTrials: 1, warmupSteps: 0 },
    });
    const runner = await team.register('pruned');
    const [good] = await claim(runner, created.id);
    const points = [0, 1, 2].map((step) => ({ key: 'val_loss', step, value: 0.5 - step * 0.1 }));
    await api.gql(REPORT, { i: { trialId: good!.trial.id, leaseToken: good!.leaseToken, points } }, team.runnerAuth);
    await complete(good!, [0.3]);
    const [bad] = await claim(runner, created.id);
    const early = await api.gql(
      REPORT,
      { i: { trialId: bad!.trial.id, leaseToken: bad!.leaseToken, points: [{ key: 'val_loss', step: 0, value: 0.45 }] } },
      team.runnerAuth,
    );
    expect(early.trialReport.shouldPrune).toBe(false);
    const worse = await api.gql(
      REPORT,
      { i: { trialId: bad!.trial.id, leaseToken: bad!.leaseToken, points: [{ key: 'val_loss', step: 1, value: 3.5 }] } },
      team.runnerAuth,
    );
    expect(worse.trialReport.shouldPrune).toBe(true);
  });

  it('judges every step of a batch against the other trials at that step (median pruner, several trials)', async () => {
    const created = await createStudy(api, team, {
      budget: { maxTrials: 10, maxParallel: 1 },
      pruner: { kind: 'median', startupTrials: 2, warmupSteps: 0 },
    });
    const runner = await team.register('judged');
    // Three finished trials with curves 1/(step+1) + offset over steps 0..4.
    for (const offset of [0, 0.1, 0.2]) {
      const [lease] = await claim(runner, created.id);
      const points = [0, 1, 2, 3, 4].map((step) => ({ key: 'val_loss', step, value: 1 / (step + 1) + offset }));
      await api.gql(REPORT, { i: { trialId: lease!.trial.id, leaseToken: lease!.leaseToken, points } }, team.runnerAuth);
      await complete(lease!, [0.2 + offset]);
    }
    const report = async (lease: (typeof judged)[number] | undefined, points: { step: number; value: number }[]) =>
      (
        await api.gql(
          REPORT,
          { i: { trialId: lease!.trial.id, leaseToken: lease!.leaseToken, points: points.map((p) => ({ key: 'val_loss', ...p })) } },
          team.runnerAuth,
        )
      ).trialReport.shouldPrune;
    const judged = await claim(runner, created.id);
    // Best so far 0.25 at step 1 (the others there: 0.5, 0.6, 0.7): keep going.
    expect(await report(judged[0], [{ step: 0, value: 1 }, { step: 1, value: 0.25 }])).toBe(false);
    // Steps 7 and 8 no other trial reached: nothing to compare with.
    expect(await report(judged[0], [{ step: 7, value: 0.9 }, { step: 8, value: 0.95 }])).toBe(false);
    // Step 4 (others 0.2, 0.3, 0.4): 0.7 is worse than the median, but the best so far (0.25, an earlier batch) is not.
    expect(await report(judged[0], [{ step: 4, value: 0.7 }])).toBe(false);
    await complete(judged[0]!, [0.7]);
    const bad = await claim(runner, created.id);
    // A batch of two steps: at step 0 (others 1, 1.1, 1.2, 1) 1.05 is no worse than the median; at step 4
    // (others 0.2, 0.3, 0.4, 0.7: median 0.35) its best, 0.9, is.
    expect(await report(bad[0], [{ step: 0, value: 1.05 }, { step: 4, value: 0.9 }])).toBe(true);
  });

  it('stores a re-sent batch once, and round-trips NaN and ±Infinity; a NaN objective fails the trial', async () => {
    const created = await createStudy(api, team, { budget: { maxTrials: 1, maxParallel: 1 } });
    const runner = await team.register('precise');
    const [lease] = await claim(runner, created.id);
    const points = [
      { key: 'loss', step: 0, value: 'NaN' },
      { key: 'loss', step: 1, value: 'Infinity' },
      { key: 'loss', step: 2, value: '-Infinity' },
      { key: 'loss', step: 3, value: 1e308 },
    ];
    const send = () =>
      api.gql(REPORT, { i: { trialId: lease!.trial.id, leaseToken: lease!.leaseToken, points } }, team.runnerAuth);
    expect((await send()).trialReport.accepted).toBe(4);
    expect((await send()).trialReport.accepted).toBe(0);
    const { trial } = await api.gql(
      'query($id: ID!) { trial(id: $id) { metricKeys metrics(keys: ["loss"]) { key points { step value } } } }',
      { id: lease!.trial.id },
      team.user,
    );
    expect(trial.metricKeys).toEqual(['loss']);
    expect(trial.metrics[0].points).toEqual([
      { step: 0, value: 'NaN' },
      { step: 1, value: 'Infinity' },
      { step: 2, value: '-Infinity' },
      { step: 3, value: 1e308 },
    ]);
    const done = await complete(lease!, ['NaN']);
    expect(done.trialComplete.trial.state).toBe('FAIL');
    expect(done.trialComplete.trial.error).toMatch(/objective value is NaN/);
    expect(done.trialComplete.trial.values).toEqual(['NaN']); // kept for inspection
  });

  it('takes points as columns, stored as the same points as objects; refuses unequal columns and both forms', async () => {
    const created = await createStudy(api, team, { budget: { maxTrials: 1, maxParallel: 1 } });
    const [lease] = await claim(await team.register('columns'), created.id);
    const ids = { trialId: lease!.trial.id, leaseToken: lease!.leaseToken };
    const columns = { keys: ['loss', 'acc', 'loss'], steps: [0, 0, 1], values: [0.5, 'NaN', 0.25] };
    expect((await api.gql(REPORT, { i: { ...ids, columns } }, team.runnerAuth)).trialReport).toMatchObject({ accepted: 3, userErrors: [] });
    // The same points as objects: already there.
    const asObjects = columns.keys.map((key, i) => ({ key, step: columns.steps[i], value: columns.values[i] }));
    expect((await api.gql(REPORT, { i: { ...ids, points: asObjects } }, team.runnerAuth)).trialReport.accepted).toBe(0);
    const { trial } = await api.gql(
      'query($id: ID!) { trial(id: $id) { metrics(keys: ["loss", "acc"]) { key points { step value } } } }',
      { id: lease!.trial.id },
      team.user,
    );
    expect(trial.metrics).toEqual([
      { key: 'acc', points: [{ step: 0, value: 'NaN' }] },
      { key: 'loss', points: [{ step: 0, value: 0.5 }, { step: 1, value: 0.25 }] },
    ]);
    const REPORT_FIELD = REPORT.replace('userErrors { message code }', 'userErrors { field message code }');
    const uneven = await api.gql(REPORT_FIELD, { i: { ...ids, columns: { ...columns, steps: [0, 1] } } }, team.runnerAuth);
    expect(uneven.trialReport.userErrors[0]).toMatchObject({ field: ['input', 'columns'], message: expect.stringContaining('keys 3, steps 2, values 3') });
    const both = await api.gql(REPORT_FIELD, { i: { ...ids, columns, points: asObjects } }, team.runnerAuth);
    expect(both.trialReport.userErrors[0]).toMatchObject({ field: ['input', 'columns'], message: expect.stringContaining('not both') });
    const badKey = await api.gql(REPORT_FIELD, { i: { ...ids, columns: { keys: ['ok', 'no space'], steps: [2, 2], values: [1, 1] } } }, team.runnerAuth);
    expect(badKey.trialReport.userErrors[0]).toMatchObject({ field: ['input', 'columns', '1'] });
  });
});
