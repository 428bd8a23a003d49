import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { runAdmin } from '../admin.ts';
import { CLAIM, COMPLETE, REPORT, createStudy, setupTeam, startTestApi, type Auth, type GraphQLResult, type TestApi } from '../testing/harness.ts';

/**
 * Issue #15, item 5: inputs that used to end in an internal error (or were stored wrong) are refused with a
 * user error naming the field and the value, nothing is stored, and the API keeps answering.
 */

const CREATE = `mutation($i: StudyCreateInput!) { studyCreate(input: $i) { study { id } userErrors { field message code } } }`;

/** POST /graphql with a body given as text, for JSON that `JSON.stringify` cannot write (1e400, `__proto__` keys, 100,000-deep arrays). */
async function postRaw(api: TestApi, body: string, auth: Auth): Promise<GraphQLResult> {
  const response = await fetch(api.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth && 'cookie' in auth ? { cookie: auth.cookie } : {}) },
    body,
  });
  return (await response.json()) as GraphQLResult;
}

/** A study input with a space given as JSON text. */
function createBody(projectId: string, name: string, spaceJson: string): string {
  const input = JSON.stringify({
    projectId,
    name,
    objectives: [{ name: 'val_loss', direction: 'MINIMIZE' }],
    space: '@SPACE@',
    sampler: { kind: 'random', seed: 1 },
    objective: { kind: 'template', template: 'mlp', dataset: 'iris' },
    budget: { maxTrials: 2, maxParallel: 1 },
  }).replace('"@SPACE@"', spaceJson);
  return `{"query": ${JSON.stringify(CREATE)}, "variables": {"i": ${input}}}`;
}

function codes(result: GraphQLResult): (string | undefined)[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}

