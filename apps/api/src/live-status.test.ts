import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { collect, createStudy, setupTeam, startTestApi, type TestApi } from './testing/harness.ts';

type Event = { studyEvents: { kind: string; study: { status: string } } };

describe.each(testDatabases)('live study status [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  beforeAll(async () => {
    handle = await target.create();
    api = await startTestApi(handle);
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  it('each event of a long-lived subscription reads the study as it is now, not as it was at the first event', async () => {
    const team = await setupTeam(api, 'live');
    const study = await createStudy(api, team, { budget: { maxTrials: 10, maxParallel: 1 } });
    const feed = collect<Event>(
      api.ws(team.user),
      'subscription($id: ID!) { studyEvents(studyId: $id) { kind study { status } } }',
      {
        id: study.id,
      },
    );
    const mutate = (name: string) =>
      api.gql(
        `mutation($i: StudyIdInput!) { ${name}(input: $i) { study { status } } }`,
        { i: { id: study.id } },
        team.user,
      );
    // Hand-picked trials until one's event arrives: then the subscription is live (and has read the study once).
    for (let attempt = 0; feed.events.length === 0; attempt++) {
      if (attempt === 40) throw new Error('the subscription delivered no event for 40 enqueued trials');
      await api.gql(
        'mutation($i: TrialEnqueueInput!) { trialEnqueue(input: $i) { trial { id } } }',
        { i: { studyId: study.id, params: { lr: 0.01, layers: 2 } } },
        team.user,
      );
      await feed.until((events) => events.length > 0, 500).catch(() => undefined);
    }
    await mutate('studyPause');
    await feed.until((events) => events.some((e) => e.studyEvents.study.status === 'PAUSED'));
    await mutate('studyResume');
    const events = await feed.until(
      (list) => list.filter((e) => e.studyEvents.kind === 'STUDY_STATUS').length >= 2,
    );
    feed.stop();
    expect(
      events.filter((e) => e.studyEvents.kind === 'STUDY_STATUS').map((e) => e.studyEvents.study.status),
    ).toEqual(['PAUSED', 'RUNNING']);
  });
});
