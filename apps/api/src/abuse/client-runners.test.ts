import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { MAX_CONSTRAINTS } from '@tuneboard/contract';
import { CLAIM, REPORT, createStudy, setupTeam, startTestApi, type TestApi } from '../testing/harness.ts';

// Issue #20: the Python client registers as a runner of kind CLIENT and claims the trials of `client` studies
// (ask-and-tell). A notebook's trials must never reach a training runner, a client must never take a training
// runner's trials, and neither may touch another team's.

const REGISTER = `mutation($i: RunnerRegisterInput!) { runnerRegister(input: $i) {
  runner { id kind capabilities } userErrors { field message code } } }`;

type Team = Awaited<ReturnType<typeof setupTeam>>;

describe.each(testDatabases)('client runners and client studies stay apart from workers and other teams [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  let team: Team;
  let other: Team;
  beforeAll(async () => {
    handle = await target.create();
    api = await startTestApi(handle, { LEASE_SECONDS: '60', CLIENT_LEASE_SECONDS: '900' });
    team = await setupTeam(api, 'notebooks');
    other = await setupTeam(api, 'strangers');
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  const register = async (who: Team, name: string, extra: Record<string, unknown>) => {
    const { runnerRegister } = await api.gql(
      REGISTER,
      { i: { name, host: 'h', capabilities: { backend: 'python', gpus: 0, labels: [] }, ...extra } },
      who.runnerAuth,
    );
    expect(runnerRegister.userErrors).toEqual([]);
    return runnerRegister.runner as { id: string; kind: string; capabilities: Record<string, unknown> };
  };
  const claim = async (who: Team, runnerId: string, studyId?: string) => {
    const { trialClaim } = await api.gql(CLAIM, { i: { runnerId, studyId, limit: 64 } }, who.runnerAuth);
    expect(trialClaim.userErrors).toEqual([]);
    return trialClaim.leases as { trial: { id: string } }[];
  };

  it('hands client trials to CLIENT runners only, and nothing else to them', async () => {
    const notebook = await createStudy(api, team, { objective: { kind: 'client' }, budget: { maxTrials: 4, maxParallel: 2 } });
    const template = await createStudy(api, team, { budget: { maxTrials: 2, maxParallel: 2 } });
    // A worker, even one that claims to be a client in its free-form capabilities, gets no client trial.
    const worker = await register(team, 'trainer', {});
    const pretender = await register(team, 'pretender', { capabilities: { backend: 'cpu', gpus: 0, labels: [], kind: 'client' } });
    expect(worker.kind).toBe('WORKER');
    expect(pretender).toMatchObject({ kind: 'WORKER', capabilities: { kind: 'worker' } });
    for (const runner of [worker, pretender]) expect(await claim(team, runner.id, notebook.id)).toEqual([]);
    // A client gets no template trial, with or without naming the study.
    const client = await register(team, 'python@laptop', { kind: 'CLIENT' });
    expect(client).toMatchObject({ kind: 'CLIENT', capabilities: { kind: 'client' } });
    expect(await claim(team, client.id, template.id)).toEqual([]);
    const any = await claim(team, client.id);
    expect(any).toHaveLength(2);
    const studies = await Promise.all(
      any.map(async (lease) => (await api.gql('query($id: ID!) { trial(id: $id) { study { id } } }', { id: lease.trial.id }, team.user)).trial.study.id),
    );
    expect(studies).toEqual([notebook.id, notebook.id]);
    // The worker still gets its template trials.
    expect(await claim(team, worker.id)).toHaveLength(2);
  });

  it('gives a client runner its own lease length (CLIENT_LEASE_SECONDS), on the claim and on every renewal, and a training runner the usual one', async () => {
    const notebook = await createStudy(api, team, { objective: { kind: 'client' }, budget: { maxTrials: 2, maxParallel: 1 } });
    const template = await createStudy(api, team, { budget: { maxTrials: 1, maxParallel: 1 } });
    const client = await register(team, 'lease@laptop', { kind: 'CLIENT' });
    const worker = await register(team, 'lease-trainer', {});
    const secondsLeft = (lease: { leaseExpiresAt: string }) => (Date.parse(lease.leaseExpiresAt) - Date.now()) / 1000;
    const claimOne = async (runnerId: string, studyId: string) => {
      const { trialClaim } = await api.gql(CLAIM, { i: { runnerId, studyId } }, team.runnerAuth);
      return trialClaim.leases[0] as { leaseToken: string; leaseExpiresAt: string; trial: { id: string } };
    };
    const held = await claimOne(client.id, notebook.id);
    expect(secondsLeft(held)).toBeGreaterThan(600); // 900 s, not LEASE_SECONDS' 60
    const trained = await claimOne(worker.id, template.id);
    expect(secondsLeft(trained)).toBeLessThanOrEqual(60);
    // A heartbeat (an empty report) renews each by its own length.
    const renew = async (lease: { leaseToken: string; trial: { id: string } }) => {
      const { trialReport } = await api.gql(
        REPORT,
        { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, points: [] } },
        team.runnerAuth,
      );
      expect(trialReport.userErrors).toEqual([]);
      return trialReport as { leaseExpiresAt: string };
    };
    expect(secondsLeft(await renew(held))).toBeGreaterThan(600);
    expect(secondsLeft(await renew(trained))).toBeLessThanOrEqual(60);
  });

  it('answers another team’s client study as not found, and refuses a kind that is not one', async () => {
    const notebook = await createStudy(api, team, { objective: { kind: 'client' } });
    const theirs = await register(other, 'python@elsewhere', { kind: 'CLIENT' });
    const refused = await api.post(CLAIM, { i: { runnerId: theirs.id, studyId: notebook.id } }, other.runnerAuth);
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Nor with the owner's runner id.
    const mine = await register(team, 'python@mine', { kind: 'CLIENT' });
    const borrowed = await api.post(CLAIM, { i: { runnerId: mine.id, studyId: notebook.id } }, other.runnerAuth);
    expect(borrowed.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const pending = await api.gql('query($id: ID!) { study(id: $id) { counts { pending running } } }', { id: notebook.id }, team.user);
    expect(pending.study.counts).toMatchObject({ running: 0 });

    const bogus = await api.post(REGISTER, { i: { name: 'x', host: 'h', capabilities: {}, kind: 'ROOT' } }, team.runnerAuth);
    expect(bogus.errors?.[0]?.message).toMatch(/Value "ROOT" does not exist in "RunnerKind" enum/);
    // A session (not a token) cannot register a client either.
    const { runnerRegister } = await api.gql(REGISTER, { i: { name: 'y', host: 'h', capabilities: {}, kind: 'CLIENT' } }, team.user);
    expect(runnerRegister).toMatchObject({ runner: null, userErrors: [{ code: 'FORBIDDEN' }] });
  });

  it('refuses hostile tells: another team’s, oversized constraints, a second tell; NaN fails the trial', async () => {
    const TELL = `mutation($i: TrialCompleteInput!) { trialComplete(input: $i) { trial { id state values constraints } userErrors { field message code } } }`;
    const notebook = await createStudy(api, team, { objective: { kind: 'client' }, budget: { maxTrials: 4, maxParallel: 2 } });
    const client = await register(team, 'python@tells', { kind: 'CLIENT' });
    const { trialClaim } = await api.gql(CLAIM, { i: { runnerId: client.id, studyId: notebook.id, limit: 2 } }, team.runnerAuth);
    const [first, second] = trialClaim.leases as { leaseToken: string; trial: { id: string } }[];
    const tell = (lease: { leaseToken: string; trial: { id: string } }, extra: Record<string, unknown>, who: Team = team) =>
      api.post<{ trialComplete: { trial: { state: string; values: unknown[]; constraints: unknown[] | null } | null; userErrors: { field: string[]; message: string; code: string | null }[] } }>(
        TELL,
        { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, values: [1], ...extra } },
        who.runnerAuth,
      );
    // Another team, even with the right lease token, sees no such trial.
    expect((await tell(first!, {}, other)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // A list of constraints is bounded (the GP sampler fits one model per constraint), naming the field and the size.
    const flood = await tell(first!, { constraints: Array.from({ length: 100_000 }, () => 0) });
    expect(flood.data?.trialComplete.trial).toBeNull();
    expect(flood.data?.trialComplete.userErrors).toEqual([
      { field: ['input', 'constraints'], message: expect.stringContaining(`at most ${MAX_CONSTRAINTS} values, got 100000`), code: 'INVALID' },
    ]);
    const told = await tell(first!, { constraints: Array.from({ length: MAX_CONSTRAINTS }, () => -1) });
    expect(told.data?.trialComplete.trial).toMatchObject({ state: 'COMPLETE', values: [1] });
    expect(told.data?.trialComplete.trial?.constraints).toHaveLength(MAX_CONSTRAINTS);
    // Telling again is refused and changes nothing.
    const again = await tell(first!, { values: [-5] });
    expect(again.data?.trialComplete.userErrors[0]?.code).toBe('STALE_LEASE');
    const kept = await api.gql('query($id: ID!) { trial(id: $id) { state values } }', { id: first!.trial.id }, team.user);
    expect(kept.trial).toEqual({ state: 'COMPLETE', values: [1] });
    // NaN is a value the client may send; it fails the trial instead of ranking it.
    const nan = await tell(second!, { values: ['NaN'] });
    expect(nan.errors).toBeUndefined();
    expect(nan.data?.trialComplete.trial?.state).toBe('FAIL');
  });

  it('refuses a client objective that names other metrics than the study’s objectives', async () => {
    const { studyCreate } = await api.gql(
      `mutation($i: StudyCreateInput!) { studyCreate(input: $i) { study { id } userErrors { field message } } }`,
      {
        i: {
          projectId: team.projectId,
          name: 'mismatch',
          objectives: [{ name: 'loss', direction: 'MINIMIZE' }],
          space: { x: { type: 'float', low: 0, high: 1 } },
          objective: { kind: 'client', metric: 'accuracy' },
        },
      },
      team.user,
    );
    expect(studyCreate.study).toBeNull();
    expect(studyCreate.userErrors).toEqual([
      { field: ['input', 'objective', 'metric'], message: "objective.metric must list the study's objectives (loss), got accuracy" },
    ]);
  });
});
