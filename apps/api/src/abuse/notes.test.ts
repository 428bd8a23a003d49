import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { createStudy, setupTeam, startTestApi, type TestApi } from '../testing/harness.ts';

/** Issue #19, item 1: the note and tag surface (`studyUpdate`, `trialUpdate`) under hostile input. */

const STUDY_UPDATE = `mutation($i: StudyUpdateInput!) { studyUpdate(input: $i) { study { tags note { body } } userErrors { field message code } } }`;

describe.each(testDatabases)('abuse: notes and tags [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  beforeAll(async () => {
    handle = await target.create();
    api = await startTestApi(handle);
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  it('refuses oversized notes, thousands of tags and unstorable text, stores nothing, and keeps answering', async () => {
    const team = await setupTeam(api, 'abuse-notes');
    const { id } = await createStudy(api, team);
    const big = await api.gql(STUDY_UPDATE, { i: { id, note: 'a'.repeat(200_000) } }, team.user);
    expect(big.studyUpdate.userErrors[0]).toMatchObject({ field: ['input', 'note'] });
    const many = await api.gql(STUDY_UPDATE, { i: { id, tags: Array.from({ length: 5_000 }, (_, i) => `t${i}`) } }, team.user);
    expect(many.studyUpdate.userErrors[0]).toMatchObject({ field: ['input', 'tags'], message: expect.stringContaining('got 5000') });
    const nul = await api.post(STUDY_UPDATE, { i: { id, note: 'a\u0000b', tags: ['x\u0000'] } }, team.user);
    expect(nul.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Markup is stored as text: rendering it safely is the dashboard's job (no raw HTML there).
    const markup = '<script>alert(1)</script><img src=x onerror=alert(1)>';
    const stored = await api.gql(STUDY_UPDATE, { i: { id, note: markup, tags: ['<b>x</b>'] } }, team.user);
    expect(stored.studyUpdate.study).toEqual({ tags: ['<b>x</b>'], note: { body: markup } });
    const { study } = await api.gql('query($id: ID!) { study(id: $id) { note { body } } }', { id }, team.user);
    expect(study.note.body).toBe(markup);
  });
});
