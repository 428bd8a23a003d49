import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '@tuneboard/db';
import { createStudy, setupTeam, startTestApi, type TestApi } from './testing/harness.ts';

const CREATE =
  'mutation($i: StudyCreateInput!) { studyCreate(input: $i) { study { id } userErrors { field message code } } }';
const ENQUEUE =
  'mutation($i: TrialEnqueueInput!) { trialEnqueue(input: $i) { trial { id } userErrors { field message code } } }';
const TOKEN =
  'mutation($i: ApiTokenCreateInput!) { apiTokenCreate(input: $i) { secret userErrors { field message } } }';

describe('invalid study, trial and token input is refused with the field and the value named', () => {
  let handle: DbHandle;
  let api: TestApi;
  let team: Awaited<ReturnType<typeof setupTeam>>;
  beforeAll(async () => {
    handle = await createDb({ dataDir: 'memory://' });
    await handle.migrate();
    api = await startTestApi(handle);
    team = await setupTeam(api, 'contract');
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  const study = (overrides: Record<string, unknown>) => ({
    projectId: team.projectId,
    name: `s-${Math.random().toString(36).slice(2, 8)}`,
    objectives: [{ name: 'val_loss', direction: 'MINIMIZE' }],
    space: { lr: { type: 'float', low: 1e-4, high: 0.1 } },
    objective: { kind: 'template', template: 'mlp', dataset: 'digits' },
    ...overrides,
  });
  const studyCount = async () =>
    Number((await handle.query<{ n: number }>('select count(*)::int as n from study'))[0]!.n);

  it('refuses a space literal that defines a parameter twice, naming it (one definition is not dropped)', async () => {
    const before = await studyCount();
    const result = await api.post(
      `mutation { studyCreate(input: {
        projectId: "${team.projectId}", name: "twice", objectives: [{name: "val_loss", direction: MINIMIZE}],
        space: { lr: { type: "float", low: 0.001, high: 0.1 }, units: { type: "int", low: 1, high: 4 }, lr: { type: "categorical", choices: ["a"] } },
        objective: { kind: "template", template: "mlp", dataset: "digits" }
      }) { study { id } } }`,
      undefined,
      team.user,
    );
    expect(result.data).toBeUndefined();
    expect(result.errors?.map((e) => e.message)).toEqual(['There can be only one input field named "lr".']);
    expect(await studyCount()).toBe(before);
  });

  it('lists every faulty parameter at once, each on the field of its spec that is wrong', async () => {
    const { studyCreate } = await api.gql(
      CREATE,
      {
        i: study({
          space: {
            lr: { type: 'float', low: 'ten', high: 0.1 },
            units: { type: 'int', low: 64, high: 16 },
            dropout: { type: 'float', low: 0, high: 0.5, step: 0.3 },
            optimizer: { type: 'categorical', choices: ['adam', 'adam'] },
            momentum: { type: 'float', low: 0, high: 1 },
          },
        }),
      },
      team.user,
    );
    expect(studyCreate.study).toBeNull();
    expect(studyCreate.userErrors).toEqual([
      {
        field: ['input', 'space', 'lr', 'low'],
        message: 'parameter "lr": `low` must be a finite number, got low="ten"',
        code: 'INVALID',
      },
      {
        field: ['input', 'space', 'units', 'high'],
        message: 'parameter "units": `low <= high` must hold, got low=64, high=16',
        code: 'INVALID',
      },
      {
        field: ['input', 'space', 'dropout', 'step'],
        message: 'parameter "dropout": `step` must divide `high - low`, got low=0, high=0.5, step=0.3',
        code: 'INVALID',
      },
      {
        field: ['input', 'space', 'optimizer', 'choices'],
        message: 'parameter "optimizer": `choices` must not repeat a value, got "adam" twice',
        code: 'INVALID',
      },
    ]);
  });

  it('reports a rule between parameters when no parameter is faulty on its own', async () => {
    const { studyCreate } = await api.gql(
      CREATE,
      { i: study({ space: { lr: { type: 'float', low: 0.001, high: 0.1, when: { optimizer: ['sgd'] } } } }) },
      team.user,
    );
    expect(studyCreate.userErrors).toEqual([
      {
        field: ['input', 'space', 'lr', 'when'],
        message: 'parameter "lr": `when` refers to unknown parameter "optimizer" (known: lr)',
        code: 'INVALID',
      },
    ]);
  });

  it('stores the space once, in the contract’s normal form: defaults left out (jsonb keeps no key order)', async () => {
    const created = await createStudy(api, team, {
      space: {
        momentum: { type: 'float', low: 0, high: 1, log: false, when: { optimizer: ['sgd'] } },
        optimizer: { type: 'categorical', choices: ['adam', 'sgd'] },
        layers: { type: 'int', low: 1, high: 4, step: 1 },
      },
    });
    const { study: stored } = await api.gql('query($id: ID!) { study(id: $id) { space } }', { id: created.id }, team.user);
    expect(stored.space).toEqual({
      optimizer: { type: 'categorical', choices: ['adam', 'sgd'] },
      momentum: { type: 'float', low: 0, high: 1, when: { optimizer: ['sgd'] } },
      layers: { type: 'int', low: 1, high: 4 },
    });
  });

  it('says which parameter of an enqueued configuration is wrong, with its value and the rule', async () => {
    const created = await createStudy(api, team, {
      space: {
        lr: { type: 'float', low: 1e-4, high: 0.1, log: true },
        layers: { type: 'int', low: 1, high: 4 },
        optimizer: { type: 'categorical', choices: ['adam', 'sgd'] },
        momentum: { type: 'float', low: 0, high: 1, when: { optimizer: ['sgd'] } },
      },
    });
    const { trialEnqueue } = await api.gql(
      ENQUEUE,
      {
        i: {
          studyId: created.id,
          params: { lr: 5, layers: 2.5, optimizer: 'adam', momentum: 0.9, dropout: 0.1 },
        },
      },
      team.user,
    );
    expect(trialEnqueue.trial).toBeNull();
    expect(trialEnqueue.userErrors).toEqual([
      {
        field: ['input', 'params', 'lr'],
        message: 'parameter "lr" must be a number from 0.0001 to 0.1, got 5',
        code: 'INVALID',
      },
      {
        field: ['input', 'params', 'layers'],
        message: 'parameter "layers" must be an integer from 1 to 4, got 2.5',
        code: 'INVALID',
      },
      {
        field: ['input', 'params', 'momentum'],
        message: 'parameter "momentum" must be left out unless optimizer is one of ["sgd"], got 0.9',
        code: 'INVALID',
      },
      {
        field: ['input', 'params', 'dropout'],
        message: `"dropout" is not a parameter of the study's space (lr, layers, optimizer, momentum)`,
        code: 'INVALID',
      },
    ]);

    const missing = await api.gql(
      ENQUEUE,
      { i: { studyId: created.id, params: { lr: 0.01, optimizer: 'rmsprop' } } },
      team.user,
    );
    expect(missing.trialEnqueue.userErrors.map((e: { message: string }) => e.message)).toEqual([
      'parameter "layers" is missing: give an integer from 1 to 4',
      'parameter "optimizer" must be one of ["adam","sgd"], got "rmsprop"',
    ]);

    const fine = await api.gql(
      ENQUEUE,
      { i: { studyId: created.id, params: { lr: 0.01, layers: 2, optimizer: 'sgd', momentum: 0.9 } } },
      team.user,
    );
    expect(fine.trialEnqueue.userErrors).toEqual([]);
  });

  it('refuses a token expiry of "ten" naming the field and the value, and creates no token', async () => {
    const count = async () =>
      Number((await handle.query<{ n: number }>('select count(*)::int as n from api_token'))[0]!.n);
    const before = await count();
    const asVariable = await api.post(
      TOKEN,
      { i: { teamId: team.teamId, name: 'ten', scope: 'READ', expiresInDays: 'ten' } },
      team.user,
    );
    expect(asVariable.data).toBeUndefined();
    expect(asVariable.errors?.[0]?.message).toContain('"ten" at "i.expiresInDays"');
    const asLiteral = await api.post(
      `mutation { apiTokenCreate(input: { teamId: "${team.teamId}", name: "ten", scope: READ, expiresInDays: "ten" }) { secret } }`,
      undefined,
      team.user,
    );
    expect(asLiteral.data).toBeUndefined();
    expect(asLiteral.errors?.[0]?.message).toBe('Int cannot represent non-integer value: "ten"');
    const outOfRange = await api.gql(
      TOKEN,
      { i: { teamId: team.teamId, name: 'zero', scope: 'READ', expiresInDays: 0 } },
      team.user,
    );
    expect(outOfRange.apiTokenCreate).toEqual({
      secret: null,
      userErrors: [{ field: ['input', 'expiresInDays'], message: 'expiresInDays must be 1 to 3650, got 0' }],
    });
    expect(await count()).toBe(before);
  });
});