describe.each(testDatabases)('abuse: inputs that used to fail inside the server [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  let team: Awaited<ReturnType<typeof setupTeam>>;
  let runnerId: string;

  const studyNames = async (): Promise<string[]> => {
    const { node } = await api.gql('query($id: ID!) { node(id: $id) { ... on Project { studies { name } } } }', { id: team.projectId }, team.user);
    return (node.studies as { name: string }[]).map((study) => study.name).sort();
  };
  /** The API still answers a cheap read. */
  const stillServing = async () => {
    const { viewer } = await api.gql('{ viewer { user { email } } }', undefined, team.user);
    expect(viewer.user.email).toBe(team.email);
  };
  const validStudy = (overrides: Record<string, unknown> = {}) => ({
    projectId: team.projectId,
    name: `ok-${Math.random().toString(36).slice(2, 8)}`,
    objectives: [{ name: 'val_loss', direction: 'MINIMIZE' }],
    space: { x: { type: 'float', low: 0, high: 1 }, c: { type: 'categorical', choices: ['a', 'b'] } },
    sampler: { kind: 'random', seed: 1 },
    objective: { kind: 'template', template: 'mlp', dataset: 'iris' },
    budget: { maxTrials: 2, maxParallel: 1 },
    ...overrides,
  });
  /** A running trial of a fresh study, with its lease. */
  const leasedTrial = async () => {
    const study = await createStudy(api, team, { budget: { maxTrials: 3, maxParallel: 1 } });
    const [lease] = (await api.gql(CLAIM, { i: { runnerId, studyId: study.id } }, team.runnerAuth)).trialClaim.leases;
    return { study, trialId: lease.trial.id as string, leaseToken: lease.leaseToken as string };
  };

  beforeAll(async () => {
    handle = await target.create();
    api = await startTestApi(handle);
    team = await setupTeam(api, 'input');
    runnerId = await team.register('input-runner');
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  describe.each([
    ['U+0000', 'bad\u0000name', 'U+0000 (NUL)'],
    ['a lone surrogate', 'bad\uD800name', 'an unpaired surrogate (U+D800)'],
  ])('a string with %s', (_label, bad, what) => {
    /** Each case: the request, and the argument path the refusal must name. */
    const cases: [string, () => Promise<[string, Record<string, unknown>, Auth]>, string][] = [
      ['study name', async () => [CREATE, { i: validStudy({ name: bad }) }, team.user], 'input.name'],
      ['study description', async () => [CREATE, { i: validStudy({ description: bad }) }, team.user], 'input.description'],
      ['parameter name', async () => [CREATE, { i: validStudy({ space: { [bad]: { type: 'float', low: 0, high: 1 } } }) }, team.user], 'at "i.space"'],
      ['categorical choice', async () => [CREATE, { i: validStudy({ space: { c: { type: 'categorical', choices: ['a', bad] } } }) }, team.user], 'at c.choices.1'],
      ['objective name', async () => [CREATE, { i: validStudy({ objectives: [{ name: bad, direction: 'MINIMIZE' }] }) }, team.user], 'input.objectives.0.name'],
      ['objective spec', async () => [CREATE, { i: validStudy({ objective: { kind: 'template', template: 'mlp', dataset: bad } }) }, team.user], 'at dataset'],
      ['sampler settings', async () => [CREATE, { i: validStudy({ sampler: { kind: bad } }) }, team.user], 'at kind'],
      [
        'project name',
        async () => ['mutation($i: ProjectCreateInput!) { projectCreate(input: $i) { project { id } } }', { i: { teamId: team.teamId, name: bad, slug: 'p-bad' } }, team.user],
        'input.name',
      ],
      [
        'project description',
        async () => [
          'mutation($i: ProjectCreateInput!) { projectCreate(input: $i) { project { id } } }',
          { i: { teamId: team.teamId, name: 'P', slug: 'p-bad-description', description: bad } },
          team.user,
        ],
        'input.description',
      ],
      ['team name', async () => ['mutation($i: TeamCreateInput!) { teamCreate(input: $i) { team { id } } }', { i: { name: bad, slug: 't-bad' } }, team.user], 'input.name'],
      [
        'user name at sign-up',
        async () => ['mutation($i: SignUpInput!) { signUp(input: $i) { user { id } } }', { i: { email: 'nul@example.test', name: bad, password: 'correct horse battery' } }, undefined],
        'input.name',
      ],
      [
        'token name',
        async () => ['mutation($i: ApiTokenCreateInput!) { apiTokenCreate(input: $i) { secret } }', { i: { teamId: team.teamId, name: bad, scope: 'READ' } }, team.user],
        'input.name',
      ],
      [
        'runner name',
        async () => [
          'mutation($i: RunnerRegisterInput!) { runnerRegister(input: $i) { runner { id } } }',
          { i: { name: bad, host: 'h', capabilities: { backend: 'cpu', gpus: 0, labels: [] } } },
          team.runnerAuth,
        ],
        'input.name',
      ],
      [
        'metric key in a report',
        async () => {
          const { trialId, leaseToken } = await leasedTrial();
          return [REPORT, { i: { trialId, leaseToken, points: [{ key: bad, step: 0, value: 1 }] } }, team.runnerAuth];
        },
        'input.points.0.key',
      ],
      // A trial's error is not refused but stored with U+FFFD in place (commands.test.ts): a crash's stderr
      // must reach the trial whatever bytes it holds.
      [
        'enqueued params',
        async () => {
          const study = await createStudy(api, team);
          return ['mutation($i: TrialEnqueueInput!) { trialEnqueue(input: $i) { trial { id } } }', { i: { studyId: study.id, params: { lr: bad } } }, team.user];
        },
        'at lr',
      ],
      [
        'a trial filter',
        async () => {
          const study = await createStudy(api, team);
          return [
            'query($id: ID!, $f: TrialFilter) { study(id: $id) { trials(filter: $f) { totalCount } } }',
            { id: study.id, f: { params: [{ name: bad, min: 0 }] } },
            team.user,
          ];
        },
        'filter.params.0.name',
      ],
    ];

    it.each(cases)('in the %s is refused with BAD_USER_INPUT naming the field, and nothing is stored', async (_case, request, path) => {
      const [query, variables, auth] = await request();
      const before = await studyNames();
      const result = await api.post(query, variables, auth);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0]!.message).toContain(path);
      expect(result.errors![0]!.message).toContain(what);
      expect(Object.values(result.data ?? {}).filter((value) => value !== null)).toEqual([]);
      expect(await studyNames()).toEqual(before);
      await stillServing();
    });
  });

  it.each([10_000, 100_000])('refuses JSON nested %i deep with a clear error, and keeps serving', async (depth) => {
    const before = await studyNames();
    const deep = `${'['.repeat(depth)}1${']'.repeat(depth)}`;
    const result = await postRaw(api, createBody(team.projectId, 'deep', `{"c": {"type": "categorical", "choices": ${deep}}}`), team.user);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.message).toContain('at c.choices');
    expect(result.errors![0]!.message).toContain('may nest at most 32 deep');
    expect(await studyNames()).toEqual(before);
    await stillServing();
  });

  it('refuses a raw 1e400 (Infinity once parsed) naming its path; nothing is stored', async () => {
    const before = await studyNames();
    const result = await postRaw(api, createBody(team.projectId, 'infinite', '{"x": {"type": "float", "low": 0, "high": 1e400}}'), team.user);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.message).toContain('at x.high: numbers must be finite, got Infinity');
    expect(await studyNames()).toEqual(before);
  });

  it('names a raw 1e400 in a search filter as Infinity, not null', async () => {
    // Inline: in variables graphql refuses Infinity itself; a literal 1e400 reaches the filter's own check.
    const query = 'query($team: ID!) { searchStudies(teamId: $team, filter: { hasTrial: { name: "val_loss", min: 1e400 } }) { totalCount } }';
    const result = await postRaw(api, JSON.stringify({ query, variables: { team: team.teamId } }), team.user);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.message).toMatch(/min must be a finite number, got Infinity$/);
    await stillServing();
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a parameter named %s instead of dropping it from every trial', async (name) => {
    const before = await studyNames();
    const result = await postRaw(
      api,
      createBody(team.projectId, `proto-${name}`, `{"x": {"type": "float", "low": 0, "high": 1}, "${name}": {"type": "int", "low": 1, "high": 3}}`),
      team.user,
    );
    expect(result.errors).toBeUndefined();
    const { userErrors, study } = (result.data as { studyCreate: { study: null; userErrors: { field: string[]; message: string }[] } }).studyCreate;
    expect(study).toBeNull();
    expect(userErrors).toEqual([expect.objectContaining({ field: ['input', 'space', name], code: 'INVALID' })]);
    expect(userErrors[0]!.message).toContain(`parameter "${name}": a parameter name starts with a letter`);
    expect(await studyNames()).toEqual(before);
  });

  it('refuses one key and step twice with two values in a report, naming both points; the same value twice is accepted', async () => {
    const { trialId, leaseToken } = await leasedTrial();
    const report = (points: { key: string; step: number; value: number }[]) =>
      api.gql(REPORT, { i: { trialId, leaseToken, points } }, team.runnerAuth).then((r) => r.trialReport);
    const refused = await report([
      { key: 'loss', step: 0, value: 1 },
      { key: 'acc', step: 0, value: 0.5 },
      { key: 'loss', step: 0, value: 2 },
    ]);
    expect(refused.accepted).toBe(0);
    expect(refused.userErrors).toEqual([
      { message: 'point 2 repeats key="loss", step=0 of point 0 with another value (2 after 1); a step holds one value', code: 'INVALID' },
    ]);
    const repeated = await report([
      { key: 'loss', step: 0, value: 1 },
      { key: 'loss', step: 0, value: 1 },
    ]);
    expect(repeated.userErrors).toEqual([]);
    const { trial } = await api.gql('query($id: ID!) { trial(id: $id) { metrics { key points { step value } } } }', { id: trialId }, team.user);
    expect(trial.metrics).toEqual([{ key: 'loss', points: [{ step: 0, value: 1 }] }]);
  });

  it('refuses a study description over 10,000 characters', async () => {
    const { studyCreate } = await api.gql(CREATE, { i: validStudy({ description: 'x'.repeat(10_001) }) }, team.user);
    expect(studyCreate).toEqual({
      study: null,
      userErrors: [{ field: ['input', 'description'], message: 'description may have at most 10000 characters, got 10001', code: 'INVALID' }],
    });
  });

  it('echoes at most 80 characters of an oversized value in a refusal: a 10,000-character runner name, metric key or objective list', async () => {
    const long = 'a'.repeat(10_000);
    const register = await api.post('mutation($i: RunnerRegisterInput!) { runnerRegister(input: $i) { userErrors { field message } } }', { i: { name: long, host: 'h', capabilities: { backend: 'cpu', gpus: 0, labels: [] } } }, team.runnerAuth);
    type Refused = { userErrors: { message: string }[] };
    const registerError = (register.data?.runnerRegister as Refused | undefined)?.userErrors[0] ?? register.errors?.[0];
    expect(registerError?.message).toMatch(/^name holds 1 to 100 letters, digits, _ \. : @ -; got "a{70,}\.\.\.$/);
    expect(registerError!.message.length).toBeLessThan(200);
    const { trialId, leaseToken } = await leasedTrial();
    const report = await api.post(REPORT, { i: { trialId, leaseToken, points: [{ key: long, step: 0, value: 1 }] } }, team.runnerAuth);
    const reportMessage = (report.data?.trialReport as Refused | undefined)?.userErrors[0]?.message ?? '';
    expect(reportMessage).toMatch(/got key="a{70,}\.\.\., step=0$/);
    expect(reportMessage.length).toBeLessThan(200);
    const metrics = Array.from({ length: 10_000 }, (_, i) => `m${i}`);
    const created = await api.post(CREATE, { i: validStudy({ objective: { kind: 'template', template: 'mlp', dataset: 'iris', metric: metrics } }) }, team.user);
    const createMessage = JSON.stringify(created);
    expect(createMessage).toMatch(/objective\.metric/);
    expect(createMessage.length).toBeLessThan(2_000);
    await stillServing();
  });

  it('refuses a parameter name outside the name rule', async () => {
    const { studyCreate } = await api.gql(CREATE, { i: validStudy({ space: { 'learning rate': { type: 'float', low: 0, high: 1 } } }) }, team.user);
    expect(studyCreate.userErrors).toEqual([expect.objectContaining({ field: ['input', 'space', 'learning rate'] })]);
    expect(studyCreate.userErrors[0].message).toContain('got "learning rate"');
  });

  it.each([
    ['grid on an int with 10^12 values', { kind: 'grid', seed: 1 }, { n: { type: 'int', low: 0, high: 1e12 } }, 'step', 'parameter "n": takes 1000000000001 values on the grid'],
    ['a float step of 1e-300', { kind: 'gp', seed: 1 }, { x: { type: 'float', low: 0, high: 1, step: 1e-300 } }, 'step', 'parameter "x": `step >= (high - low) / 1000000000` must hold'],
    ['an int beyond 2^53', { kind: 'cmaes', seed: 1 }, { n: { type: 'int', low: 0, high: 1e300 } }, 'high', 'parameter "n": `high` must be between -(2^53 - 1) and 2^53 - 1'],
  ])('refuses %s naming the parameter and its field (was "sampler: Invalid array length")', async (_label, sampler, space, field, message) => {
    const before = await studyNames();
    const { studyCreate } = await api.gql(CREATE, { i: validStudy({ sampler, space }) }, team.user);
    expect(studyCreate.study).toBeNull();
    const [error] = studyCreate.userErrors;
    expect(error.field).toEqual(['input', 'space', Object.keys(space)[0], field]);
    expect(error.message).toContain(message);
    expect(error.message).not.toContain('Invalid array length');
    expect(await studyNames()).toEqual(before);
  });

  it('refuses a gp study over a space wider than the GP models, naming the width and the widest parameters', async () => {
    const before = await studyNames();
    const choices = Array.from({ length: 1000 }, (_, i) => `v${i}`);
    const space = { a: { type: 'categorical', choices }, b: { type: 'categorical', choices }, c: { type: 'categorical', choices } };
    const { studyCreate } = await api.gql(CREATE, { i: validStudy({ sampler: { kind: 'gp', seed: 1 }, space }) }, team.user);
    expect(studyCreate.study).toBeNull();
    expect(studyCreate.userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'sampler'], message: expect.stringContaining('the GP models at most 2048 encoded columns') }),
    ]);
    expect(studyCreate.userErrors[0].message).toContain('this space has 3000 (a: 1000 choices, b: 1000 choices, c: 1000 choices)');
    expect(await studyNames()).toEqual(before);
    // The same space under `auto` is accepted: it leaves such a space to TPE.
    const auto = await api.gql(CREATE, { i: validStudy({ sampler: { kind: 'auto', seed: 1 }, space }) }, team.user);
    expect(auto.studyCreate.userErrors).toEqual([]);
  });

  it.each([
    ['no value', []],
    ['three values', [1, 2, 3]],
  ])('refuses trialComplete with %s on a one-objective study; the trial stays RUNNING', async (_label, values) => {
    const { study, trialId, leaseToken } = await leasedTrial();
    const refused = await api.gql(COMPLETE, { i: { trialId, leaseToken, values } }, team.runnerAuth);
    expect(refused.trialComplete.trial).toBeNull();
    expect(refused.trialComplete.userErrors).toEqual([
      { message: expect.stringContaining(`give one value per objective of the study (1: val_loss), got ${values.length}`), code: 'INVALID' },
    ]);
    const read = `query($s: ID!, $t: ID!) { trial(id: $t) { state values } study(id: $s) { bestTrials { id } counts { complete } } }`;
    const after = await api.gql(read, { s: study.id, t: trialId }, team.user);
    expect(after).toEqual({ trial: { state: 'RUNNING', values: null }, study: { bestTrials: [], counts: { complete: 0 } } });
    // The lease still holds: the right number of values completes the trial.
    const done = await api.gql(COMPLETE, { i: { trialId, leaseToken, values: [0.5] } }, team.runnerAuth);
    expect(done.trialComplete).toEqual({ trial: expect.objectContaining({ state: 'COMPLETE', values: [0.5] }), userErrors: [] });
  });
});

