import { describe, expect, it } from 'vitest';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import {
  claimLeases,
  COMPLETE,
  collect,
  createStudy,
  startTestApi,
  type Lease,
  type TestApi,
} from './testing/harness.ts';
import { useTwoApis, type TwoApis } from './testing/two-apis.ts';

const FAIL = `mutation($i: TrialFailInput!) { trialFail(input: $i) { trial { id state } userErrors { message code } } }`;
const STUDY = `query($id: ID!) {
  study(id: $id) { status failureReason completedAt counts { pending running complete pruned fail cancelled total } }
}`;

describe.each(testDatabases)('a study whose trials fail [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  /** Leases of one second, so the reaper fails lost trials quickly (the same rule: any replica may reap them). */
  let shortLeases: TestApi;
  let team: TwoApis['team'];
  useTwoApis(
    target,
    {
      teamName: 'fails',
      env: { TUNEBOARD_MAX_CONSECUTIVE_FAILURES: '5' },
      shortEnv: { LEASE_SECONDS: '1', REAPER_INTERVAL_MS: '100' },
    },
    (started) => ({ handle, api, shortLeases, team } = started),
  );

  const claim = (runnerId: string, studyId: string, limit = 1, via = api) => claimLeases(via, team.runnerAuth, runnerId, studyId, limit);
  const fail = (lease: Lease, error: string, via = api) =>
    via.gql(FAIL, { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, error } }, team.runnerAuth);
  const complete = (lease: Lease, value: number, via = api) =>
    via.gql(
      COMPLETE,
      { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, values: [value] } },
      team.runnerAuth,
    );
  const study = async (id: string) => (await api.gql(STUDY, { id }, team.user)).study;

  it('stops as FAILED after five failed trials in a row, with the last error, its pending trials cancelled, live', async () => {
    const created = await createStudy(api, team, { budget: { maxTrials: 20, maxParallel: 2 } });
    const feed = collect<{
      studyEvents: { kind: string; study: { status: string; failureReason: string | null } };
    }>(
      api.ws(team.user),
      'subscription($id: ID!) { studyEvents(studyId: $id) { kind study { status failureReason } } }',
      { id: created.id },
    );
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the subscription start
    const runner = await team.register('broken-runner');
    for (let i = 0; i < 4; i += 1) {
      const [lease] = await claim(runner, created.id);
      await fail(lease!, `ValueError: parameter lr missing (trial ${i})`);
    }
    expect((await study(created.id)).status).toBe('RUNNING'); // four in a row: not yet
    const [fifth] = await claim(runner, created.id);
    await fail(fifth!, 'ValueError: parameter lr missing (trial 4)');

    const now = await study(created.id);
    expect(now.status).toBe('FAILED');
    expect(now.failureReason).toBe(
      'stopped after 5 failed trials in a row; the last error: ValueError: parameter lr missing (trial 4)',
    );
    expect(now.completedAt).not.toBeNull();
    expect(now.counts).toMatchObject({
      fail: 5,
      pending: 0,
      running: 0,
      complete: 0,
      cancelled: 1,
      total: 6,
    });
    expect(await claim(runner, created.id, 5)).toEqual([]); // nothing is handed out any more

    const events = await feed.until((list) => list.some((e) => e.studyEvents.kind === 'STUDY_STATUS'));
    expect(events.find((e) => e.studyEvents.kind === 'STUDY_STATUS')!.studyEvents.study).toMatchObject({
      status: 'FAILED',
    });
    feed.stop();

    const { studyStop } = await api.gql(
      'mutation($i: StudyIdInput!) { studyStop(input: $i) { userErrors { message code } } }',
      { i: { id: created.id } },
      team.user,
    );
    expect(studyStop.userErrors).toEqual([
      { message: 'The study is already FAILED.', code: 'INVALID_STATE' },
    ]);
    const { trialEnqueue } = await api.gql(
      'mutation($i: TrialEnqueueInput!) { trialEnqueue(input: $i) { trial { id } userErrors { field message code } } }',
      { i: { studyId: created.id, params: { lr: 0.01, layers: 2 } } },
      team.user,
    );
    expect(trialEnqueue.userErrors).toEqual([
      { field: ['input', 'studyId'], message: 'The study is FAILED.', code: 'INVALID_STATE' },
    ]);
  });

  it('keeps running when a complete trial breaks the run of failures, and ends COMPLETED with one complete trial', async () => {
    const created = await createStudy(api, team, { budget: { maxTrials: 9, maxParallel: 1 } });
    const runner = await team.register('flaky-runner');
    const outcomes = ['fail', 'fail', 'fail', 'fail', 'complete', 'fail', 'fail', 'fail', 'fail'];
    for (const outcome of outcomes) {
      const [lease] = await claim(runner, created.id);
      if (outcome === 'fail') await fail(lease!, 'CUDA out of memory');
      else await complete(lease!, 0.5);
    }
    const now = await study(created.id);
    expect(now.status).toBe('COMPLETED');
    expect(now.failureReason).toBeNull();
    expect(now.counts).toMatchObject({ complete: 1, fail: 8, total: 9 });
  });

  it('ends FAILED, not COMPLETED, when the budget is spent without a complete trial', async () => {
    // Three trials, all failed: fewer than the five in a row, so it is the budget's end that decides.
    const created = await createStudy(api, team, { budget: { maxTrials: 3, maxParallel: 3 } });
    const runner = await team.register('budget-runner');
    const leases = await claim(runner, created.id, 3);
    expect(leases).toHaveLength(3);
    for (const [i, lease] of leases.entries()) await fail(lease, `exit code ${i + 1}`);
    const now = await study(created.id);
    expect(now.status).toBe('FAILED');
    expect(now.failureReason).toBe(
      'the budget was spent without a complete trial (3 failed, 0 pruned); the last error: exit code 3',
    );
  });

  it('counts a NaN objective as a failure, and never stops a study when the setting is 0', async () => {
    // Started here and closed at the end, so its reaper never judges another test's trials by its rule.
    const patient = await startTestApi(handle, { TUNEBOARD_MAX_CONSECUTIVE_FAILURES: '0' });
    const created = await createStudy(patient, team, { budget: { maxTrials: 8, maxParallel: 1 } });
    const runner = await team.register('nan-runner');
    for (let i = 0; i < 6; i += 1) {
      const [lease] = await claim(runner, created.id, 1, patient);
      await patient.gql(
        COMPLETE,
        { i: { trialId: lease!.trial.id, leaseToken: lease!.leaseToken, values: ['NaN'] } },
        team.runnerAuth,
      );
    }
    expect(await study(created.id)).toMatchObject({
      status: 'RUNNING',
      failureReason: null,
      counts: { fail: 6 },
    });
    await patient.close();

    // The same run of NaN failures on an API with the default rule stops the next study.
    const other = await createStudy(api, team, { budget: { maxTrials: 8, maxParallel: 1 } });
    for (let i = 0; i < 5; i += 1) {
      const [lease] = await claim(runner, other.id);
      await api.gql(
        COMPLETE,
        { i: { trialId: lease!.trial.id, leaseToken: lease!.leaseToken, values: ['NaN'] } },
        team.runnerAuth,
      );
    }
    const now = await study(other.id);
    expect(now.status).toBe('FAILED');
    expect(now.failureReason).toMatch(
      /^stopped after 5 failed trials in a row; the last error: objective value is NaN/,
    );
  });

  it('fails a study whose trials keep losing their leases (the reaper fails them after maxFailures)', async () => {
    const created = await createStudy(shortLeases, team, {
      budget: { maxTrials: 10, maxParallel: 5, maxFailures: 1 },
    });
    const runner = await team.register('vanishing-runner');
    // Five trials claimed and never reported: each lease expires once and, with maxFailures 1, the trial fails.
    expect(await claim(runner, created.id, 5, shortLeases)).toHaveLength(5);
    const deadline = Date.now() + 20_000;
    let now = await study(created.id);
    while (now.status === 'RUNNING' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      now = await study(created.id);
    }
    expect(now.status).toBe('FAILED');
    expect(now.failureReason).toBe(
      'stopped after 5 failed trials in a row; the last error: lease expired 1 times (max_failures = 1)',
    );
    expect(now.counts).toMatchObject({ fail: 5, pending: 0, running: 0 });
  });
});
