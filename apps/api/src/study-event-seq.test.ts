import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '@tuneboard/db/testing';
import {
  CLAIM,
  COMPLETE,
  collect,
  createStudy,
  REPORT,
  replicaHandles,
  setupTeam,
  startTestApi,
  type TestApi,
} from './testing/harness.ts';

type Event = { studyEvents: { kind: string; seq: number; trial: { number: number; state: string } | null } };
const EVENTS = 'subscription($id: ID!) { studyEvents(studyId: $id) { kind seq trial { number state } } }';

/** The numbers after the first SYNC: what a client checks for gaps. */
function numbers(events: Event[]): number[] {
  return events.slice(1).map((e) => e.studyEvents.seq);
}

describe.each(testDatabases)('study event sequence numbers on two API replicas [$name]', (target) => {
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

  it('numbers every event of a study 1, 2, 3 … in delivery order, whichever replica sent it', async () => {
    const team = await setupTeam(a, 'seq');
    const study = await createStudy(a, team, { budget: { maxTrials: 6, maxParallel: 2 } });
    const other = await createStudy(a, team, { budget: { maxTrials: 2, maxParallel: 1 } });
    const onA = collect<Event>(a.ws(team.user), EVENTS, { id: study.id });
    const onB = collect<Event>(b.ws(team.user), EVENTS, { id: study.id });
    const [syncA] = await onA.until((list) => list.length > 0);
    const [syncB] = await onB.until((list) => list.length > 0);
    // The first event tells where the study stands; a client compares it with its data's `eventSeq`.
    expect(syncA?.studyEvents.kind).toBe('SYNC');
    expect(syncB?.studyEvents.kind).toBe('SYNC');
    const { study: read } = await a.gql('query($id: ID!) { study(id: $id) { eventSeq } }', { id: study.id }, team.user);
    expect(syncA?.studyEvents.seq).toBeLessThanOrEqual(read.eventSeq);

    const runnerId = await team.register('seq-runner');
    // Trials claimed, reported and finished alternately through both replicas, with the other study's events
    // interleaved: each study keeps its own numbering.
    let finished = 0;
    for (let round = 0; finished < 6 && round < 20; round += 1) {
      const via = round % 2 === 0 ? a : b;
      const { trialClaim } = await via.gql(CLAIM, { i: { runnerId, studyId: study.id, limit: 2 } }, team.runnerAuth);
      await via.gql(CLAIM, { i: { runnerId, studyId: other.id, limit: 1 } }, team.runnerAuth);
      for (const [i, lease] of (trialClaim.leases as { leaseToken: string; trial: { id: string } }[]).entries()) {
        const write = i % 2 === 0 ? a : b;
        const points = [{ key: 'val_loss', step: 0, value: 0.5 }];
        await write.gql(REPORT, { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, points } }, team.runnerAuth);
        const other = write === a ? b : a;
        await other.gql(COMPLETE, { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, values: [0.5] } }, team.runnerAuth);
        finished += 1;
      }
    }
    expect(finished).toBe(6);

    // The study's completion is its last event (sent a moment after the statement that completed it).
    const statusSeen = (list: Event[]) => list.slice(1).some((e) => e.studyEvents.kind === 'STUDY_STATUS');
    await onA.until(statusSeen);
    await onB.until(statusSeen);
    const { study: last } = await a.gql('query($id: ID!) { study(id: $id) { status eventSeq } }', { id: study.id }, team.user);
    expect(last.status).toBe('COMPLETED');
    const complete = (list: Event[]) => (list.at(-1)?.studyEvents.seq ?? 0) >= last.eventSeq;
    for (const [sync, stream] of [
      [syncA, await onA.until(complete)],
      [syncB, await onB.until(complete)],
    ] as const) {
      const seen = numbers(stream);
      const from = sync!.studyEvents.seq;
      // Events numbered up to the SYNC's number may still arrive (sent before it was read): a client ignores them.
      const fresh = seen.filter((n) => n > from);
      expect(fresh).toEqual(Array.from({ length: last.eventSeq - from }, (_, i) => from + 1 + i));
    }
    onA.stop();
    onB.stop();
  });
});
