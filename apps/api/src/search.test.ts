import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { membership, type DbHandle } from '@tuneboard/db';
import { createProject, createStudy, createTrial, testDatabases } from '@tuneboard/db/testing';
import { rawId, toGlobalId } from './ids.ts';
import { setupTeam, startTestApi, type Auth, type TestApi } from './testing/harness.ts';

const STUDIES = `query($team: ID!, $f: StudySearchFilter, $first: Int, $after: String) {
  searchStudies(teamId: $team, filter: $f, first: $first, after: $after) {
    nodes { id name } edges { cursor } totalCount totalCountIsExact pageInfo { hasNextPage hasPreviousPage endCursor }
  } }`;
const TRIALS = `query($team: ID!, $f: TrialSearchFilter, $first: Int, $after: String) {
  searchTrials(teamId: $team, filter: $f, first: $first, after: $after) {
    nodes { id number state tags study { name } } totalCount totalCountIsExact pageInfo { hasNextPage endCursor }
  } }`;

type Team = Awaited<ReturnType<typeof setupTeam>>;

describe.each(testDatabases)('team search [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  let team: Team;
  let other: Team;
  let userId: string;
  const ids: Record<string, string> = {};
  const trialIds: Record<string, string> = {};

  const studies = async (
    filter: Record<string, unknown> | null,
    auth: Auth = team.user,
    extra: Record<string, unknown> = {},
  ) => (await api.gql(STUDIES, { team: team.teamId, f: filter, ...extra }, auth)).searchStudies;
  const names = async (filter: Record<string, unknown> | null) =>
    (await studies(filter)).nodes.map((n: { name: string }) => n.name).sort();
  const trials = async (filter: Record<string, unknown> | null, extra: Record<string, unknown> = {}) =>
    (await api.gql(TRIALS, { team: team.teamId, f: filter, ...extra }, team.user)).searchTrials;
  const errorOf = async (query: string, variables: Record<string, unknown>, auth: Auth = team.user) => {
    const result = await api.post(query, { team: team.teamId, ...variables }, auth);
    return { code: result.errors?.[0]?.extensions?.code, message: result.errors?.[0]?.message ?? '' };
  };

  beforeAll(async () => {
    handle = await target.create();
    api = await startTestApi(handle);
    team = await setupTeam(api, 'search');
    other = await setupTeam(api, 'search-other');
    userId = rawId(
      (await api.gql('{ viewer { user { id } } }', undefined, team.user)).viewer.user.id,
      'User',
    )!;
    const db = handle.db;
    const main = rawId(team.projectId, 'Project')!;
    const second = (
      await createProject({ teamId: rawId(team.teamId, 'Team')!, name: 'Vision', slug: 'vision' }, db)
    ).id;
    const maxAcc = [{ name: 'val_accuracy', direction: 'maximize' as const }];
    const seed = [
      {
        name: 'MLP baseline',
        projectId: main,
        tags: ['baseline', 'mlp'],
        status: 'COMPLETED' as const,
        createdById: userId,
        createdAt: new Date('2026-01-10T00:00:00Z'),
        objectives: maxAcc,
      },
      {
        name: 'mlp wide',
        projectId: main,
        tags: ['mlp'],
        status: 'RUNNING' as const,
        createdAt: new Date('2026-02-10T00:00:00Z'),
        objectives: maxAcc,
      },
      {
        name: 'CNN 50%_off',
        projectId: second,
        tags: ['cnn', 'baseline'],
        status: 'STOPPED' as const,
        createdById: userId,
        createdAt: new Date('2026-03-10T00:00:00Z'),
      },
      // Two objectives: val_accuracy is the second, read through its position.
      {
        name: 'multi',
        projectId: second,
        tags: [],
        status: 'RUNNING' as const,
        createdAt: new Date('2026-04-10T00:00:00Z'),
        objectives: [{ name: 'latency', direction: 'minimize' as const }, ...maxAcc],
      },
    ];
    for (const s of seed) ids[s.name] = (await createStudy(s, db)).id;
    const t = async (
      key: string,
      study: string,
      number: number,
      state: 'COMPLETE' | 'FAIL' | 'PRUNED',
      values: number[] | null,
      tags: string[] = [],
    ) => {
      trialIds[key] = toGlobalId(
        'Trial',
        (
          await createTrial(
            { studyId: ids[study], number, state, values, tags, params: { lr: number / 100 } },
            db,
          )
        ).id,
      );
    };
    await t('b0', 'MLP baseline', 0, 'COMPLETE', [0.91], ['keeper']);
    await t('b1', 'MLP baseline', 1, 'COMPLETE', [0.72]);
    await t('b2', 'MLP baseline', 2, 'FAIL', null, ['keeper', 'odd']);
    await t('w0', 'mlp wide', 0, 'COMPLETE', [0.85]);
    await t('w1', 'mlp wide', 1, 'COMPLETE', [Number.NaN]);
    await t('c0', 'CNN 50%_off', 0, 'COMPLETE', [0.3], ['keeper']);
    await t('c1', 'CNN 50%_off', 1, 'PRUNED', null);
    await t('m0', 'multi', 0, 'COMPLETE', [12, 0.97]);
    // Another team's study and trial carry the same names and tags: none may come back.
    const foreign = await createStudy(
      {
        name: 'MLP baseline',
        projectId: rawId(other.projectId, 'Project')!,
        tags: ['baseline', 'mlp'],
        objectives: maxAcc,
      },
      db,
    );
    ids.foreign = foreign.id;
    trialIds.foreign = toGlobalId(
      'Trial',
      (
        await createTrial(
          { studyId: foreign.id, number: 0, state: 'COMPLETE', values: [0.99], tags: ['keeper'] },
          db,
        )
      ).id,
    );
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  it('finds studies by name (substring, any case, % and _ literal), tag, status, project, creator and dates', async () => {
    expect(await names(null)).toEqual(['CNN 50%_off', 'MLP baseline', 'mlp wide', 'multi']);
    expect(await names({ name: 'mlp' })).toEqual(['MLP baseline', 'mlp wide']);
    expect(await names({ name: '50%_' })).toEqual(['CNN 50%_off']);
    expect(await names({ name: '%' })).toEqual(['CNN 50%_off']);
    expect(await names({ tags: ['baseline'] })).toEqual(['CNN 50%_off', 'MLP baseline']);
    expect(await names({ tags: ['baseline', 'mlp'] })).toEqual(['MLP baseline']);
    expect(await names({ statuses: ['RUNNING'] })).toEqual(['mlp wide', 'multi']);
    expect(await names({ statuses: ['RUNNING', 'STOPPED'], tags: ['cnn'] })).toEqual(['CNN 50%_off']);
    const vision = toGlobalId('Project', await projectOf('multi'));
    expect(await names({ projectIds: [vision] })).toEqual(['CNN 50%_off', 'multi']);
    expect(await names({ createdById: toGlobalId('User', userId) })).toEqual(['CNN 50%_off', 'MLP baseline']);
    expect(
      await names({ createdAfter: '2026-02-10T00:00:00Z', createdBefore: '2026-04-10T00:00:00Z' }),
    ).toEqual(['CNN 50%_off', 'mlp wide']);
  });

  async function projectOf(name: string): Promise<string> {
    const rows = await handle.db.query.study.findFirst({ where: (s, { eq }) => eq(s.id, ids[name]!) });
    return rows!.projectId;
  }

  it('finds studies by objective and direction, and by "has a trial with metric M >= x / <= x"', async () => {
    expect(await names({ objective: { name: 'val_accuracy' } })).toEqual([
      'MLP baseline',
      'mlp wide',
      'multi',
    ]);
    expect(await names({ objective: { direction: 'MINIMIZE' } })).toEqual(['CNN 50%_off', 'multi']);
    expect(await names({ objective: { name: 'val_accuracy', direction: 'MINIMIZE' } })).toEqual([]);
    // multi's val_accuracy is its second objective (0.97); NaN never counts as >= x.
    expect(await names({ hasTrial: { name: 'val_accuracy', min: 0.9 } })).toEqual(['MLP baseline', 'multi']);
    expect(await names({ hasTrial: { name: 'val_accuracy', min: 0.86, max: 0.95 } })).toEqual([
      'MLP baseline',
    ]);
    expect(await names({ hasTrial: { name: 'val_accuracy', max: 0.8 } })).toEqual(['MLP baseline']);
    expect(await names({ hasTrial: { name: 'val_loss', max: 0.5 } })).toEqual(['CNN 50%_off']);
    expect(await names({ hasTrial: { name: 'nothing', min: 0 } })).toEqual([]);
  });

  it('pages studies newest first with cursors that continue where the last page ended', async () => {
    const page1 = await studies(null, team.user, { first: 3 });
    expect(page1.nodes.map((n: { name: string }) => n.name)).toEqual(['multi', 'CNN 50%_off', 'mlp wide']);
    expect(page1).toMatchObject({
      totalCount: 4,
      totalCountIsExact: true,
      pageInfo: { hasNextPage: true, hasPreviousPage: false },
    });
    const page2 = await studies(null, team.user, { first: 3, after: page1.pageInfo.endCursor });
    expect(page2.nodes.map((n: { name: string }) => n.name)).toEqual(['MLP baseline']);
    expect(page2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect((await studies(null, team.user, { first: 0 })).nodes).toEqual([]);
  });

  it('finds trials across the team by tag, state and metric range, newest first, paged', async () => {
    const numbers = async (filter: Record<string, unknown>) =>
      (await trials(filter)).nodes
        .map((n: { study: { name: string }; number: number }) => `${n.study.name}#${n.number}`)
        .sort();
    expect(await numbers({ tags: ['keeper'] })).toEqual([
      'CNN 50%_off#0',
      'MLP baseline#0',
      'MLP baseline#2',
    ]);
    expect(await numbers({ tags: ['keeper', 'odd'] })).toEqual(['MLP baseline#2']);
    expect(await numbers({ states: ['FAIL', 'PRUNED'] })).toEqual(['CNN 50%_off#1', 'MLP baseline#2']);
    expect(await numbers({ metric: { name: 'val_accuracy', min: 0.8 } })).toEqual([
      'MLP baseline#0',
      'mlp wide#0',
      'multi#0',
    ]);
    expect(await numbers({ metric: { name: 'val_accuracy', min: 0.8, max: 0.9 } })).toEqual(['mlp wide#0']);
    expect(await numbers({ metric: { name: 'latency', max: 20 } })).toEqual(['multi#0']);
    expect(await numbers({ metric: { name: 'nothing', min: 0 } })).toEqual([]);
    expect(
      await numbers({ studyIds: [toGlobalId('Study', ids['mlp wide']!)], states: ['COMPLETE'] }),
    ).toEqual(['mlp wide#0', 'mlp wide#1']);
    // Named studies are read study by study (newest first in each): the same rows as across the team, the
    // objective at its own position in each study, and pages that continue across the studies.
    const named = [ids['MLP baseline'], ids['CNN 50%_off'], ids.multi].map((id) => toGlobalId('Study', id!));
    expect(await numbers({ studyIds: named, tags: ['keeper'] })).toEqual([
      'CNN 50%_off#0',
      'MLP baseline#0',
      'MLP baseline#2',
    ]);
    expect(await numbers({ studyIds: named, tags: ['keeper'], states: ['FAIL'] })).toEqual([
      'MLP baseline#2',
    ]);
    expect(await numbers({ studyIds: named, metric: { name: 'val_accuracy', min: 0.8 } })).toEqual([
      'MLP baseline#0',
      'multi#0',
    ]);
    expect(await numbers({ studyIds: named, metric: { name: 'latency', max: 20 } })).toEqual(['multi#0']);
    const scoped = await trials({ studyIds: named });
    expect(scoped).toMatchObject({ totalCount: 6, totalCountIsExact: true });
    const scopedFirst = await trials({ studyIds: named }, { first: 4 });
    const scopedRest = await trials({ studyIds: named }, { first: 4, after: scopedFirst.pageInfo.endCursor });
    expect(scopedFirst.pageInfo.hasNextPage).toBe(true);
    expect(scopedRest.pageInfo.hasNextPage).toBe(false);
    const scopedIds = scoped.nodes.map((n: { id: string }) => Number(rawId(n.id, 'Trial')));
    expect(
      [...scopedFirst.nodes, ...scopedRest.nodes].map((n: { id: string }) => Number(rawId(n.id, 'Trial'))),
    ).toEqual(scopedIds);
    expect(scopedIds).toEqual([...scopedIds].sort((a, b) => b - a));

    const all = await trials(null);
    expect(all.totalCount).toBe(8);
    const first = await trials(null, { first: 5 });
    const rest = await trials(null, { first: 5, after: first.pageInfo.endCursor });
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect([...first.nodes, ...rest.nodes].map((n: { id: string }) => n.id)).toEqual(
      all.nodes.map((n: { id: string }) => n.id),
    );
    // Newest first: trial ids decrease down the page.
    const raw = all.nodes.map((n: { id: string }) => Number(rawId(n.id, 'Trial')));
    expect(raw).toEqual([...raw].sort((a, b) => b - a));
  });

  it('caps first and validates every filter, naming the field and the value', async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      [STUDIES, { first: 101 }, /searchStudies\(first:\) must be between 0 and 100, got 101/],
      [TRIALS, { first: -1 }, /searchTrials\(first:\) must be between 0 and 100, got -1/],
      [STUDIES, { f: { name: 'x'.repeat(201) } }, /filter.name must have 0 to 200 characters, got 201/],
      [
        STUDIES,
        { f: { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) } },
        /filter.tags may hold at most 20 tags, got 21/,
      ],
      [TRIALS, { f: { tags: ['ok', ' '] } }, /filter.tags\[1\] must have 1 to 40 characters/],
      [
        STUDIES,
        { f: { createdAfter: '2026-05-01T00:00:00Z', createdBefore: '2026-01-01T00:00:00Z' } },
        /createdAfter <= createdBefore must hold/,
      ],
      [
        STUDIES,
        { f: { createdAfter: '+099999-01-01T00:00:00Z' } },
        /filter.createdAfter must be a date from 0001-01-01 to 9999-12-31/,
      ],
      [
        STUDIES,
        { f: { hasTrial: { name: 'val_accuracy', min: 1, max: 0 } } },
        /filter.hasTrial: min <= max must hold, got min=1, max=0/,
      ],
      [
        TRIALS,
        { f: { metric: { name: '', min: 0 } } },
        /filter.metric.name must have 1 to 200 characters, got 0/,
      ],
      [STUDIES, { f: { projectIds: ['nope'] } }, /filter.projectIds\[0\] is not a project id: "nope"/],
      [
        STUDIES,
        { f: { createdById: toGlobalId('Study', ids.multi!) } },
        /filter.createdById is not a user id/,
      ],
      [
        TRIALS,
        { f: { studyIds: Array.from({ length: 51 }, () => toGlobalId('Study', ids.multi!)) } },
        /filter.studyIds may hold at most 50 ids, got 51/,
      ],
      [STUDIES, { after: 'garbage' }, /searchStudies\(after:\) is not a cursor of this search/],
      [
        TRIALS,
        { after: Buffer.from('o:3').toString('base64url') },
        /searchTrials\(after:\) is not a cursor of this search/,
      ],
    ];
    for (const [query, variables, message] of cases) {
      const { code, message: text } = await errorOf(query, variables);
      expect(code, JSON.stringify(variables).slice(0, 80)).toBe('BAD_USER_INPUT');
      expect(text).toMatch(message);
    }
  });

  it("never shows another team's studies or trials; a VIEWER searches; another team's ids answer NOT_FOUND", async () => {
    const everything = await studies(null);
    expect(everything.nodes.map((n: { id: string }) => n.id)).not.toContain(
      toGlobalId('Study', ids.foreign!),
    );
    expect((await trials({ tags: ['keeper'] })).nodes.map((n: { id: string }) => n.id)).not.toContain(
      trialIds.foreign,
    );
    expect((await trials({ metric: { name: 'val_accuracy', min: 0.98 } })).nodes).toEqual([]);

    // The other team's owner asks for this team: NOT_FOUND, as for a team that does not exist.
    expect((await errorOf(STUDIES, {}, other.user)).code).toBe('NOT_FOUND');
    expect((await errorOf(TRIALS, {}, other.user)).code).toBe('NOT_FOUND');
    const anonymous = await api.post(STUDIES, { team: team.teamId }, undefined);
    expect(anonymous.errors?.[0]?.extensions?.code, JSON.stringify(anonymous)).toBe('UNAUTHENTICATED');
    // Filters naming the other team's project or study: NOT_FOUND, nothing of it shown.
    expect((await errorOf(STUDIES, { f: { projectIds: [other.projectId] } })).code).toBe('NOT_FOUND');
    expect((await errorOf(TRIALS, { f: { studyIds: [toGlobalId('Study', ids.foreign!)] } })).code).toBe(
      'NOT_FOUND',
    );

    // A VIEWER of this team searches both.
    const viewer = await setupTeam(api, 'search-viewer');
    const { viewer: me } = await api.gql('{ viewer { user { id } } }', undefined, viewer.user);
    await handle.db
      .insert(membership)
      .values({
        teamId: rawId(team.teamId, 'Team')!,
        userId: rawId(me.user.id as string, 'User')!,
        role: 'VIEWER',
      });
    expect(
      (await studies({ tags: ['mlp'] }, viewer.user)).nodes.map((n: { name: string }) => n.name).sort(),
    ).toEqual(['MLP baseline', 'mlp wide']);
    const asViewer = await api.gql(TRIALS, { team: team.teamId, f: { tags: ['keeper'] } }, viewer.user);
    expect(asViewer.searchTrials.totalCount).toBe(3);
    // A READ-scoped API token of the team works too; the runner token (RUNNER scope) has read as well.
    expect((await api.gql(STUDIES, { team: team.teamId }, team.runnerAuth)).searchStudies.totalCount).toBe(4);
  });
});
