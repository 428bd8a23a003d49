import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { membership, type DbHandle } from '@tuneboard/db';
import { createMetric, createStudy, createTrial, testDatabases } from '@tuneboard/db/testing';
import { rawId, toGlobalId } from './ids.ts';
import { setupTeam, startTestApi, type TestApi } from './testing/harness.ts';

const TRIALS = `query($ids: [ID!]!) { compareTrials(ids: $ids) {
  id number params values study { name } metrics(keys: ["val_loss"], maxPoints: 50) { key points { step value } } } }`;
const STUDIES = `query($ids: [ID!]!) { compareStudies(ids: $ids) {
  name objectiveValues(maxPoints: 5) bestSoFar(maxPoints: 50) { trialNumber value finishedAt }
  parameterImportance { name importance } bestTrial { number values } } }`;

describe.each(testDatabases)('compare [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  let team: Awaited<ReturnType<typeof setupTeam>>;
  let other: Awaited<ReturnType<typeof setupTeam>>;
  const studyIds: string[] = [];
  const trialIds: string[] = [];
  let foreignTrial: string;
  let foreignStudy: string;

  beforeAll(async () => {
    handle = await target.create();
    api = await startTestApi(handle);
    team = await setupTeam(api, 'compare');
    other = await setupTeam(api, 'compare-other');
    const db = handle.db;
    const projectId = rawId(team.projectId, 'Project')!;
    const space = {
      lr: { type: 'float', low: 0.001, high: 1, log: true },
      units: { type: 'int', low: 1, high: 64 },
    };
    for (const [name, offset] of [
      ['A', 0],
      ['B', 0.5],
      ['C', 1],
    ] as const) {
      const s = await createStudy({ name, projectId, space }, db);
      studyIds.push(toGlobalId('Study', s.id));
      // Values 10 + offset, 9 + offset, … : every trial improves on the one before.
      for (let n = 0; n < 10; n++) {
        const finishedAt = new Date(Date.UTC(2026, 0, 1, 0, n));
        const t = await createTrial(
          {
            studyId: s.id,
            number: n,
            state: 'COMPLETE',
            values: [10 - n + offset],
            params: { lr: 0.001 * (n + 1), units: 64 - n },
            finishedAt,
          },
          db,
        );
        if (n < 2) trialIds.push(toGlobalId('Trial', t.id));
        if (n < 2)
          for (let step = 0; step < 3; step++)
            await createMetric({ trialId: t.id, key: 'val_loss', step, value: 1 / (step + 1) + offset }, db);
      }
    }
    const foreign = await createStudy({ name: 'foreign', projectId: rawId(other.projectId, 'Project')! }, db);
    foreignStudy = toGlobalId('Study', foreign.id);
    foreignTrial = toGlobalId(
      'Trial',
      (await createTrial({ studyId: foreign.id, number: 0, state: 'COMPLETE', values: [1] }, db)).id,
    );
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  it('returns the chosen trials in the order given, with params, final values and learning curves', async () => {
    const ids = [trialIds[3]!, trialIds[0]!, trialIds[4]!];
    const { compareTrials } = await api.gql(TRIALS, { ids }, team.user);
    expect(compareTrials.map((t: { id: string }) => t.id)).toEqual(ids);
    expect(compareTrials[0]).toMatchObject({
      number: 1,
      study: { name: 'B' },
      params: { lr: 0.002, units: 63 },
      values: [9.5],
    });
    expect(compareTrials[1].metrics[0].points).toEqual([
      { step: 0, value: 1 },
      { step: 1, value: 0.5 },
      { step: 2, value: 1 / 3 },
    ]);
  });

  it('returns studies with their best-so-far history (with finish times), importance, best trial and objective values', async () => {
    const { compareStudies } = await api.gql(STUDIES, { ids: studyIds }, team.user);
    expect(compareStudies.map((s: { name: string }) => s.name)).toEqual(['A', 'B', 'C']);
    const b = compareStudies[1];
    expect(b.bestTrial).toEqual({ number: 9, values: [1.5] });
    expect(b.bestSoFar).toHaveLength(10);
    expect(b.bestSoFar[9]).toEqual({ trialNumber: 9, value: 1.5, finishedAt: '2026-01-01T00:09:00.000Z' });
    expect(b.parameterImportance.map((p: { name: string }) => p.name).sort()).toEqual(['lr', 'units']);
    // 10 values, at most 5 back: evenly spaced order statistics, smallest and largest included, ascending.
    expect(b.objectiveValues).toHaveLength(5);
    expect(b.objectiveValues[0]).toBe(1.5);
    expect(b.objectiveValues.at(-1)).toBe(10.5);
    expect([...b.objectiveValues].sort((x: number, y: number) => x - y)).toEqual(b.objectiveValues);
    const all = await api.gql(
      'query($id: ID!) { study(id: $id) { objectiveValues } }',
      { id: studyIds[0] },
      team.user,
    );
    expect(all.study.objectiveValues).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('refuses fewer than 2 or more than 20 trials (10 studies) and repeated ids, with a clear message', async () => {
    const cases: [string, string[], RegExp][] = [
      [TRIALS, [trialIds[0]!], /Compare 2 to 20 trials: ids holds 1/],
      [
        TRIALS,
        Array.from({ length: 21 }, (_, i) => toGlobalId('Trial', 1_000 + i)),
        /Compare 2 to 20 trials: ids holds 21/,
      ],
      [STUDIES, Array.from({ length: 11 }, () => studyIds[0]!), /Compare 2 to 10 studies: ids holds 11/],
      [TRIALS, [trialIds[0]!, trialIds[1]!, trialIds[0]!], /ids\[2\] repeats ids\[0\]/],
    ];
    for (const [query, ids, message] of cases) {
      const result = await api.post(query, { ids }, team.user);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(message);
    }
    const bad = await api.post(
      'query($id: ID!) { study(id: $id) { objectiveValues(objectiveIndex: 1) } }',
      { id: studyIds[0] },
      team.user,
    );
    expect(bad.errors?.[0]?.message).toMatch(/objectiveIndex must be from 0 to 0/);
  });

  it("answers NOT_FOUND for another team's trial or study among the ids; a VIEWER compares", async () => {
    const trial = await api.post(TRIALS, { ids: [trialIds[0]!, foreignTrial] }, team.user);
    expect(trial.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(trial.data).toBeNull();
    const study = await api.post(STUDIES, { ids: [foreignStudy, studyIds[0]!] }, team.user);
    expect(study.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const { viewer } = await api.gql('{ viewer { user { id } } }', undefined, other.user);
    await handle.db
      .insert(membership)
      .values({
        teamId: rawId(team.teamId, 'Team')!,
        userId: rawId(viewer.user.id as string, 'User')!,
        role: 'VIEWER',
      });
    const { compareTrials } = await api.gql(TRIALS, { ids: trialIds.slice(0, 2) }, other.user);
    expect(compareTrials).toHaveLength(2);
  });
});
