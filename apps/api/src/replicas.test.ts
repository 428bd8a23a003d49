import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '@tuneboard/db/testing';
import { collect, createStudy, replicaHandles, setupTeam, startTestApi, type TestApi } from './testing/harness.ts';

describe.each(testDatabases)('several API replicas on one database [$name]', (target) => {
  let replicas: Awaited<ReturnType<typeof replicaHandles>>;
  let a: TestApi;
  let b: TestApi;
  beforeAll(async () => {
    replicas = await replicaHandles(target);
    a = await startTestApi(replicas.handles[0]);
    b = await startTestApi(replicas.handles[1]);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await replicas.close();
  });

  it('delivers an event published by one replica to a subscriber of the other', async () => {
    const team = await setupTeam(a, 'replica');
    const study = await createStudy(a, team, { budget: { maxTrials: 10, maxParallel: 1 } });
    const onB = collect<{ studyEvents: { kind: string; trial: { number: number } | null } }>(
      b.ws(team.user),
      'subscription($id: ID!) { studyEvents(studyId: $id) { kind trial { number } } }',
      { id: study.id },
    );
    const runnersOnB = collect<{ trialsAvailable: { pending: number; study: { id: string } } }>(
      b.ws(team.runnerAuth),
      'subscription { trialsAvailable { pending study { id } } }',
      {},
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const { trialEnqueue } = await a.gql(
      'mutation($i: TrialEnqueueInput!) { trialEnqueue(input: $i) { trial { number } userErrors { message } } }',
      { i: { studyId: study.id, params: { lr: 0.01, layers: 2 } } },
      team.user,
    );
    expect(trialEnqueue.userErrors).toEqual([]);
    // The study's first trial (sampled when A created it) may be announced too, its event sent a moment later.
    const enqueued = (e: { studyEvents: { kind: string; trial: { number: number } | null } }) =>
      e.studyEvents.kind === 'TRIAL_CREATED' && e.studyEvents.trial?.number === trialEnqueue.trial.number;
    const events = await onB.until((list) => list.some(enqueued));
    expect(events.filter(enqueued)).toHaveLength(1);
    const available = await runnersOnB.until((list) => list.length > 0);
    expect(available[0]?.trialsAvailable.study.id).toBe(study.id);
  });
});
