import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { membership, modelEvaluation, trial, type DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { BEGIN, COMPLETE_UPLOAD, put, sha256 } from './artifacts/testing.ts';
import { rowsOf } from './db-rows.ts';
import { rawId, toGlobalId } from './ids.ts';
import { CLAIM, COMPLETE, createStudy, setupTeam, startTestApi, type Auth, type TestApi } from './testing/harness.ts';

/**
 * Issue #19, item 6: "Evaluate on test". `trialEvaluate` queues a job for a trial's saved model; a runner claims it
 * with a lease (claimed again when the lease expires), and its `test_*` figures land on the job and the trial.
 */

const EVALUATION_FIELDS = 'id state attempt error metrics { key value } trial { id }';
const EVALUATE = `mutation($i: TrialEvaluateInput!) { trialEvaluate(input: $i) { evaluation { ${EVALUATION_FIELDS} } userErrors { field message code } } }`;
const CLAIM_EVALUATION = `mutation($i: ModelEvaluationClaimInput!) { modelEvaluationClaim(input: $i) {
  leases { leaseToken leaseExpiresAt evaluation { ${EVALUATION_FIELDS} trial { id study { objective } artifacts { name kind downloadUrl } } } }
  userErrors { message code } } }`;
const FINISH_EVALUATION = `mutation($i: ModelEvaluationFinishInput!) { modelEvaluationFinish(input: $i) {
  evaluation { ${EVALUATION_FIELDS} } userErrors { field message code } } }`;
const TRIAL_EVALUATION = `query($id: ID!) { trial(id: $id) { evaluation { ${EVALUATION_FIELDS} } metrics(keys: ["test_loss", "test_accuracy"]) { key points { step value } } } }`;

interface Lease {
  leaseToken: string;
  evaluation: { id: string; state: string; attempt: number; trial: { id: string; study: { objective: { kind: string } }; artifacts: { name: string }[] } };
}

describe.each(testDatabases)('model evaluation on the test split [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  let dir: string;
  let alpha: Awaited<ReturnType<typeof setupTeam>>;
  let beta: Awaited<ReturnType<typeof setupTeam>>;
  let viewer: Auth;
  let runnerId: string;
  let betaRunner: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tb-evaluations-'));
    handle = await target.create();
    api = await startTestApi(handle, { TUNEBOARD_ARTIFACTS_DIR: dir });
    alpha = await setupTeam(api, 'alpha');
    beta = await setupTeam(api, 'beta');
    const looker = await setupTeam(api, 'looker');
    const { viewer: me } = await api.gql('{ viewer { user { id } } }', undefined, looker.user);
    await handle.db.insert(membership).values({ teamId: rawId(alpha.teamId, 'Team')!, userId: rawId(me.user.id as string, 'User')!, role: 'VIEWER' });
    viewer = looker.user;
    runnerId = await alpha.register('alpha-runner');
    betaRunner = await beta.register('beta-runner');
  }, 120_000);
  afterAll(async () => {
    await api.close();
    await handle.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** A COMPLETE trial of a template study, with a saved model unless `model` is false. */
  const completedTrial = async (model = true) => {
    const study = await createStudy(api, alpha, { budget: { maxTrials: 1, maxParallel: 1 } });
    const { trialClaim } = await api.gql(CLAIM, { i: { runnerId, studyId: study.id, limit: 1 } }, alpha.runnerAuth);
    const lease = trialClaim.leases[0] as { leaseToken: string; trial: { id: string } };
    if (model) {
      const body = JSON.stringify({ modelTopology: {}, weightsManifest: [] });
      const begun = await api.gql(
        BEGIN,
        { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, name: 'model/model.json', size: body.length, sha256: sha256(body), kind: 'MODEL' } },
        alpha.runnerAuth,
      );
      expect((await put(api, begun.artifactUploadBegin.upload, body)).status).toBe(200);
      await api.gql(COMPLETE_UPLOAD, { i: { id: begun.artifactUploadBegin.artifact.id, leaseToken: lease.leaseToken } }, alpha.runnerAuth);
    }
    const done = await api.gql(COMPLETE, { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, values: [0.25] } }, alpha.runnerAuth);
    expect(done.trialComplete.trial.state).toBe('COMPLETE');
    return { studyId: study.id, trialId: lease.trial.id };
  };
  const evaluate = (trialId: string, auth: Auth = alpha.user) => api.post<{ trialEvaluate: { evaluation: { id: string; state: string } | null; userErrors: { field: string[]; message: string; code: string }[] } }>(EVALUATE, { i: { trialId } }, auth);
  const claim = async (who = runnerId, auth: Auth = alpha.runnerAuth): Promise<Lease[]> =>
    (await api.gql(CLAIM_EVALUATION, { i: { runnerId: who, limit: 8 } }, auth)).modelEvaluationClaim.leases;
  const finish = (id: string, leaseToken: string, rest: Record<string, unknown>) =>
    api.gql(FINISH_EVALUATION, { i: { id, leaseToken, ...rest } }, alpha.runnerAuth).then((d) => d.modelEvaluationFinish);
  const expireLeases = () => handle.db.execute(sql`update model_evaluation set lease_expires_at = now() - interval '1 second' where state = 'RUNNING'`);
  /** Claims until the given evaluation comes back (other tests' jobs may be queued too; those are finished as failed). */
  const claimOnly = async (id: string) => {
    const leases = await claim();
    for (const other of leases.filter((l) => l.evaluation.id !== id)) await finish(other.evaluation.id, other.leaseToken, { error: 'not this test' });
    return leases.find((l) => l.evaluation.id === id);
  };

  it('queues one job a trial, claimed by a runner with a lease; the test figures land on the job and the trial', async () => {
    const { trialId } = await completedTrial();
    const first = await evaluate(trialId);
    expect(first.data?.trialEvaluate.userErrors).toEqual([]);
    expect(first.data?.trialEvaluate.evaluation).toMatchObject({ state: 'QUEUED' });
    // Asking again while it is open answers the same job.
    const again = await evaluate(trialId);
    expect(again.data?.trialEvaluate.evaluation?.id).toBe(first.data?.trialEvaluate.evaluation?.id);
    const id = first.data!.trialEvaluate.evaluation!.id;

    const lease = await claimOnly(id);
    expect(lease).toBeDefined();
    expect(lease!.evaluation).toMatchObject({ state: 'RUNNING', attempt: 1, trial: { id: trialId, study: { objective: { kind: 'template' } } } });
    expect(lease!.evaluation.trial.artifacts.map((a) => a.name)).toEqual(['model/model.json']);
    // Held: nobody claims it again while the lease runs.
    expect((await claim()).map((l) => l.evaluation.id)).not.toContain(id);

    const done = await finish(id, lease!.leaseToken, { metrics: [{ key: 'test_loss', value: 0.31 }, { key: 'test_accuracy', value: 0.9 }] });
    expect(done.userErrors).toEqual([]);
    expect(done.evaluation).toMatchObject({ state: 'DONE', error: null });
    const { trial: read } = await api.gql(TRIAL_EVALUATION, { id: trialId }, viewer);
    expect(read.evaluation.metrics).toEqual([
      { key: 'test_loss', value: 0.31 },
      { key: 'test_accuracy', value: 0.9 },
    ]);
    expect(Object.fromEntries(read.metrics.map((m: { key: string; points: unknown[] }) => [m.key, m.points]))).toEqual({
      test_loss: [{ step: 0, value: 0.31 }],
      test_accuracy: [{ step: 0, value: 0.9 }],
    });
    // Finished: the same token cannot write again.
    const late = await finish(id, lease!.leaseToken, { metrics: [{ key: 'test_loss', value: 1 }] });
    expect(late.userErrors.map((e: { code: string }) => e.code)).toEqual(['STALE_LEASE']);
  });

  it('gives a job whose runner died to the next claim once its lease expired, fences the old lease, and fails it after three expiries', async () => {
    const { trialId } = await completedTrial();
    const id = (await evaluate(trialId)).data!.trialEvaluate.evaluation!.id;
    const first = await claimOnly(id);
    await expireLeases();
    const second = await claimOnly(id);
    expect(second!.evaluation.attempt).toBe(2);
    expect(second!.leaseToken).not.toBe(first!.leaseToken);
    const stale = await finish(id, first!.leaseToken, { metrics: [{ key: 'test_accuracy', value: 0.5 }] });
    expect(stale.userErrors[0]).toMatchObject({ code: 'STALE_LEASE', field: ['input', 'leaseToken'] });
    await expireLeases();
    expect((await claimOnly(id))!.evaluation.attempt).toBe(3);
    await expireLeases();
    expect(await claimOnly(id)).toBeUndefined();
    const { trial: read } = await api.gql(TRIAL_EVALUATION, { id: trialId }, alpha.user);
    expect(read.evaluation.state).toBe('FAILED');
    expect(read.evaluation.error).toMatch(/lease expired 3 times/);
    // A failed job does not block a new request.
    expect((await evaluate(trialId)).data?.trialEvaluate.evaluation).toMatchObject({ state: 'QUEUED' });
    await handle.db.update(modelEvaluation).set({ state: 'FAILED' }).where(eq(modelEvaluation.trialId, Number(rawId(trialId, 'Trial'))));
  });

  it('records a runner\'s error as FAILED and refuses figures that are not test_* metrics', async () => {
    const { trialId } = await completedTrial();
    const id = (await evaluate(trialId)).data!.trialEvaluate.evaluation!.id;
    const lease = await claimOnly(id);
    const bad = await finish(id, lease!.leaseToken, { metrics: [{ key: 'val_accuracy', value: 0.99 }] });
    expect(bad.userErrors[0]).toMatchObject({ field: ['input', 'metrics', '0', 'key'], code: 'INVALID' });
    expect(bad.userErrors[0].message).toContain('"val_accuracy"');
    const both = await finish(id, lease!.leaseToken, { metrics: [{ key: 'test_loss', value: 1 }], error: 'x' });
    expect(both.userErrors[0].field).toEqual(['input', 'metrics']);
    const failed = await finish(id, lease!.leaseToken, { error: 'the model file could not be read' });
    expect(failed.evaluation).toMatchObject({ state: 'FAILED', error: 'the model file could not be read' });
  });

  it("counts the figures against the trial's metric-key limit: past it nothing is stored and the job fails saying why", async () => {
    const { trialId } = await completedTrial();
    const raw = rawId(trialId, 'Trial')!;
    // The trial already holds 999 distinct keys (the limit is 1,000, all attempts together): 998 on attempt 0 and
    // test_loss on attempt 1, so the count spans attempts.
    await handle.db.execute(sql`insert into metric (trial_id, attempt, key, step, value)
      select ${raw}, 0, 'filler_' || i, 0, i from generate_series(1, 998) i`);
    await handle.db.execute(sql`insert into metric (trial_id, attempt, key, step, value) values (${raw}, 1, 'test_loss', 0, 9)`);
    const keyCount = async () =>
      rowsOf<{ n: number }>(await handle.db.execute(sql`select count(distinct key)::int as n from metric where trial_id = ${raw}`))[0]!.n;
    expect(await keyCount()).toBe(999);

    /** Queues an evaluation of the trial, claims it and finishes it with these figures. */
    const evaluateWith = async (figures: Record<string, number>) => {
      const id = (await evaluate(trialId)).data!.trialEvaluate.evaluation!.id;
      const metrics = Object.entries(figures).map(([key, value]) => ({ key, value }));
      return finish(id, (await claimOnly(id))!.leaseToken, { metrics });
    };
    const over = await evaluateWith({ test_loss: 0.5, test_accuracy: 0.8, test_f1: 0.7 });
    expect(over.userErrors).toEqual([]);
    expect(over.evaluation).toMatchObject({ state: 'FAILED', metrics: [] });
    expect(over.evaluation.error).toBe('the trial holds 999 metric keys and these figures bring 2 new ones: past the limit of 1000 keys a trial, so nothing of them was stored');
    expect(await keyCount()).toBe(999);

    // One new key still fits; a key the trial holds (on any attempt) is not new.
    const fits = await evaluateWith({ test_loss: 0.5, test_accuracy: 0.8 });
    expect(fits.evaluation).toMatchObject({ state: 'DONE', error: null });
    expect(await keyCount()).toBe(1_000);
  });

  it('refuses a trial without a saved model and a study that is not a template, with a user error naming the trial', async () => {
    const { trialId } = await completedTrial(false);
    const noModel = await evaluate(trialId);
    expect(noModel.data?.trialEvaluate.evaluation).toBeNull();
    expect(noModel.data?.trialEvaluate.userErrors).toEqual([{ field: ['input', 'trialId'], code: 'NO_MODEL', message: expect.stringContaining('no saved model') }]);

    const command = await createStudy(api, alpha, { objective: { kind: 'command', command: ['python3', 'train.py'], metric: 'val_loss' } });
    const [pending] = await handle.db.select({ id: trial.id }).from(trial).where(eq(trial.studyId, rawId(command.id, 'Study')!));
    const notTemplate = await evaluate(toGlobalId('Trial', pending!.id));
    expect(notTemplate.data?.trialEvaluate.userErrors).toEqual([
      { field: ['input', 'trialId'], code: 'NOT_TEMPLATE', message: expect.stringContaining('objective is a command') },
    ]);
  });

  it("answers another team's trial as not found, refuses a VIEWER, and never hands a job to another team's runner", async () => {
    const { trialId } = await completedTrial();
    expect((await evaluate(trialId, beta.user)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await evaluate(trialId, beta.runnerAuth)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await evaluate(trialId, viewer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await evaluate(trialId, alpha.runnerAuth)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const id = (await evaluate(trialId)).data!.trialEvaluate.evaluation!.id;
    expect(await claim(betaRunner, beta.runnerAuth)).toEqual([]);
    // Beta's token cannot claim with alpha's runner, nor finish alpha's job.
    expect((await api.post(CLAIM_EVALUATION, { i: { runnerId } }, beta.runnerAuth)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const lease = await claimOnly(id);
    const foreign = await api.post(FINISH_EVALUATION, { i: { id, leaseToken: lease!.leaseToken, error: 'x' } }, beta.runnerAuth);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // The viewer reads the job's state with the trial.
    const { trial: read } = await api.gql(TRIAL_EVALUATION, { id: trialId }, viewer);
    expect(read.evaluation).toMatchObject({ id, state: 'RUNNING' });
  });

  it("gives a runner started for one study only that study's evaluations", async () => {
    const one = await completedTrial();
    const other = await completedTrial();
    const first = (await evaluate(one.trialId)).data!.trialEvaluate.evaluation!.id;
    const second = (await evaluate(other.trialId)).data!.trialEvaluate.evaluation!.id;
    const { modelEvaluationClaim } = await api.gql(CLAIM_EVALUATION, { i: { runnerId, studyId: other.studyId, limit: 8 } }, alpha.runnerAuth);
    expect(modelEvaluationClaim.leases.map((l: Lease) => l.evaluation.id)).toEqual([second]);
    const lease = await claimOnly(first);
    expect(lease).toBeDefined();
    await finish(first, lease!.leaseToken, { error: 'done with this test' });
    await finish(second, modelEvaluationClaim.leases[0].leaseToken, { error: 'done with this test' });
    // Another team's study is not found.
    expect((await api.post(CLAIM_EVALUATION, { i: { runnerId: betaRunner, studyId: other.studyId } }, beta.runnerAuth)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it("keeps the models of a maximising study's best trials, not its worst (the demo's best trial has a model)", async () => {
    const study = await createStudy(api, alpha, {
      objectives: [{ name: 'val_accuracy', direction: 'MAXIMIZE' }],
      keepModels: 1,
      budget: { maxTrials: 3, maxParallel: 3 },
    });
    const { trialClaim } = await api.gql(CLAIM, { i: { runnerId, studyId: study.id, limit: 3 } }, alpha.runnerAuth);
    const values = [0.5, 0.9, 0.7];
    for (const [i, lease] of (trialClaim.leases as { leaseToken: string; trial: { id: string } }[]).entries()) {
      const body = `{"trial":${i}}`;
      const begun = await api.gql(
        BEGIN,
        { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, name: 'model/model.json', size: body.length, sha256: sha256(body), kind: 'MODEL' } },
        alpha.runnerAuth,
      );
      await put(api, begun.artifactUploadBegin.upload, body);
      await api.gql(COMPLETE_UPLOAD, { i: { id: begun.artifactUploadBegin.artifact.id, leaseToken: lease.leaseToken } }, alpha.runnerAuth);
      await api.gql(COMPLETE, { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, values: [values[i]] } }, alpha.runnerAuth);
    }
    const kept = await Promise.all(
      (trialClaim.leases as { trial: { id: string } }[]).map(async (lease) => (await api.gql(`query($id: ID!) { trial(id: $id) { values artifacts { name } } }`, { id: lease.trial.id }, alpha.user)).trial),
    );
    expect(kept.filter((t) => t.artifacts.length > 0).map((t) => t.values[0])).toEqual([0.9]);
  });

  it('stores keepModels given at studyCreate (default 3) and refuses a value outside 0 to 100 naming the field', async () => {
    const KEEP = `query($id: ID!) { study(id: $id) { keepModels } }`;
    const plain = await createStudy(api, alpha);
    expect((await api.gql(KEEP, { id: plain.id }, alpha.user)).study.keepModels).toBe(3);
    const ten = await createStudy(api, alpha, { keepModels: 10 });
    expect((await api.gql(KEEP, { id: ten.id }, alpha.user)).study.keepModels).toBe(10);
    const none = await createStudy(api, alpha, { keepModels: 0 });
    expect((await api.gql(KEEP, { id: none.id }, alpha.user)).study.keepModels).toBe(0);
    await expect(createStudy(api, alpha, { keepModels: 101 })).rejects.toThrow(
      JSON.stringify([{ field: ['input', 'keepModels'], message: 'keepModels must be a whole number from 0 to 100, got 101', code: 'INVALID' }]),
    );
  });
});
