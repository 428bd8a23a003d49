import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { CLAIM, COMPLETE, createStudy, setupTeam, startTestApi, type TestApi } from '../testing/harness.ts';

/**
 * Issue #18, item 7: `Study.trialColumns(from, to)` reads a big study's trials as columns, a range of trial numbers
 * at a time. It answers only through `study(id)` (another team's study is not found), its range has a maximum
 * width (LIST_MAX.trialColumns) refused with BAD_USER_INPUT, and its cost grows with the width.
 */

const COLUMNS = `query($id: ID!, $from: Int!, $to: Int!) {
  study(id: $id) { trialColumns(from: $from, to: $to) { ids numbers states attempts durations params values next } } }`;
const NODES = `query($id: ID!) { study(id: $id) { trials(first: 500) { nodes { id number state attempt durationSeconds params values } } } }`;

type Team = Awaited<ReturnType<typeof setupTeam>>;

describe.each(testDatabases)('abuse: Study.trialColumns [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  let team: Team;
  let intruder: Team;
  let studyId: string;
  beforeAll(async () => {
    handle = await target.create();
    api = await startTestApi(handle);
    team = await setupTeam(api, 'owner');
    intruder = await setupTeam(api, 'intruder');
    studyId = (await createStudy(api, team, { budget: { maxTrials: 8, maxParallel: 8 } })).id;
    // Three trials complete (values, durations), the others stay pending or running.
    const runner = await team.register('columns-runner');
    const { trialClaim } = await api.gql(CLAIM, { i: { runnerId: runner, studyId, limit: 5 } }, team.runnerAuth);
    for (const lease of trialClaim.leases.slice(0, 3)) {
      await api.gql(COMPLETE, { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, values: [lease.trial.number / 10] } }, team.runnerAuth);
    }
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  it('gives the same trials as the connection, column by column, in number order', async () => {
    const { study } = await api.gql(COLUMNS, { id: studyId, from: 0, to: 5_000 }, team.user);
    const nodes = (await api.gql(NODES, { id: studyId }, team.user)).study.trials.nodes as Array<Record<string, unknown>>;
    const columns = study.trialColumns;
    expect(columns.numbers).toEqual(nodes.map((n) => n.number));
    expect(columns.ids).toEqual(nodes.map((n) => n.id));
    expect(columns.states).toEqual(nodes.map((n) => n.state));
    expect(columns.attempts).toEqual(nodes.map((n) => n.attempt));
    expect(columns.durations).toEqual(nodes.map((n) => n.durationSeconds));
    expect(columns.values).toEqual(nodes.map((n) => n.values));
    for (const name of ['lr', 'layers']) {
      expect(columns.params[name]).toEqual(nodes.map((n) => (n.params as Record<string, unknown>)[name] ?? null));
    }
    expect(columns.states.filter((s: string) => s === 'COMPLETE')).toHaveLength(3);
    expect(columns.next).toBeNull();
  });

  it('reads a middle range and says where the next one starts', async () => {
    const { study } = await api.gql(COLUMNS, { id: studyId, from: 2, to: 4 }, team.user);
    expect(study.trialColumns.numbers).toEqual([2, 3]);
    expect(study.trialColumns.next).toBe(4);
    const empty = await api.gql(COLUMNS, { id: studyId, from: 4, to: 4 }, team.user);
    expect(empty.study.trialColumns).toMatchObject({ ids: [], numbers: [], params: {}, values: [], next: 4 });
  });

  it("answers another team's study as not found, with no columns", async () => {
    const result = await api.post(COLUMNS, { id: studyId, from: 0, to: 10 }, intruder.user);
    expect(result.data?.study ?? null).toBeNull();
    expect(JSON.stringify(result)).not.toContain('"numbers"');
  });

  it('refuses a range wider than 5,000 numbers, a reversed one and a negative start', async () => {
    const wide = await api.post(COLUMNS, { id: studyId, from: 0, to: 5_001 }, team.user);
    expect(wide.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(wide.errors?.[0]?.message).toBe('trialColumns(to:) must be between 0 and 5000, got 5001');
    const reversed = await api.post(COLUMNS, { id: studyId, from: 10, to: 5 }, team.user);
    expect(reversed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const negative = await api.post(COLUMNS, { id: studyId, from: -1, to: 5 }, team.user);
    expect(negative.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('prices the width: one full range is answered, thirty aliased ones are refused before running', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: trialColumns(from: ${i * 5_000}, to: ${(i + 1) * 5_000}) { numbers }`);
    const result = await api.post(`query($id: ID!) { study(id: $id) { ${aliases.join(' ')} } }`, { id: studyId }, team.user);
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_EXPENSIVE');
    expect(result.data ?? null).toBeNull();
  });
});
