import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { membership, type DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { rawId } from './ids.ts';
import { collect, createStudy, setupTeam, startTestApi, type Auth, type TestApi } from './testing/harness.ts';

const NOTE = 'note { body updatedAt updatedBy { name } }';
const STUDY_UPDATE = `mutation($i: StudyUpdateInput!) { studyUpdate(input: $i) { study { tags ${NOTE} } userErrors { field message code } } }`;
const TRIAL_UPDATE = `mutation($i: TrialUpdateInput!) { trialUpdate(input: $i) { trial { tags ${NOTE} } userErrors { field message code } } }`;

type Event = { studyEvents: { kind: string; seq: number; study: { tags: string[] }; trial: { tags: string[] } | null } };

describe.each(testDatabases)('notes and tags [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  let team: Awaited<ReturnType<typeof setupTeam>>;
  let studyId: string;
  let trialId: string;
  beforeAll(async () => {
    handle = await target.create();
    api = await startTestApi(handle);
    team = await setupTeam(api, 'notes');
    studyId = (await createStudy(api, team)).id;
    const { study } = await api.gql('query($id: ID!) { study(id: $id) { trials(first: 1) { nodes { id } } } }', { id: studyId }, team.user);
    trialId = study.trials.nodes[0].id as string;
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  it('starts empty, then sets and clears a study note and tags, keeping who changed the note and when', async () => {
    const { study } = await api.gql(`query($id: ID!) { study(id: $id) { tags ${NOTE} } }`, { id: studyId }, team.user);
    expect(study).toEqual({ tags: [], note: { body: '', updatedAt: null, updatedBy: null } });

    const before = Date.now();
    const set = await api.gql(STUDY_UPDATE, { i: { id: studyId, note: '# Plan\n\nTry **lower** lr.', tags: [' baseline ', 'mlp', 'baseline'] } }, team.user);
    expect(set.studyUpdate.userErrors).toEqual([]);
    expect(set.studyUpdate.study.tags).toEqual(['baseline', 'mlp']);
    expect(set.studyUpdate.study.note.body).toBe('# Plan\n\nTry **lower** lr.');
    expect(set.studyUpdate.study.note.updatedBy).toEqual({ name: 'notes' });
    expect(Date.parse(set.studyUpdate.study.note.updatedAt as string)).toBeGreaterThanOrEqual(before - 1000);

    // Tags alone leave the note, its editor and its time as they were.
    const tagsOnly = await api.gql(STUDY_UPDATE, { i: { id: studyId, tags: ['cnn'] } }, team.user);
    expect(tagsOnly.studyUpdate.study.tags).toEqual(['cnn']);
    expect(tagsOnly.studyUpdate.study.note).toEqual(set.studyUpdate.study.note);

    const cleared = await api.gql(STUDY_UPDATE, { i: { id: studyId, note: '', tags: [] } }, team.user);
    expect(cleared.studyUpdate.study).toMatchObject({ tags: [], note: { body: '', updatedBy: { name: 'notes' } } });
  });

  it('sets and clears a trial note and tags', async () => {
    const set = await api.gql(TRIAL_UPDATE, { i: { id: trialId, note: 'diverged at epoch 3', tags: ['odd'] } }, team.user);
    expect(set.trialUpdate.userErrors).toEqual([]);
    expect(set.trialUpdate.trial).toMatchObject({ tags: ['odd'], note: { body: 'diverged at epoch 3', updatedBy: { name: 'notes' } } });
    const { trial } = await api.gql(`query($id: ID!) { trial(id: $id) { tags ${NOTE} } }`, { id: trialId }, team.user);
    expect(trial).toEqual(set.trialUpdate.trial);
    const cleared = await api.gql(TRIAL_UPDATE, { i: { id: trialId, note: '', tags: [] } }, team.user);
    expect(cleared.trialUpdate.trial).toMatchObject({ tags: [], note: { body: '' } });
  });

  it('refuses notes and tags beyond the limits, naming the field and the value, and stores nothing', async () => {
    const cases: [Record<string, unknown>, string[], RegExp][] = [
      [{ note: 'x'.repeat(20_001) }, ['input', 'note'], /at most 20,000 characters, got 20,001/],
      [{ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, ['input', 'tags'], /at most 20 tags, got 21/],
      [{ tags: ['ok', 'y'.repeat(41)] }, ['input', 'tags', '1'], /1 to 40 characters .* got 41 \("y{41}"\)/],
      [{ tags: ['   '] }, ['input', 'tags', '0'], /got 0/],
    ];
    for (const [fields, field, message] of cases) {
      for (const [query, id, key] of [[STUDY_UPDATE, studyId, 'studyUpdate'], [TRIAL_UPDATE, trialId, 'trialUpdate']] as const) {
        const result = await api.gql(query, { i: { id, ...fields } }, team.user);
        expect(result[key].userErrors).toHaveLength(1);
        expect(result[key].userErrors[0]).toMatchObject({ field, code: 'INVALID' });
        expect(result[key].userErrors[0].message).toMatch(message);
      }
    }
    const { study } = await api.gql(`query($id: ID!) { study(id: $id) { tags note { body } } }`, { id: studyId }, team.user);
    expect(study).toEqual({ tags: [], note: { body: '' } });
    // At the limits exactly, both are accepted.
    const max = await api.gql(STUDY_UPDATE, { i: { id: studyId, note: 'n'.repeat(20_000), tags: Array.from({ length: 20 }, (_, i) => `${i}`.padEnd(40, 'x')) } }, team.user);
    expect(max.studyUpdate.userErrors).toEqual([]);
    expect(max.studyUpdate.study.tags).toHaveLength(20);
  });

  it('refuses a VIEWER (FORBIDDEN) and answers another team NOT_FOUND', async () => {
    const other = await setupTeam(api, 'other');
    const { viewer } = await api.gql('{ viewer { user { id } } }', undefined, other.user);
    await handle.db.insert(membership).values({ teamId: rawId(team.teamId, 'Team')!, userId: rawId(viewer.user.id as string, 'User')!, role: 'VIEWER' });
    const outsider = (await setupTeam(api, 'outsider')).user;
    const code = async (query: string, id: string, auth: Auth) => (await api.post(query, { i: { id, note: 'x', tags: ['x'] } }, auth)).errors?.[0]?.extensions?.code;
    expect(await code(STUDY_UPDATE, studyId, other.user)).toBe('FORBIDDEN');
    expect(await code(TRIAL_UPDATE, trialId, other.user)).toBe('FORBIDDEN');
    expect(await code(STUDY_UPDATE, studyId, outsider)).toBe('NOT_FOUND');
    expect(await code(TRIAL_UPDATE, trialId, outsider)).toBe('NOT_FOUND');
    expect(await code(STUDY_UPDATE, studyId, team.runnerAuth)).toBe('FORBIDDEN');
    // The viewer still reads them.
    const { study } = await api.gql('query($id: ID!) { study(id: $id) { note { body } } }', { id: studyId }, other.user);
    expect(study.note.body).not.toBe('x');
  });

  it('publishes a study event for each edit, so watchers see it live', async () => {
    const feed = collect<Event>(api.ws(team.user), 'subscription($id: ID!) { studyEvents(studyId: $id) { kind seq study { tags } trial { tags } } }', { id: studyId });
    await feed.until((events) => events.some((e) => e.studyEvents.kind === 'SYNC'));
    await api.gql(STUDY_UPDATE, { i: { id: studyId, tags: ['live'] } }, team.user);
    await api.gql(TRIAL_UPDATE, { i: { id: trialId, tags: ['live-trial'] } }, team.user);
    const events = await feed.until((list) => list.some((e) => e.studyEvents.kind === 'TRIAL_UPDATED'));
    feed.stop();
    const updated = events.find((e) => e.studyEvents.kind === 'STUDY_UPDATED')!.studyEvents;
    const trialEvent = events.find((e) => e.studyEvents.kind === 'TRIAL_UPDATED')!.studyEvents;
    expect(updated.study.tags).toEqual(['live']);
    expect(trialEvent.trial?.tags).toEqual(['live-trial']);
    expect(trialEvent.seq).toBeGreaterThan(updated.seq);
  });
});
