// "Evaluate on test" on the runner (issue #19, item 6): a job whose model cannot be read fails with the reason, and a
// job claimed by a runner that died is evaluated by the next runner once its lease expired.
import { describe, expect, it } from 'vitest';
import { testDatabases } from '@tuneboard/db/testing';
import { runnerFixture, until } from './agent-fixture.ts';

const EVALUATE = `mutation($i: TrialEvaluateInput!) { trialEvaluate(input: $i) { evaluation { id } userErrors { message } } }`;
const EVALUATION = `query($id: ID!) { trial(id: $id) { evaluation { state error attempt metrics { key value } } artifacts { id name } } }`;

describe.each(testDatabases)('evaluations on the runner [$name]', (target) => {
  const h = runnerFixture(target);

  const trainedTrial = async () => {
    const { id } = await h.irisStudy(5, { maxTrials: 1, maxParallel: 1 });
    const agent = await h.startAgent(id);
    const [trial] = await h.finished(id);
    await agent.stop();
    expect(trial!.state).toBe('COMPLETE');
    return { studyId: id, trialId: trial!.id };
  };
  const evaluation = (trialId: string, states: string[]) =>
    until(`the evaluation to be ${states.join(' or ')}`, async () => {
      const { trial } = await h.api.gql(EVALUATION, { id: trialId }, h.team.user);
      return states.includes(trial.evaluation?.state) ? trial.evaluation : undefined;
    });

  it('fails a job whose model file was deleted in the meantime, naming the file', async () => {
    const { studyId, trialId } = await trainedTrial();
    expect((await h.api.gql(EVALUATE, { i: { trialId } }, h.team.user)).trialEvaluate.userErrors).toEqual([]);
    const { trial } = await h.api.gql(EVALUATION, { id: trialId }, h.team.user);
    const weights = (trial.artifacts as { id: string; name: string }[]).find((a) => a.name === 'model/weights.bin')!;
    await h.api.gql(`mutation($i: ArtifactDeleteInput!) { artifactDelete(input: $i) { deletedId } }`, { i: { id: weights.id } }, h.team.user);
    const agent = await h.startAgent(studyId);
    const failed = await evaluation(trialId, ['FAILED', 'DONE']);
    expect(failed).toMatchObject({ state: 'FAILED', error: expect.stringContaining('has no model/weights.bin') });
    await agent.stop();
  }, 120_000);

  it('evaluates a job again after the runner that held it died (its lease expired)', async () => {
    const { studyId, trialId } = await trainedTrial();
    await h.api.gql(EVALUATE, { i: { trialId } }, h.team.user);
    // A runner that claimed the job and died: RUNNING with an expired lease.
    await h.handle.query(
      `update model_evaluation set state = 'RUNNING', attempt = 1, lease_token = gen_random_uuid(),
         lease_expires_at = now() - interval '1 second', started_at = now()
       where state = 'QUEUED'`,
    );
    const agent = await h.startAgent(studyId);
    const done = await evaluation(trialId, ['DONE', 'FAILED']);
    expect(done).toMatchObject({ state: 'DONE', error: null, attempt: 2 });
    const figures = Object.fromEntries((done.metrics as { key: string; value: number }[]).map((m) => [m.key, m.value]));
    expect(figures.test_accuracy).toBeGreaterThanOrEqual(0);
    expect(figures.test_accuracy).toBeLessThanOrEqual(1);
    await agent.stop();
  }, 120_000);
});