describe('abuse: the admin CLI applies the API\u2019s rules to what it creates [pglite]', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'tuneboard-admin-input-'));
  const dataDir = path.join(base, 'pglite');
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));
  const admin = async (...argv: string[]) => {
    const lines: string[] = [];
    await runAdmin(argv, (line) => lines.push(line), { dataDir });
    return lines;
  };

  it('refuses names with U+0000 or a lone surrogate, blank or too long names, and malformed e-mails', async () => {
    await expect(admin('user', 'create', '--email', 'ada@example.test', '--name', 'A\u0000da')).rejects.toThrow('--name must not contain U+0000 (NUL)');
    await expect(admin('user', 'create', '--email', 'ada@example.test', '--name', 'A\uDC00')).rejects.toThrow('--name must not contain an unpaired surrogate (U+DC00)');
    await expect(admin('user', 'create', '--email', 'ada@example.test', '--name', '   ')).rejects.toThrow('--name must have 1 to 100 characters, got 0');
    await expect(admin('user', 'create', '--email', 'not an address', '--name', 'Ada')).rejects.toThrow('--email must be an e-mail address, got "not an address"');
    await admin('user', 'create', '--email', 'ada@example.test', '--name', ' Ada ', '--password', 'correct horse battery');
    await expect(admin('team', 'create', '--slug', 'lab', '--name', 'x'.repeat(101), '--owner', 'ada@example.test')).rejects.toThrow(
      '--name must have 1 to 100 characters, got 101',
    );
    await admin('team', 'create', '--slug', 'lab', '--name', 'Lab', '--owner', 'ada@example.test');
    await expect(admin('project', 'create', '--team', 'lab', '--slug', 'p', '--name', 'P\u0000')).rejects.toThrow('--name must not contain U+0000');
    await expect(admin('token', 'create', '--team', 'lab', '--name', '\uD800', '--scope', 'READ')).rejects.toThrow('--name must not contain an unpaired surrogate');
    const handle = await createDb({ dataDir });
    try {
      expect(await handle.query('select name from "user"')).toEqual([{ name: 'Ada' }]);
      expect(await handle.query('select count(*)::int as n from project')).toEqual([{ n: 0 }]);
      expect(await handle.query('select count(*)::int as n from api_token')).toEqual([{ n: 0 }]);
    } finally {
      await handle.close();
    }
  });
});
