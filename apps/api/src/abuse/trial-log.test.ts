import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { membership, type DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { fromGlobalId } from '../ids.ts';
import { CLAIM, COMPLETE, createStudy, setupTeam, startTestApi, type TestApi } from '../testing/harness.ts';

/** Issue #18, item 2: a trial's log and attempts are read only by its team, written only by the lease holder. */

const APPEND = `mutation($i: TrialLogAppendInput!) { trialLogAppend(input: $i) { accepted userErrors { field message code } } }`;
const LOG = `query($id: ID!) { trial(id: $id) { log { endOffset text lines { text } } attempts { attempt runner { name } } } }`;

describe.each(testDatabases)('abuse: trial logs [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  let alpha: Awaited<ReturnType<typeof setupTeam>>;
  let beta: Awaited<ReturnType<typeof setupTeam>>;
  let lease: { leaseToken: string; trial: { id: string } };
  let other: { leaseToken: string; trial: { id: string } };
  beforeAll(async () => {
    handle = await target.create();
    api = await startTestApi(handle, { NODE_ENV: 'production' });
    alpha = await setupTeam(api, 'alpha');
    beta = await setupTeam(api, 'beta');
    const study = await createStudy(api, alpha);
    const runnerId = await alpha.register('alpha-runner');
    const { trialClaim } = await api.gql(CLAIM, { i: { runnerId, studyId: study.id, limit: 2 } }, alpha.runnerAuth);
    [lease, other] = trialClaim.leases;
    await api.gql(APPEND, { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, lines: [{ text: 'secret: alpha only' }] } }, alpha.runnerAuth);
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  const endOffset = async () => (await api.gql(LOG, { id: lease.trial.id }, alpha.user)).trial.log.endOffset as number;

  it("answers another team's trial log and attempts as not found, by session and by token", async () => {
    const bySession = await api.post(LOG, { id: lease.trial.id }, beta.user);
    expect(bySession.data?.trial).toBeNull();
    const byToken = await api.post(LOG, { id: lease.trial.id }, beta.runnerAuth);
    expect(byToken.data?.trial).toBeNull();
    const own = await api.gql(LOG, { id: lease.trial.id }, alpha.user);
    expect(own.trial.log.lines).toEqual([{ text: 'secret: alpha only' }]);
    expect(own.trial.attempts).toEqual([{ attempt: 0, runner: { name: 'alpha-runner' } }]);
  });

  it("refuses another team's runner token with not found, whatever lease token it sends", async () => {
    const result = await api.post(APPEND, { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, lines: [{ text: 'forged' }] } }, beta.runnerAuth);
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await endOffset()).toBe(19);
  });

  it('lets a runner token append only to the trial whose lease it holds: another lease, a made-up one or a finished trial is STALE_LEASE', async () => {
    const crossed = await api.gql(APPEND, { i: { trialId: lease.trial.id, leaseToken: other.leaseToken, lines: [{ text: 'crossed' }] } }, alpha.runnerAuth);
    expect(crossed.trialLogAppend.userErrors[0]?.code).toBe('STALE_LEASE');
    const madeUp = await api.gql(
      APPEND,
      { i: { trialId: lease.trial.id, leaseToken: '00000000-0000-4000-8000-000000000000', lines: [{ text: 'made up' }] } },
      alpha.runnerAuth,
    );
    expect(madeUp.trialLogAppend.userErrors[0]?.code).toBe('STALE_LEASE');
    await api.gql(COMPLETE, { i: { trialId: other.trial.id, leaseToken: other.leaseToken, values: [0.5] } }, alpha.runnerAuth);
    const finished = await api.gql(APPEND, { i: { trialId: other.trial.id, leaseToken: other.leaseToken, lines: [{ text: 'late' }] } }, alpha.runnerAuth);
    expect(finished.trialLogAppend.userErrors[0]?.code).toBe('STALE_LEASE');
    expect(await endOffset()).toBe(19);
  });

  it('refuses a VIEWER of the team and a READ token as forbidden: reading a log is not writing one', async () => {
    const person = await setupTeam(api, 'viewer');
    const [own] = await handle.db.select().from(membership).where(eq(membership.teamId, fromGlobalId(person.teamId)!.id));
    await handle.db.insert(membership).values({ teamId: fromGlobalId(alpha.teamId)!.id, userId: own!.userId, role: 'VIEWER' });
    const input = { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, lines: [{ text: 'viewer wrote this' }] } };
    const viewer = await api.post(APPEND, input, person.user);
    expect(viewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const read = await api.gql(LOG, { id: lease.trial.id }, person.user);
    expect(read.trial.log.lines).toEqual([{ text: 'secret: alpha only' }]);
    const { apiTokenCreate } = await api.gql(
      'mutation($i: ApiTokenCreateInput!) { apiTokenCreate(input: $i) { secret } }',
      { i: { teamId: alpha.teamId, name: 'reader', scope: 'READ' } },
      alpha.user,
    );
    const byReadToken = await api.post(APPEND, input, { token: apiTokenCreate.secret });
    expect(byReadToken.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await endOffset()).toBe(19);
  });
});
