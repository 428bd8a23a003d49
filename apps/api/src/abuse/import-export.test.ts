import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { membership, type DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { rawId } from '../ids.ts';
import { OPTUNA_UPLOAD_MAX_BYTES } from '../resolvers/import.ts';
import { createStudy, setupTeam, startTestApi, type TestApi } from '../testing/harness.ts';

/** Issue #20: the Optuna upload (`studyImportOptuna`) and the JSON-lines export (`Study.exportJsonl`) under hostile callers. */

const IMPORT = `mutation($i: StudyImportOptunaInput!) { studyImportOptuna(input: $i) { study { id } created userErrors { field message code } } }`;
const EXPORT = `query($id: ID!, $first: Int) { study(id: $id) { exportJsonl(first: $first) { lines } } }`;
/** The first 100 bytes of a SQLite file: enough to pass the header check. */
const sqliteLike = (bytes: number) =>
  Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(bytes - 16)]).toString('base64');

/**
 * A small SQLite file shaped like an Optuna storage whose `trial_params` is `definition` (SQL after `create`):
 * made with python3's standard library, which the server reads uploads with too.
 */
async function hostileStorage(definition: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tb-optuna-hostile-'));
  const file = path.join(dir, 'hostile.db');
  const script = `import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript('''
create table studies (study_id integer primary key, study_name text);
insert into studies values (1, 's');
create table trials (trial_id integer primary key, number integer, study_id integer, state text, datetime_start text, datetime_complete text);
insert into trials values (1, 0, 1, 'COMPLETE', null, null);
create table study_directions (study_id integer, objective integer, direction text);
insert into study_directions values (1, 0, 'MINIMIZE');
create table study_system_attributes (study_id integer, key text, value_json text);
create ''' + sys.argv[2] + ''';
''')
c.commit()`;
  const made = spawnSync('python3', ['-c', script, file, definition], { encoding: 'utf8' });
  expect(made.stderr).toBe('');
  try {
    return (await readFile(file)).toString('base64');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe.each(testDatabases)('abuse: Optuna upload and JSON-lines export [$name]', (target) => {
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

  it('refuses three aliased imports of one file in one operation before any runs; one import is affordable', async () => {
    const team = await setupTeam(api, 'aliased-imports');
    const file = await hostileStorage('table trial_params (trial_id integer, param_name text, param_value real, distribution_json text)');
    const aliases = Array.from({ length: 3 }, (_, i) => `a${i}: studyImportOptuna(input: $i) { created }`).join(' ');
    const studiesBefore = await handle.query<{ n: number }>('select count(*)::int as n from study');
    const refused = await api.post(`mutation($i: StudyImportOptunaInput!) { ${aliases} }`, { i: { projectId: team.projectId, file, studyName: 'aliased' } }, team.user);
    expect(refused.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_EXPENSIVE');
    expect(refused.data ?? null).toBeNull();
    expect(await handle.query<{ n: number }>('select count(*)::int as n from study')).toEqual(studiesBefore);
    // The same file once goes through the import (and its own checks): the price does not block the feature.
    const once = await api.post(IMPORT, { i: { projectId: team.projectId, file, studyName: 'once' } }, team.user);
    expect(once.errors).toBeUndefined();
    expect(once.data).toHaveProperty('studyImportOptuna');
  });

  it('refuses an upload over the size cap, not SQLite or not base64, naming the field, before reading anything', async () => {
    const team = await setupTeam(api, 'upload-abuse');
    const errors = async (file: string) =>
      (await api.gql(IMPORT, { i: { projectId: team.projectId, file, studyName: 's' } }, team.user))
        .studyImportOptuna.userErrors;
    const [big] = await errors(sqliteLike(OPTUNA_UPLOAD_MAX_BYTES + 3));
    expect(big).toMatchObject({
      field: ['input', 'file'],
      message: expect.stringMatching(
        /^file must be at most 1,048,576 bytes \(1 MiB\) before base64, got 1,048,579; import larger storages with the admin CLI/,
      ),
    });
    expect(
      (
        await errors(
          Buffer.from(
            'not a database at all, just some text that is long enough to pass the size floor of the check ok',
          ).toString('base64'),
        )
      )[0],
    ).toMatchObject({
      field: ['input', 'file'],
      message: expect.stringMatching(/^file is not a SQLite database/),
    });
    expect((await errors('%%%not base64%%%'))[0]).toMatchObject({
      field: ['input', 'file'],
      message: expect.stringMatching(/^file must be base64/),
    });
    // A bad sampler is refused on its own field, before the file is read; a name of spaces only on studyName.
    const withInput = async (extra: Record<string, unknown>) =>
      (await api.gql(IMPORT, { i: { projectId: team.projectId, file: sqliteLike(2_000), studyName: 's', ...extra } }, team.user))
        .studyImportOptuna.userErrors;
    expect((await withInput({ sampler: { kind: 'nonsense' } }))[0]).toMatchObject({
      field: ['input', 'sampler'],
      message: expect.stringMatching(/kind.*"nonsense"/),
    });
    expect((await withInput({ studyName: '   ' }))[0]).toMatchObject({ field: ['input', 'studyName'] });
    // A time zone that is not one (SQL, a path, 10,000 characters) is refused on its field before the file is
    // read, its value shown cut to 64 characters.
    for (const timeZone of ["UTC'; drop table study; --", '../../etc/passwd', 'x'.repeat(10_000), '+99:00']) {
      const [refused] = await withInput({ timeZone });
      expect(refused).toMatchObject({ field: ['input', 'timeZone'], code: 'INVALID', message: expect.stringMatching(/^timeZone must be an IANA time zone/) });
      expect(refused.message.length).toBeLessThan(200);
    }
    // A body over the request limit never reaches the resolver.
    const huge = await fetch(api.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: team.user.cookie },
      body: JSON.stringify({
        query: IMPORT,
        variables: { i: { projectId: team.projectId, file: sqliteLike(3 * 1024 * 1024), studyName: 's' } },
      }),
    });
    expect(huge.status).toBe(413);
  });

  it('refuses a storage whose tables are views or computed columns, before running their SQL', async () => {
    const team = await setupTeam(api, 'upload-views');
    const endless = await hostileStorage(
      `view trial_params as with recursive c(x) as (select 1 union all select x + 1 from c) select 1 as trial_id, 'p' || x as param_name, 0.5 as param_value, '{}' as distribution_json from c`,
    );
    const huge = await hostileStorage(
      `table trial_params (trial_id integer, param_name text as (printf('%.*c', 900000000, 'x')), param_value real, distribution_json text)`,
    );
    for (const [file, why] of [
      [endless, 'trial_params is a view, not a table'],
      [huge, 'trial_params has generated or hidden columns'],
    ] as const) {
      const { studyImportOptuna } = await api.gql(IMPORT, { i: { projectId: team.projectId, file, studyName: 's' } }, team.user);
      expect(studyImportOptuna.study).toBeNull();
      expect(studyImportOptuna.userErrors).toEqual([
        { field: ['input', 'file'], message: `the file is not an Optuna storage: ${why}`, code: 'INVALID' },
      ]);
    }
  });

  it('answers another team NOT_FOUND and a VIEWER or a READ token FORBIDDEN; export reads for readers only', async () => {
    const team = await setupTeam(api, 'owner');
    const { id: studyId } = await createStudy(api, team, { objective: { kind: 'client' } });
    const outsider = await setupTeam(api, 'outsider');
    const viewer = await setupTeam(api, 'viewer');
    const { viewer: me } = await api.gql('{ viewer { user { id } } }', undefined, viewer.user);
    await handle.db
      .insert(membership)
      .values({
        teamId: rawId(team.teamId, 'Team')!,
        userId: rawId(me.user.id as string, 'User')!,
        role: 'VIEWER',
      });
    const { apiTokenCreate } = await api.gql(
      'mutation($i: ApiTokenCreateInput!) { apiTokenCreate(input: $i) { secret } }',
      { i: { teamId: team.teamId, name: 'read', scope: 'READ' } },
      team.user,
    );
    const code = async (auth: Parameters<TestApi['post']>[2]) =>
      (
        await api.post(
          IMPORT,
          { i: { projectId: team.projectId, file: sqliteLike(200), studyName: 's' } },
          auth,
        )
      ).errors?.[0]?.extensions?.code;
    expect(await code(outsider.user)).toBe('NOT_FOUND');
    expect(await code(viewer.user)).toBe('FORBIDDEN');
    expect(await code({ token: apiTokenCreate.secret as string })).toBe('FORBIDDEN');
    expect(await code(undefined)).toBe('UNAUTHENTICATED');
    // The time zone is checked after the project: another team learns nothing from it, a bad one included.
    for (const timeZone of ['Europe/Paris', 'Nowhere/Else']) {
      const answer = await api.post(IMPORT, { i: { projectId: team.projectId, file: sqliteLike(200), studyName: 's', timeZone } }, outsider.user);
      expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(answer.data?.studyImportOptuna ?? null).toBeNull();
    }

    // Export: the viewer reads it; another team sees no study at all.
    expect((await api.gql(EXPORT, { id: studyId }, viewer.user)).study.exportJsonl.lines).toHaveLength(2);
    expect((await api.gql(EXPORT, { id: studyId }, outsider.user)).study).toBeNull();
    expect(
      (await api.post(EXPORT, { id: studyId, first: 201 }, viewer.user)).errors?.[0]?.extensions?.code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (await api.post(EXPORT, { id: studyId, first: 100_000 }, viewer.user)).errors?.[0]?.extensions?.code,
    ).toBe('QUERY_TOO_EXPENSIVE');
    // Three aliased full pages are refused before any runs (each is priced at its 100,000 points); two answer.
    const pages = (n: number) => `query($id: ID!) { study(id: $id) { ${Array.from({ length: n }, (_, i) => `p${i}: exportJsonl(first: 200) { lines }`).join(' ')} } }`;
    const three = await api.post(pages(3), { id: studyId }, viewer.user);
    expect(three.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_EXPENSIVE');
    expect(three.data ?? null).toBeNull();
    const two = await api.gql(pages(2), { id: studyId }, viewer.user);
    expect([two.study.p0.lines.length, two.study.p1.lines.length]).toEqual([2, 2]);
  });
});
