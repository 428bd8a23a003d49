import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@tuneboard/db';
import { createStudy, createTrial, testDatabases } from '@tuneboard/db/testing';
import { rawId, toGlobalId } from '../ids.ts';
import { setupTeam, startTestApi, type TestApi } from '../testing/harness.ts';

/** Issue #19, items 2 and 3: team search and comparison views under hostile input. */

const STUDIES = `query($team: ID!, $f: StudySearchFilter, $first: Int, $after: String) {
  searchStudies(teamId: $team, filter: $f, first: $first, after: $after) { nodes { id } totalCount pageInfo { endCursor hasNextPage } } }`;
const TRIALS = `query($team: ID!, $f: TrialSearchFilter, $first: Int, $after: String) {
  searchTrials(teamId: $team, filter: $f, first: $first, after: $after) { nodes { id } totalCount pageInfo { endCursor hasNextPage } } }`;

describe.each(testDatabases)('abuse: search and compare [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  let team: Awaited<ReturnType<typeof setupTeam>>;
  let intruder: Awaited<ReturnType<typeof setupTeam>>;
  let trialIds: string[];
  let studyId: string;
  beforeAll(async () => {
    handle = await target.create();
    api = await startTestApi(handle);
    team = await setupTeam(api, 'abuse-search');
    intruder = await setupTeam(api, 'abuse-intruder');
    const s = await createStudy(
      { name: 'victim', projectId: rawId(team.projectId, 'Project')!, tags: ['secret'] },
      handle.db,
    );
    studyId = toGlobalId('Study', s.id);
    trialIds = [];
    for (let n = 0; n < 30; n++) {
      const t = await createTrial(
        { studyId: s.id, number: n, state: 'COMPLETE', values: [n], tags: ['secret'] },
        handle.db,
      );
      trialIds.push(toGlobalId('Trial', t.id));
    }
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  it('answers huge ranges and extreme numbers with the matching rows, not a database error', async () => {
    const huge = await api.gql(
      TRIALS,
      {
        team: team.teamId,
        f: { metric: { name: 'val_loss', min: -1.7976931348623157e308, max: 1.7976931348623157e308 } },
      },
      team.user,
    );
    expect(huge.searchTrials.totalCount).toBe(30);
    const dates = await api.gql(
      STUDIES,
      {
        team: team.teamId,
        f: { createdAfter: '0001-01-01T00:00:00Z', createdBefore: '9999-12-31T23:59:59Z' },
      },
      team.user,
    );
    expect(dates.searchStudies.totalCount).toBe(1);
    // Outside what the database stores: refused by name, never a masked database error.
    const past = await api.post(
      STUDIES,
      { team: team.teamId, f: { createdBefore: '-010000-01-01T00:00:00Z' } },
      team.user,
    );
    expect(past.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringContaining('filter.createdBefore'),
    });
  });

  it('refuses many tags, long names, too many ids and oversized pages, naming the field', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [
        TRIALS,
        { f: { tags: Array.from({ length: 5_000 }, (_, i) => `t${i}`) } },
        'filter.tags may hold at most 20 tags, got 5000',
      ],
      [
        STUDIES,
        { f: { name: 'a'.repeat(100_000) } },
        'filter.name must have 0 to 200 characters, got 100000',
      ],
      [
        STUDIES,
        { f: { hasTrial: { name: 'm'.repeat(10_000), min: 0 } } },
        'filter.hasTrial.name must have 1 to 200 characters, got 10000',
      ],
      [
        STUDIES,
        { f: { projectIds: Array.from({ length: 1_000 }, () => team.projectId) } },
        'filter.projectIds may hold at most 50 ids, got 1000',
      ],
      [TRIALS, { first: 101 }, 'searchTrials(first:) must be between 0 and 100, got 101'],
    ];
    for (const [query, variables, message] of cases) {
      const result = await api.post(query, { team: team.teamId, ...variables }, team.user);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toContain(message);
    }
    // A page of a million is priced before anything runs.
    const million = await api.post(TRIALS, { team: team.teamId, first: 1_000_000 }, team.user);
    expect(million.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_EXPENSIVE');
    // LIKE wildcards and SQL in a name are text, nothing more.
    const sqlish = await api.gql(STUDIES, { team: team.teamId, f: { name: "' or 1=1 --" } }, team.user);
    expect(sqlish.searchStudies.totalCount).toBe(0);
  });

  it('pages deep with keyset cursors: each page continues the last, and forged cursors are refused', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result: {
        searchTrials: {
          nodes: { id: string }[];
          pageInfo: { endCursor: string | null; hasNextPage: boolean };
        };
      } = await api.gql(TRIALS, { team: team.teamId, first: 7, after }, team.user);
      seen.push(...result.searchTrials.nodes.map((n) => n.id));
      if (!result.searchTrials.pageInfo.hasNextPage) break;
      after = result.searchTrials.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
    // A cursor pointing below every id is an empty page, not an error; a forged string is refused.
    const beyond = await api.gql(
      TRIALS,
      { team: team.teamId, after: Buffer.from('t:1').toString('base64url') },
      team.user,
    );
    expect(beyond.searchTrials.nodes).toEqual([]);
    for (const forged of [
      Buffer.from('t:1; drop table trial').toString('base64url'),
      'x'.repeat(5_000),
      Buffer.from('s:1:not-a-uuid').toString('base64url'),
    ]) {
      const result = await api.post(STUDIES, { team: team.teamId, after: forged }, team.user);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('another team cannot search this team, filter by its ids, or compare its trials and studies', async () => {
    const code = async (query: string, variables: Record<string, unknown>) =>
      (await api.post(query, variables, intruder.user)).errors?.[0]?.extensions?.code;
    expect(await code(STUDIES, { team: team.teamId, f: { tags: ['secret'] } })).toBe('NOT_FOUND');
    expect(await code(TRIALS, { team: team.teamId })).toBe('NOT_FOUND');
    // Its own team, filtered by the victim's ids: NOT_FOUND, and its own search never shows the victim's rows.
    expect(await code(TRIALS, { team: intruder.teamId, f: { studyIds: [studyId] } })).toBe('NOT_FOUND');
    expect(await code(STUDIES, { team: intruder.teamId, f: { projectIds: [team.projectId] } })).toBe(
      'NOT_FOUND',
    );
    const own = await api.gql(TRIALS, { team: intruder.teamId, f: { tags: ['secret'] } }, intruder.user);
    expect(own.searchTrials.totalCount).toBe(0);
    // Compare with one of the victim's trials among its own: NOT_FOUND for the whole comparison.
    const mine = await createStudy(
      { name: 'mine', projectId: rawId(intruder.projectId, 'Project')! },
      handle.db,
    );
    const myTrial = toGlobalId('Trial', (await createTrial({ studyId: mine.id, number: 0 }, handle.db)).id);
    const compare = await api.post(
      'query($ids: [ID!]!) { compareTrials(ids: $ids) { id params } }',
      { ids: [myTrial, trialIds[0]] },
      intruder.user,
    );
    expect(compare.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(compare.data).toBeNull();
    const studies = await api.post(
      'query($ids: [ID!]!) { compareStudies(ids: $ids) { name } }',
      { ids: [toGlobalId('Study', mine.id), studyId] },
      intruder.user,
    );
    expect(studies.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('prices comparisons and searches by their real size, so a wide one is refused before it runs', async () => {
    // 20 trials × 50 metric keys × 2,000 points is far past the operation cost limit.
    const keys = Array.from({ length: 50 }, (_, i) => `k${i}`);
    const result = await api.post(
      'query($ids: [ID!]!, $keys: [String!]) { compareTrials(ids: $ids) { metrics(keys: $keys, maxPoints: 2000) { points { step value } } } }',
      { ids: trialIds.slice(0, 20), keys },
      team.user,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_EXPENSIVE');
    const page = await api.post(
      `query($team: ID!) { searchTrials(teamId: $team, first: 100) { nodes { metrics(maxPoints: 2000) { points { value } } } } }`,
      { team: team.teamId },
      team.user,
    );
    expect(page.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_EXPENSIVE');
  });

  it('prices a study analysis by the history it reads: ten compared studies with importance answer, aliases of them are refused', async () => {
    const projectId = rawId(team.projectId, 'Project')!;
    const ids = [studyId];
    for (let k = 1; k < 10; k++) ids.push(toGlobalId('Study', (await createStudy({ name: `compared ${k}`, projectId }, handle.db)).id));
    // What the compare page asks for 10 studies.
    const COMPARED = `compareStudies(ids: $ids) { id bestSoFar(maxPoints: 200) { trialNumber value } parameterImportance { name importance } objectiveValues(maxPoints: 500) }`;
    const page = await api.gql(`query($ids: [ID!]!) { ${COMPARED} }`, { ids }, team.user);
    expect(page.compareStudies).toHaveLength(10);
    // Each importance reads and ranks the study's whole history in the API: 30 aliases × 10 studies were minutes of work.
    const aliases = (n: number, field: string) => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');
    for (const query of [
      `query($ids: [ID!]!) { ${aliases(30, 'compareStudies(ids: $ids) { parameterImportance { name importance } }')} }`,
      `query($ids: [ID!]!) { ${aliases(3, 'compareStudies(ids: $ids) { parameterImportance { name } }')} }`,
      `query($id: ID!) { ${aliases(30, 'study(id: $id) { refinementPreview(topFraction: 0.2) { insideCount } }')} }`,
    ]) {
      const refused = await api.post(query, { ids, id: studyId }, team.user);
      expect(refused.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_EXPENSIVE');
      expect(refused.data ?? null).toBeNull();
    }
  });
});
