import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { sql } from 'drizzle-orm';
import { rawId } from './ids.ts';
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

  it('refuses a budget the inherited trials already fill, naming both numbers', async () => {
    const { studyRefine } = await api.gql(
      REFINE,
      { i: { studyId: parentId, name: 'no-room', ranges: { lr: [1e-5, 1] }, budget: { maxTrials: 8 } } },
      team.user,
    );
    expect(studyRefine.study).toBeNull();
    expect(studyRefine.userErrors).toEqual([
      {
        field: ['input', 'budget', 'maxTrials'],
        message: 'maxTrials must be more than the 8 trials inherited from the parent (they count toward the budget), got 8',
      },
    ]);
  });

  it("prunes a refined study's new trials against its own trials, not the inherited survivors of the parent's pruning", async () => {
    const { studyRefine } = await api.gql(
      REFINE,
      { i: { studyId: parentId, name: 'pruned-child', ranges: { lr: [1e-5, 1] }, budget: { maxTrials: 12, maxParallel: 1 } } },
      team.user,
    );
    expect(studyRefine.userErrors).toEqual([]);
    const childId = studyRefine.study.id as string;
    expect(studyRefine.study.counts.complete).toBe(8);
    // The parent has no pruner: give the child a median one that starts after one complete trial.
    await handle.db.execute(
      sql`update study set pruner = ${JSON.stringify({ kind: 'median', startupTrials: 1 })}::jsonb where id = ${rawId(childId, 'Study')!}::uuid`,
    );
    const runner = await team.register('child-runner');
    const claimOne = async () =>
      (await api.gql(CLAIM, { i: { runnerId: runner, studyId: childId, limit: 1 } }, team.runnerAuth)).trialClaim.leases[0];
    const report = async (lease: { trial: { id: string }; leaseToken: string }, value: number) =>
      (await api.gql(REPORT, { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, points: [{ key: 'val_loss', step: 0, value }] } }, team.runnerAuth))
        .trialReport.shouldPrune as boolean;
    // Worse than every inherited trial at step 0 (their values are log10(lr) + 5 ≤ 5): with the inherited ones
    // counted, the median rule would stop it; the child has no complete trial of its own yet, so it runs on.
    const first = await claimOne();
    expect(await report(first, 100)).toBe(false);
    await api.gql(COMPLETE, { i: { trialId: first.trial.id, leaseToken: first.leaseToken, values: [1] } }, team.runnerAuth);
    // Against its own complete trials (100, then 50 at step 0): a better one runs on, a worse one is pruned.
    const second = await claimOne();
    expect(await report(second, 50)).toBe(false);
    await api.gql(COMPLETE, { i: { trialId: second.trial.id, leaseToken: second.leaseToken, values: [0.5] } }, team.runnerAuth);
    const third = await claimOne();
    expect(await report(third, 200)).toBe(true);
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
