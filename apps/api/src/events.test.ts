import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@tuneboard/db';
import { createStudy, testDatabases } from '@tuneboard/db/testing';
import { EventHub, publishStudyEvent, STUDY_CHANNEL, type StudyEventMessage } from './events.ts';

describe.each(testDatabases)('EventHub: queued hot-path events [$name]', (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.create();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('sends what gathered as few notifications, split under the payload limit, delivered whole and in order', async () => {
    // What the database delivers on the channel, counted by a second listener beside the hub's own.
    const payloads: string[] = [];
    const unlisten = await handle.listen(STUDY_CHANNEL, (payload) => payloads.push(payload));
    const hub = new EventHub(handle, { flushMs: 10 });
    await hub.start();
    const burst = (await createStudy({}, handle.db)).id;
    const received = hub.studyEvents((message) => message.studyId === burst);
    const sent: StudyEventMessage[] = Array.from({ length: 300 }, (_, i) => ({
      kind: 'TRIAL_REPORTED',
      studyId: burst,
      teamId: '00000000-0000-4000-8000-000000000000',
      trialId: i,
    }));
    for (const message of sent) hub.queueStudyEvent(message);
    const got: StudyEventMessage[] = [];
    for await (const message of received) {
      got.push(message);
      if (got.length === sent.length) break;
    }
    // Numbered 1 … 300 in order: the study's first events.
    expect(got).toEqual(sent.map((message, i) => ({ seq: i + 1, ...message })));
    // ~105 bytes a message, 300 of them: more than one notification (the limit is 8,000 bytes), far fewer than 300.
    const bytes = sent.reduce((sum, message, i) => sum + JSON.stringify({ seq: i + 1, ...message }).length + 1, 0);
    expect(payloads.length).toBeGreaterThanOrEqual(Math.ceil(bytes / 7_600));
    expect(payloads.length).toBeLessThanOrEqual(Math.ceil(bytes / 7_600) + 1);
    expect(payloads.every((payload) => payload.length < 8_000)).toBe(true);
    await unlisten();
    await hub.stop();
  });

  it('sends what is still queued when it stops', async () => {
    const payloads: string[] = [];
    const unlisten = await handle.listen(STUDY_CHANNEL, (payload) => payloads.push(payload));
    const hub = new EventHub(handle, { flushMs: 60_000 });
    await hub.start();
    const last = (await createStudy({}, handle.db)).id;
    hub.queueStudyEvent({ kind: 'TRIAL_FINISHED', studyId: last, teamId: 'team', trialId: 7 });
    await hub.stop();
    await expect.poll(() => payloads.join()).toContain(`"studyId":"${last}"`);
    await unlisten();
  });

  it('numbers events sent inside a transaction and queued on the hub in one sequence per study', async () => {
    const hub = new EventHub(handle, { flushMs: 5 });
    await hub.start();
    const [x, y] = [(await createStudy({}, handle.db)).id, (await createStudy({}, handle.db)).id];
    const received = hub.studyEvents((message) => message.studyId === x || message.studyId === y);
    const event = (studyId: string, trialId: number): StudyEventMessage => ({ kind: 'TRIAL_REPORTED', studyId, teamId: 't', trialId });
    hub.queueStudyEvent(event(x, 1));
    hub.queueStudyEvent(event(y, 1));
    await hub.flush();
    await handle.db.transaction((tx) => publishStudyEvent(tx, { kind: 'STUDY_STATUS', studyId: x, teamId: 't' }));
    hub.queueStudyEvent(event(x, 2));
    hub.queueStudyEvent(event(y, 2));
    hub.queueStudyEvent(event(x, 3));
    // A rolled-back transaction sends nothing and takes no number.
    await handle.db
      .transaction(async (tx) => {
        await publishStudyEvent(tx, { kind: 'STUDY_STATUS', studyId: y, teamId: 't' });
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await hub.flush();
    const got: { studyId: string; seq?: number }[] = [];
    for await (const message of received) {
      got.push(message);
      if (got.length === 6) break;
    }
    expect(got.filter((m) => m.studyId === x).map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(got.filter((m) => m.studyId === y).map((m) => m.seq)).toEqual([1, 2]);
    await hub.stop();
  });
});
