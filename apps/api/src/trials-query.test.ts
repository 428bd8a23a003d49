import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { CLAIM, COMPLETE, REPORT, createStudy, setupTeam, startTestApi, type TestApi } from './testing/harness.ts';

interface Node {
  number: number;
  params: { lr: number; layers: number };
  values: number[] | null;
}

describe.each(testDatabases)('querying a study’s trials [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  let team: Awaited<ReturnType<typeof setupTeam>>;
  let studyId: string;
  const finished: Node[] = [];
  beforeAll(async () => {
    handle = await target.create();
    api = await startTestApi(handle);
    team = await setupTeam(api, 'analyst');
    studyId = (await createStudy(api, team, { budget: { maxTrials: 12, maxParallel: 12 } })).id;
    const runner = await team.register('analyst-runner');
    const { trialClaim } = await api.gql(CLAIM, { i: { runnerId: runner, studyId, limit: 10 } }, team.runnerAuth);
    for (const lease of trialClaim.leases) {
      const value = lease.trial.params.layers * 10 + lease.trial.number;
      const points = Array.from({ length: 50 }, (_, step) => ({ key: 'val_loss', step, value: value / (step + 1) }));
      await api.gql(REPORT, { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, points } }, team.runnerAuth);
      await api.gql(COMPLETE, { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, values: [value] } }, team.runnerAuth);
      finished.push({ number: lease.trial.number, params: lease.trial.params, values: [value] });
    }
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  const TRIALS = `query($id: ID!, $first: Int, $after: String, $filter: TrialFilter, $order: TrialOrder) {
    study(id: $id) { trials(first: $first, after: $after, filter: $filter, orderBy: $order) {
      totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { number params values } } } }`;
  const trials = async (variables: Record<string, unknown>) =>
    (await api.gql(TRIALS, { id: studyId, ...variables }, team.user)).study.trials;

  it('pages through every trial in number order with cursors', async () => {
    const first = await trials({ first: 5 });
    expect(first.totalCount).toBe(12);
    expect(first.nodes.map((n: Node) => n.number)).toEqual([0, 1, 2, 3, 4]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const rest = await trials({ first: 100, after: first.pageInfo.endCursor });
    expect(rest.nodes.map((n: Node) => n.number)).toEqual([5, 6, 7, 8, 9, 10, 11]);
    expect(rest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('orders by an objective and by a parameter, and filters by state, parameter range and value', async () => {
    const best = await trials({ filter: { states: ['COMPLETE'] }, order: { field: 'VALUE', direction: 'ASC' } });
    const byValue = [...finished].sort((a, b) => a.values![0]! - b.values![0]!).map((n) => n.number);
    expect(best.nodes.map((n: Node) => n.number)).toEqual(byValue);

    const byLr = await trials({ filter: { states: ['COMPLETE'] }, order: { field: 'PARAM', param: 'lr', direction: 'DESC' } });
    const lrs = byLr.nodes.map((n: Node) => n.params.lr);
    expect(lrs).toEqual([...lrs].sort((a: number, b: number) => b - a));

    const sorted = finished.map((n) => n.params.lr).sort((a, b) => a - b);
    const [low, high] = [sorted[2]!, sorted[7]!];
    const inRange = await trials({ filter: { states: ['COMPLETE'], params: [{ name: 'lr', min: low, max: high }] } });
    expect(inRange.totalCount).toBe(finished.filter((n) => n.params.lr >= low && n.params.lr <= high).length);

    const layers = await trials({ filter: { params: [{ name: 'layers', values: [2, 3] }], values: [{ index: 0, max: 35 }] } });
    const expected = finished.filter((n) => [2, 3].includes(n.params.layers) && n.values![0]! <= 35);
    expect(layers.nodes.map((n: Node) => n.number).sort()).toEqual(expected.map((n) => n.number).sort());

    // A set matches by value (2.0 is 2), never a missing parameter.
    const asFloats = await trials({ filter: { params: [{ name: 'layers', values: [2.0, 3.0, 'x'] }], values: [{ index: 0, max: 35 }] } });
    expect(asFloats.nodes.map((n: Node) => n.number).sort()).toEqual(expected.map((n) => n.number).sort());
    expect((await trials({ filter: { params: [{ name: 'nope', values: ['x', 1] }] } })).totalCount).toBe(0);

    const pending = await trials({ filter: { states: ['PENDING'] } });
    expect(pending.totalCount).toBe(2);
  });

  it('downsamples a learning curve on the server, keeping the last point', async () => {
    const [one] = (await trials({ first: 1, filter: { states: ['COMPLETE'] } })).nodes;
    const { study } = await api.gql(
      `query($id: ID!) { study(id: $id) { trials(first: 1, filter: { states: [COMPLETE] }) { nodes { id } } } }`,
      { id: studyId },
      team.user,
    );
    const { trial } = await api.gql(
      'query($id: ID!) { trial(id: $id) { metrics(keys: ["val_loss"], maxPoints: 10) { key points { step } } } }',
      { id: study.trials.nodes[0].id },
      team.user,
    );
    const steps = trial.metrics[0].points.map((p: { step: number }) => p.step);
    expect(one).toBeDefined();
    expect(steps.length).toBeLessThanOrEqual(11);
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBe(49);
  });
});
