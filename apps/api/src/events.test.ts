import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { EventHub, STUDY_CHANNEL, type StudyEventMessage } from './events.ts';

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
    const received = hub.studyEvents((message) => message.studyId === 'burst');
    const sent: StudyEventMessage[] = Array.from({ length: 300 }, (_, i) => ({
      kind: 'TRIAL_REPORTED',
      studyId: 'burst',
      teamId: '00000000-0000-4000-8000-000000000000',
      trialId: i,
    }));
    for (const message of sent) hub.queueStudyEvent(message);
    const got: StudyEventMessage[] = [];
    for await (const message of received) {
      got.push(message);
      if (got.length === sent.length) break;
    }
    expect(got).toEqual(sent);
    // ~105 bytes a message, 300 of them: more than one notification (the limit is 8,000 bytes), far fewer than 300.
    const bytes = sent.reduce((sum, message) => sum + JSON.stringify(message).length + 1, 0);
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
    hub.queueStudyEvent({ kind: 'TRIAL_FINISHED', studyId: 'last', teamId: 'team', trialId: 7 });
    await hub.stop();
    await expect.poll(() => payloads.join()).toContain('"studyId":"last"');
    await unlisten();
  });
});
