import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { CLAIM, COMPLETE, createStudy, setupTeam, startTestApi, type TestApi } from './testing/harness.ts';

describe.each(testDatabases)('analysing a study [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  let team: Awaited<ReturnType<typeof setupTeam>>;
  let studyId: string;
  let finished: { id: string; lr: number; layers: number; value: number }[] = [];
  beforeAll(async () => {
    handle = await target.create();
    api = await startTestApi(handle);
    team = await setupTeam(api, 'analyst');
    studyId = (await createStudy(api, team, { budget: { maxTrials: 12, maxParallel: 12 } })).id;
    const runner = await team.register('analyst-runner');
    const { trialClaim } = await api.gql(CLAIM, { i: { runnerId: runner, studyId, limit: 12 } }, team.runnerAuth);
    finished = [];
    for (const lease of trialClaim.leases) {
      // Only the learning rate matters: the loss is its log, so small rates win and `layers` is noise.
      const lr = lease.trial.params.lr as number;
      const value = Math.log10(lr) + 5;
      await api.gql(COMPLETE, { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, values: [value] } }, team.runnerAuth);
      finished.push({ id: lease.trial.id, lr, layers: lease.trial.params.layers as number, value });
    }
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  const IMPORTANCE = 'query($id: ID!, $k: Int) { study(id: $id) { parameterImportance(objectiveIndex: $k) { name importance } } }';
  const PREVIEW = `query($id: ID!, $ranges: JSON, $top: Float) { study(id: $id) { refinementPreview(ranges: $ranges, topFraction: $top) {
    ranges space insideCount completeCount bestValue bestTrial { id params } userErrors { field message } } } }`;

  it('ranks the parameter that drives the objective above the one that does not', async () => {
    const { study } = await api.gql(IMPORTANCE, { id: studyId, k: 0 }, team.user);
    const byName = Object.fromEntries(
      study.parameterImportance.map((p: { name: string; importance: number }) => [p.name, p.importance]),
    );
    expect(Object.keys(byName).sort()).toEqual(['layers', 'lr']);
    expect(byName.lr).toBeGreaterThan(byName.layers);
    expect(byName.lr + byName.layers).toBeCloseTo(1, 6);
  });

  it('refuses an objective index the study does not have, naming the value', async () => {
    const result = await api.post(IMPORTANCE, { id: studyId, k: 3 }, team.user);
    expect(result.errors?.[0]?.message).toMatch(/objectiveIndex.*got 3/);
  });

  it('previews brushed ranges: the narrower space, the trials inside and the best of them', async () => {
    const lrs = finished.map((t) => t.lr).sort((a, b) => a - b);
    const high = lrs[5]!;
    const { study } = await api.gql(PREVIEW, { id: studyId, ranges: { lr: [1e-4, high] } }, team.user);
    const preview = study.refinementPreview;
    expect(preview.userErrors).toEqual([]);
    expect(preview.space.lr.high).toBeCloseTo(high, 12);
    expect(preview.completeCount).toBe(finished.length);
    const inside = finished.filter((t) => t.lr <= high);
    expect(preview.insideCount).toBe(inside.length);
    const best = inside.reduce((a, b) => (b.value < a.value ? b : a));
    expect(preview.bestValue).toBeCloseTo(best.value, 12);
    expect(preview.bestTrial.id).toBe(best.id);
  });

  it('previews the same space studyRefine then creates from the best fraction', async () => {
    const { study } = await api.gql(PREVIEW, { id: studyId, top: 0.25 }, team.user);
    const preview = study.refinementPreview;
    expect(preview.userErrors).toEqual([]);
    expect(preview.insideCount).toBeGreaterThanOrEqual(3);
    const { studyRefine } = await api.gql(
      `mutation($i: StudyRefineInput!) { studyRefine(input: $i) { study { space counts { complete } } userErrors { message } } }`,
      { i: { studyId, name: 'from-preview', topQuantile: 0.25 } },
      team.user,
    );
    expect(studyRefine.study.space).toEqual(preview.space);
    expect(studyRefine.study.counts.complete).toBe(preview.insideCount);
  });

  it('names the parameter and the value of an invalid range instead of failing', async () => {
    const { study } = await api.gql(PREVIEW, { id: studyId, ranges: { layers: [3, 1] } }, team.user);
    const preview = study.refinementPreview;
    expect(preview.space).toBeNull();
    expect(preview.userErrors[0].field).toEqual(['ranges', 'layers']);
    expect(preview.userErrors[0].message).toMatch(/layers/);
  });

  it('names a top fraction outside (0, 1]', async () => {
    const { study } = await api.gql(PREVIEW, { id: studyId, top: 1.5 }, team.user);
    expect(study.refinementPreview.userErrors[0]).toMatchObject({ field: ['topFraction'] });
    expect(study.refinementPreview.userErrors[0].message).toMatch(/1\.5/);
  });
});
