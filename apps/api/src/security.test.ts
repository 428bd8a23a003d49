import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { CLAIM, REPORT, collect, createStudy, setupTeam, startTestApi, type TestApi } from './testing/harness.ts';

describe.each(testDatabases)('security [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  let alpha: Awaited<ReturnType<typeof setupTeam>>;
  let beta: Awaited<ReturnType<typeof setupTeam>>;
  let alphaStudy: { id: string };
  beforeAll(async () => {
    handle = await target.create();
    api = await startTestApi(handle);
    [alpha, beta] = [await setupTeam(api, 'alpha'), await setupTeam(api, 'beta')];
    alphaStudy = await createStudy(api, alpha, { budget: { maxTrials: 10, maxParallel: 2 } });
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  it('hides another team’s study: reads answer null, changes answer NOT_FOUND', async () => {
    const read = await api.gql('query($id: ID!) { study(id: $id) { id } node(id: $id) { id } }', { id: alphaStudy.id }, beta.user);
    expect(read).toEqual({ study: null, node: null });
    const own = await api.gql('query($id: ID!) { study(id: $id) { id } }', { id: alphaStudy.id }, alpha.user);
    expect(own.study.id).toBe(alphaStudy.id);
    const pause = await api.post(
      'mutation($i: StudyIdInput!) { studyPause(input: $i) { study { status } } }',
      { i: { id: alphaStudy.id } },
      beta.user,
    );
    expect(pause.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const project = await api.post(
      'mutation($i: StudyCreateInput!) { studyCreate(input: $i) { study { id } } }',
      {
        i: {
          projectId: alpha.projectId,
          name: 'intruder',
          objectives: [{ name: 'val_loss', direction: 'MINIMIZE' }],
          space: { x: { type: 'float', low: 0, high: 1 } },
          objective: { kind: 'template', template: 'mlp', dataset: 'iris' },
        },
      },
      beta.user,
    );
    expect(project.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('answers another team’s trial, token and invitation exactly like ones that do not exist', async () => {
    const alphaRunner = await alpha.register('alpha-oracle');
    const [lease] = (await api.gql(CLAIM, { i: { runnerId: alphaRunner, studyId: alphaStudy.id } }, alpha.runnerAuth)).trialClaim.leases;
    const foreignTrial = lease.trial.id as string;
    const missingTrial = Buffer.from('Trial:999999999').toString('base64url');
    const answers = async (id: string) => {
      const calls = [
        api.post('mutation($i: TrialUpdateInput!) { trialUpdate(input: $i) { trial { id } } }', { i: { id, note: 'x' } }, beta.user),
        api.post('mutation($i: TrialEvaluateInput!) { trialEvaluate(input: $i) { evaluation { id } } }', { i: { trialId: id } }, beta.user),
        api.post('query($ids: [ID!]!) { compareTrials(ids: $ids) { id } }', { ids: [id, Buffer.from('Trial:999999998').toString('base64url')] }, beta.user),
      ];
      return (await Promise.all(calls)).map((r) => ({ data: r.data, errors: r.errors?.map((e) => [e.message, e.extensions?.code]) }));
    };
    const foreign = await answers(foreignTrial);
    expect(foreign.map((a) => a.errors?.[0])).toEqual([
      ['The trial was not found.', 'NOT_FOUND'],
      ['The trial was not found.', 'NOT_FOUND'],
      ['ids[0]: The trial was not found.', 'NOT_FOUND'],
    ]);
    expect(foreign).toEqual(await answers(missingTrial));

    const { apiTokenCreate } = await api.gql(
      'mutation($i: ApiTokenCreateInput!) { apiTokenCreate(input: $i) { apiToken { id } } }',
      { i: { teamId: alpha.teamId, name: 'kept', scope: 'READ' } },
      alpha.user,
    );
    const { invitationCreate } = await api.gql(
      'mutation($i: InvitationCreateInput!) { invitationCreate(input: $i) { invitation { id } } }',
      { i: { teamId: alpha.teamId, email: 'someone@example.test', role: 'VIEWER' } },
      alpha.user,
    );
    const revoke = (mutation: string, input: string, id: string) =>
      api.post(`mutation($i: ${input}!) { ${mutation}(input: $i) { userErrors { field message code } } }`, { i: { id } }, beta.user);
    for (const [mutation, input, id, type] of [
      ['apiTokenRevoke', 'ApiTokenRevokeInput', apiTokenCreate.apiToken.id as string, 'ApiToken'],
      ['invitationRevoke', 'InvitationRevokeInput', invitationCreate.invitation.id as string, 'Invitation'],
    ] as const) {
      const missing = Buffer.from(`${type}:00000000-0000-4000-8000-000000000000`).toString('base64url');
      const [theirs, none] = [await revoke(mutation, input, id), await revoke(mutation, input, missing)];
      expect(theirs).toEqual(none);
      expect((theirs.data as Record<string, { userErrors: { code: string }[] }>)[mutation]!.userErrors[0]!.code).toBe('NOT_FOUND');
    }
    // Still revocable by its own team.
    const own = await api.gql(
      'mutation($i: ApiTokenRevokeInput!) { apiTokenRevoke(input: $i) { apiToken { revokedAt } userErrors { code } } }',
      { i: { id: apiTokenCreate.apiToken.id } },
      alpha.user,
    );
    expect(own.apiTokenRevoke.apiToken.revokedAt).not.toBeNull();
  });

  it('tells a caller whose API token is unknown that the token is refused, not to sign in; runnerRegister too', async () => {
    const stranger = { token: 'tb_not_a_token_of_this_api' };
    const teamCreate = 'mutation($i: TeamCreateInput!) { teamCreate(input: $i) { team { id } } }';
    const register = 'mutation { runnerRegister(input: { name: "r", host: "h", capabilities: {} }) { runner { id } } }';
    for (const answer of [await api.post(teamCreate, { i: { name: 't', slug: 't-x' } }, stranger), await api.post(register, {}, stranger)]) {
      expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(answer.errors?.[0]?.message).toMatch(/token sent is not accepted: it is unknown, revoked or expired/);
    }
    // Without any credentials the answer still says how to sign in.
    const anonymousAnswer = await api.post(teamCreate, { i: { name: 't', slug: 't-y' } });
    expect(anonymousAnswer.errors?.[0]?.message).toMatch(/^Sign in, or send an API token/);
  });

  it('bounds a project’s studies by first (at most 500, refused above) and counts them all', async () => {
    await createStudy(api, alpha, { name: 'listed-1' });
    await createStudy(api, alpha, { name: 'listed-2' });
    const query = 'query($id: ID!, $n: Int) { node(id: $id) { ... on Project { studyCount studies(first: $n) { name } } } }';
    const { node } = await api.gql(query, { id: alpha.projectId, n: 2 }, alpha.user);
    expect(node.studies.map((s: { name: string }) => s.name)).toEqual(['listed-2', 'listed-1']);
    expect(node.studyCount).toBeGreaterThanOrEqual(3);
    const tooMany = await api.post(query, { id: alpha.projectId, n: 501 }, alpha.user);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooMany.errors?.[0]?.message).toBe('studies(first:) must be between 0 and 500, got 501');
  });

  it('keeps another team’s runners away from its trials', async () => {
    const betaRunner = await beta.register('beta-runner');
    const claim = await api.post(CLAIM, { i: { runnerId: betaRunner, studyId: alphaStudy.id } }, beta.runnerAuth);
    expect(claim.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const anyStudy = await api.gql(CLAIM, { i: { runnerId: betaRunner } }, beta.runnerAuth);
    expect(anyStudy.trialClaim.leases).toEqual([]);
    const alphaRunner = await alpha.register('alpha-runner');
    const [lease] = (await api.gql(CLAIM, { i: { runnerId: alphaRunner, studyId: alphaStudy.id } }, alpha.runnerAuth))
      .trialClaim.leases;
    const report = await api.post(
      REPORT,
      { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, points: [] } },
      beta.runnerAuth,
    );
    expect(report.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const wrongRunner = await api.post(CLAIM, { i: { runnerId: alphaRunner } }, beta.runnerAuth);
    expect(wrongRunner.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses a subscription to another team’s study', async () => {
    const feed = collect(api.ws(beta.user), 'subscription($id: ID!) { studyEvents(studyId: $id) { kind } }', {
      id: alphaStudy.id,
    });
    await expect(feed.until(() => false, 5_000)).rejects.toThrow(/not found/);
  });

  it('lets a READ token read but not change, and refuses a revoked token on the next request', async () => {
    const { apiTokenCreate } = await api.gql(
      'mutation($i: ApiTokenCreateInput!) { apiTokenCreate(input: $i) { secret apiToken { id prefix scope } } }',
      { i: { teamId: alpha.teamId, name: 'reader', scope: 'READ' } },
      alpha.user,
    );
    expect(apiTokenCreate.secret).toMatch(/^tb_[A-Za-z0-9_-]{43}$/); // 256 random bits
    expect(apiTokenCreate.secret.startsWith(apiTokenCreate.apiToken.prefix)).toBe(true);
    const reader = { token: apiTokenCreate.secret as string };
    expect((await api.gql('query($id: ID!) { study(id: $id) { id } }', { id: alphaStudy.id }, reader)).study).not.toBeNull();
    const pause = await api.post(
      'mutation($i: StudyIdInput!) { studyPause(input: $i) { study { status } } }',
      { i: { id: alphaStudy.id } },
      reader,
    );
    expect(pause.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await api.gql(
      'mutation($i: ApiTokenRevokeInput!) { apiTokenRevoke(input: $i) { apiToken { revokedAt } } }',
      { i: { id: apiTokenCreate.apiToken.id } },
      alpha.user,
    );
    const after = await api.post('query($id: ID!) { study(id: $id) { id } }', { id: alphaStudy.id }, reader);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('records when a session was last used (at most once a minute) and the sweep deletes expired sessions', async () => {
    const sessions = () =>
      handle.query<{ id: string; recent: boolean }>(
        `select s.id, s.last_used_at > now() - interval '1 minute' as recent
         from session s join "user" u on u.id = s.user_id where u.email = $1`,
        [alpha.email],
      );
    await handle.query(
      `update session set last_used_at = now() - interval '2 minutes' where user_id = (select id from "user" where email = $1)`,
      [alpha.email],
    );
    expect((await sessions()).every((row) => !row.recent)).toBe(true);
    await api.gql('{ viewer { user { id } } }', {}, alpha.user);
    expect((await sessions()).some((row) => row.recent)).toBe(true);

    const [expired] = await handle.query<{ id: string }>(
      `insert into session (token_hash, user_id, expires_at)
       select 'expired-' || gen_random_uuid(), id, now() - interval '1 day' from "user" where email = $1 returning id`,
      [alpha.email],
    );
    await expect
      .poll(async () => (await sessions()).some((row) => row.id === expired!.id), { timeout: 20_000, interval: 300 })
      .toBe(false);
    // The live session stays, and still signs the user in.
    expect((await sessions()).length).toBeGreaterThan(0);
    expect((await api.gql('{ viewer { user { email } } }', {}, alpha.user)).viewer.user.email).toBe(alpha.email);
  });

  it('rejects a wrong password with one message for unknown and known accounts, and rate-limits sign-in', async () => {
    const attempt = (email: string) =>
      api.gql(
        'mutation($i: SignInInput!) { signIn(input: $i) { user { id } userErrors { message code } } }',
        { i: { email, password: 'wrong password!' } },
      );
    const unknown = await attempt('nobody@example.test');
    const known = await attempt(alpha.email);
    expect(unknown.signIn.userErrors).toEqual(known.signIn.userErrors);
    for (let i = 0; i < 9; i += 1) await attempt(alpha.email);
    const limited = await attempt(alpha.email);
    expect(limited.signIn.userErrors[0].code).toBe('RATE_LIMITED');
  });

  it('refuses a fragment bomb and a 10,000-alias query over HTTP and WebSocket before running them', async () => {
    const fragments = Array.from(
      { length: 30 },
      (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
    ).join('\n');
    const bomb = `query { ...F0 }\n${fragments}\nfragment F30 on Query { viewer { teams { id } } }`;
    const aliases = `query { ${Array.from({ length: 10_000 }, (_, i) => `a${i}: viewer { teams { id } }`).join(' ')} }`;
    for (const query of [bomb, aliases]) {
      const http = await api.post(query, {}, alpha.user);
      expect(http.data).toBeUndefined();
      expect(http.errors?.length).toBeGreaterThan(0);
      const feed = collect(api.ws(alpha.user), query, {});
      await expect(feed.until(() => false, 10_000)).rejects.toThrow(/subscription failed/);
    }
  });

  it('refuses a query past the depth, alias or directive limit with a 400 naming the limit, not a 500', async () => {
    let deep = 'id';
    for (let i = 0; i < 7; i += 1) deep = `projects { team { ${deep} } }`;
    const queries: [string, RegExp][] = [
      [`query { viewer { teams { ${deep} } } }`, /depth limit of 12 exceeded/],
      [`query { ${Array.from({ length: 31 }, (_, i) => `a${i}: viewer { user { id } }`).join(' ')} }`, /Aliases limit of 30 exceeded/],
      [`query { viewer { user { id ${Array.from({ length: 51 }, () => '@include(if: true)').join(' ')} } } }`, /Directives limit of 50 exceeded/],
    ];
    for (const [query, reason] of queries) {
      const response = await fetch(api.server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: alpha.user.cookie },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
      expect(response.status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(body.errors?.map((e) => e.message).join('\n')).toMatch(reason);
      // The limit is stated once, as a limit (the document parsed), not as a syntax error. (Repeated @include on
      // one field also breaks graphql's own rule of one directive per location, once per repeat.)
      expect(body.errors?.filter((e) => reason.test(e.message))).toHaveLength(1);
      expect(body.errors?.some((e) => /Syntax Error/.test(e.message))).toBe(false);
    }
  });

  it('names the field and the value when a study is invalid', async () => {
    const { studyCreate } = await api.gql(
      'mutation($i: StudyCreateInput!) { studyCreate(input: $i) { study { id } userErrors { field message } } }',
      {
        i: {
          projectId: alpha.projectId,
          name: 'bad',
          objectives: [{ name: 'val_loss', direction: 'MINIMIZE' }],
          space: { lr: { type: 'float', low: 3, high: 1 } },
          sampler: { kind: 'annealing' },
          objective: { kind: 'template', template: 'mlp', dataset: 'imagenet' },
          budget: { maxParallel: 0 },
        },
      },
      alpha.user,
    );
    expect(studyCreate.study).toBeNull();
    const fields = studyCreate.userErrors.map((e: { field: string[] }) => e.field.join('.'));
    expect(fields).toEqual(
      expect.arrayContaining(['input.space.lr.high', 'input.sampler.kind', 'input.objective.dataset', 'input.budget.maxParallel']),
    );
    const lr = studyCreate.userErrors.find((e: { field: string[] }) => e.field.join('.') === 'input.space.lr.high');
    expect(lr.message).toMatch(/low=3/);
    const dataset = studyCreate.userErrors.find((e: { field: string[] }) => e.field.join('.') === 'input.objective.dataset');
    expect(dataset.message).toMatch(/"imagenet"/);
  });

  it('refuses a sampler that cannot work with the space before storing the study', async () => {
    const space = Object.fromEntries(['a', 'b', 'c', 'd'].map((n) => [n, { type: 'float', low: 0, high: 1 }]));
    const { studyCreate } = await api.gql(
      'mutation($i: StudyCreateInput!) { studyCreate(input: $i) { study { id } userErrors { field message } } }',
      {
        i: {
          projectId: alpha.projectId,
          name: 'huge-grid',
          objectives: [{ name: 'val_loss', direction: 'MINIMIZE' }],
          space,
          sampler: { kind: 'grid', gridPoints: 100 },
          objective: { kind: 'template', template: 'mlp', dataset: 'iris' },
        },
      },
      alpha.user,
    );
    expect(studyCreate.study).toBeNull();
    expect(studyCreate.userErrors[0].field).toEqual(['input', 'sampler']);
    const { project } = await api.gql(
      'query($id: ID!) { project: node(id: $id) { ... on Project { studies { name } } } }',
      { id: alpha.projectId },
      alpha.user,
    );
    expect(project.studies.map((s: { name: string }) => s.name)).not.toContain('huge-grid');
  });
});
