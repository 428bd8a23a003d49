import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { CLAIM, COMPLETE, REPORT, createStudy, setupTeam, startTestApi, type TestApi } from './testing/harness.ts';

describe.each(testDatabases)('refining a study [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  let team: Awaited<ReturnType<typeof setupTeam>>;
  let parentId: string;
  beforeAll(async () => {
    handle = await target.create();
    api = await startTestApi(handle);
    team = await setupTeam(api, 'refiner');
    parentId = (await createStudy(api, team, { budget: { maxTrials: 8, maxParallel: 8 } })).id;
    const runner = await team.register('refiner-runner');
    const { trialClaim } = await api.gql(CLAIM, { i: { runnerId: runner, studyId: parentId, limit: 8 } }, team.runnerAuth);
    for (const lease of trialClaim.leases) {
      // The objective: small learning rates are good.
      const value = Math.log10(lease.trial.params.lr as number) + 5;
      await api.gql(
        REPORT,
        { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, points: [{ key: 'val_loss', step: 0, value }] } },
        team.runnerAuth,
      );
      await api.gql(COMPLETE, { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, values: [value] } }, team.runnerAuth);
    }
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  const REFINE = `mutation($i: StudyRefineInput!) { studyRefine(input: $i) {
    study { id name space refinement parent { id } counts { complete pending }
      trials(filter: { states: [COMPLETE] }) { nodes { origin params values source { id study { id } } metricKeys } } }
    userErrors { field message } } }`;

  it('makes a child study from brushed ranges that inherits the trials inside, with their curves', async () => {
    const { study: parent } = await api.gql(
      'query($id: ID!) { study(id: $id) { trials(first: 100) { nodes { params } } } }',
      { id: parentId },
      team.user,
    );
    const lrs = parent.trials.nodes.map((t: { params: { lr: number } }) => t.params.lr).sort((a: number, b: number) => a - b);
    const high = lrs[3];
    const { studyRefine } = await api.gql(
      REFINE,
      { i: { studyId: parentId, name: 'small-lr', ranges: { lr: [1e-4, high] }, budget: { maxTrials: 10, maxParallel: 2 } } },
      team.user,
    );
    expect(studyRefine.userErrors).toEqual([]);
    const child = studyRefine.study;
    expect(child.parent.id).toBe(parentId);
    expect(child.space.lr.high).toBeCloseTo(high, 12);
    const inside = lrs.filter((lr: number) => lr <= high).length;
    expect(child.counts.complete).toBe(inside);
    expect(child.counts.pending).toBe(2);
    for (const trial of child.trials.nodes) {
      expect(trial.origin).toBe('INHERITED');
      expect(trial.source.study.id).toBe(parentId);
      expect(trial.params.lr).toBeLessThanOrEqual(high);
      expect(trial.metricKeys).toEqual(['val_loss']);
    }
    const lineage = await api.gql('query($id: ID!) { study(id: $id) { children { id name } } }', { id: parentId }, team.user);
    expect(lineage.study.children).toEqual([{ id: child.id, name: 'small-lr' }]);
  });

  it('suggests the region of the best trials when no ranges are given', async () => {
    const { studyRefine } = await api.gql(REFINE, { i: { studyId: parentId, name: 'suggested', topQuantile: 0.25 } }, team.user);
    expect(studyRefine.userErrors).toEqual([]);
    expect(studyRefine.study.refinement.ranges.lr).toHaveLength(2);
    expect(studyRefine.study.counts.complete).toBeGreaterThanOrEqual(2);
  });

  it('names the parameter and the value of a range outside the space', async () => {
    const { studyRefine } = await api.gql(
      REFINE,
      { i: { studyId: parentId, name: 'bad', ranges: { layers: [3, 1] } } },
      team.user,
    );
    expect(studyRefine.study).toBeNull();
    expect(studyRefine.userErrors[0].field).toEqual(['input', 'ranges', 'layers']);
    expect(studyRefine.userErrors[0].message).toMatch(/layers/);
  });
});
