import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { BEGIN, COMPLETE_UPLOAD, put, sha256 } from '../artifacts/testing.ts';
import { toGlobalId } from '../ids.ts';
import { CLAIM, COMPLETE, createStudy, setupTeam, startTestApi, type TestApi } from '../testing/harness.ts';

/** Issue #19, item 6: the evaluation mutations refuse hostile input with bounded answers, and never cross teams. */

const EVALUATE = `mutation($i: TrialEvaluateInput!) { trialEvaluate(input: $i) { evaluation { id state } userErrors { field message code } } }`;
const CLAIM_EVALUATION = `mutation($i: ModelEvaluationClaimInput!) { modelEvaluationClaim(input: $i) { leases { leaseToken evaluation { id } } userErrors { message } } }`;
const FINISH = `mutation($i: ModelEvaluationFinishInput!) { modelEvaluationFinish(input: $i) { evaluation { id state error } userErrors { field message code } } }`;

describe.each(testDatabases)('abuse: model evaluations [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  let dir: string;
  let alpha: Awaited<ReturnType<typeof setupTeam>>;
  let beta: Awaited<ReturnType<typeof setupTeam>>;
  let runnerId: string;
  let trialId: string;
  let evaluationId: string;
  let leaseToken: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tb-evaluations-abuse-'));
    handle = await target.create();
    api = await startTestApi(handle, { NODE_ENV: 'production', TUNEBOARD_ARTIFACTS_DIR: dir });
    alpha = await setupTeam(api, 'alpha');
    beta = await setupTeam(api, 'beta');
    runnerId = await alpha.register('alpha-runner');
    const study = await createStudy(api, alpha, { budget: { maxTrials: 1, maxParallel: 1 } });
    const { trialClaim } = await api.gql(CLAIM, { i: { runnerId, studyId: study.id, limit: 1 } }, alpha.runnerAuth);
    const lease = trialClaim.leases[0];
    trialId = lease.trial.id;
    const body = '{}';
    const begun = await api.gql(BEGIN, { i: { trialId, leaseToken: lease.leaseToken, name: 'model/model.json', size: 2, sha256: sha256(body), kind: 'MODEL' } }, alpha.runnerAuth);
    await put(api, begun.artifactUploadBegin.upload, body);
    await api.gql(COMPLETE_UPLOAD, { i: { id: begun.artifactUploadBegin.artifact.id, leaseToken: lease.leaseToken } }, alpha.runnerAuth);
    await api.gql(COMPLETE, { i: { trialId, leaseToken: lease.leaseToken, values: [0.1] } }, alpha.runnerAuth);
    evaluationId = (await api.gql(EVALUATE, { i: { trialId } }, alpha.user)).trialEvaluate.evaluation.id;
    const claimed = await api.gql(CLAIM_EVALUATION, { i: { runnerId, limit: 1_000_000 } }, alpha.runnerAuth);
    leaseToken = claimed.modelEvaluationClaim.leases[0].leaseToken;
  }, 120_000);
  afterAll(async () => {
    await api.close();
    await handle.close();
    await rm(dir, { recursive: true, force: true });
  });

  const finish = (input: Record<string, unknown>, auth = alpha.runnerAuth) => api.post<{ modelEvaluationFinish: { userErrors: { field: string[]; code: string; message: string }[] } }>(FINISH, { i: { id: evaluationId, leaseToken, ...input } }, auth);

  it('answers malformed, unknown and foreign ids as not found, and reads nothing of another team', async () => {
    for (const id of ['', 'junk', toGlobalId('Trial', 999_999_999), toGlobalId('Study', '00000000-0000-0000-0000-000000000000')]) {
      expect((await api.post(EVALUATE, { i: { trialId: id } }, alpha.user)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    expect((await api.post(EVALUATE, { i: { trialId } }, beta.user)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await api.post(FINISH, { i: { id: 'junk', leaseToken, error: 'x' } }, alpha.runnerAuth)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await finish({ error: 'x' }, beta.runnerAuth)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await api.post(`query($id: ID!) { trial(id: $id) { evaluation { id } } }`, { id: trialId }, beta.user)).data).toEqual({ trial: null });
    expect((await api.post(EVALUATE, { i: { trialId } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses too many figures, odd keys and a malformed lease token with user errors; bounds a huge error', async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ key: `test_m${i}`, value: i }));
    expect((await finish({ metrics: many })).data?.modelEvaluationFinish.userErrors[0]).toMatchObject({ field: ['input', 'metrics'], message: expect.stringContaining('got 21') });
    expect((await finish({ metrics: [] })).data?.modelEvaluationFinish.userErrors[0]?.field).toEqual(['input', 'metrics']);
    for (const key of ['test_"x', 'test_a,b', 'test_' + 'x'.repeat(500), 'loss']) {
      expect((await finish({ metrics: [{ key, value: 1 }] })).data?.modelEvaluationFinish.userErrors[0]?.field).toEqual(['input', 'metrics', '0', 'key']);
    }
    const duplicate = [{ key: 'test_loss', value: 1 }, { key: 'test_loss', value: 2 }];
    expect((await finish({ metrics: duplicate })).data?.modelEvaluationFinish.userErrors[0]?.field).toEqual(['input', 'metrics', '1', 'key']);
    expect((await finish({ error: 'x', leaseToken: 'not-a-uuid' })).data?.modelEvaluationFinish.userErrors[0]?.code).toBe('STALE_LEASE');
    const huge = await api.post<{ modelEvaluationFinish: { evaluation: { error: string } } }>(FINISH, { i: { id: evaluationId, leaseToken, error: `\u0000${'e'.repeat(100_000)}` } }, alpha.runnerAuth);
    expect(huge.errors).toBeUndefined();
    expect(huge.data?.modelEvaluationFinish.evaluation.error.length).toBeLessThanOrEqual(2_000);
    expect(huge.data?.modelEvaluationFinish.evaluation.error).not.toContain('\u0000');
  });

  it('answers a repeated request with the open job instead of queueing more', async () => {
    const asked = await Promise.all(Array.from({ length: 10 }, () => api.gql(EVALUATE, { i: { trialId } }, alpha.user)));
    const ids = new Set(asked.map((a) => a.trialEvaluate.evaluation.id));
    expect(ids.size).toBe(1);
  });
});
