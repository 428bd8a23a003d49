import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { collect, createStudy, setupTeam, startTestApi, type TestApi } from '../testing/harness.ts';

/** Issue #18: the live-state fields (`Study.eventSeq`, `StudyEvent.seq` and its SYNC, `Runner.lastHeartbeatAt`). */
describe.each(testDatabases)('abuse: live-state fields go through authorize [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  let alpha: Awaited<ReturnType<typeof setupTeam>>;
  let beta: Awaited<ReturnType<typeof setupTeam>>;
  let studyId: string;
  let runnerId: string;
  beforeAll(async () => {
    handle = await target.create();
    api = await startTestApi(handle, { NODE_ENV: 'production' });
    alpha = await setupTeam(api, 'alpha');
    beta = await setupTeam(api, 'beta');
    studyId = (await createStudy(api, alpha)).id;
    runnerId = await alpha.register('alpha-runner');
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  it("answers another team's study and runner as not found, sequence number and heartbeat included", async () => {
    const study = await api.post('query($id: ID!) { study(id: $id) { eventSeq } }', { id: studyId }, beta.user);
    expect(study.data?.study).toBeNull();
    const runner = await api.post('query($id: ID!) { runner(id: $id) { lastHeartbeatAt online } }', { id: runnerId }, beta.user);
    expect(runner.data?.runner).toBeNull();
    const own = await api.gql('query($id: ID!) { runner(id: $id) { lastHeartbeatAt online } }', { id: runnerId }, alpha.runnerAuth);
    expect(own.runner.online).toBe(true);
    expect(Date.parse(own.runner.lastHeartbeatAt)).not.toBeNaN();
  });

  it("gives no SYNC (no sequence number) of another team's study: the subscription ends with NOT_FOUND", async () => {
    const feed = collect<{ studyEvents: { kind: string; seq: number } }>(
      api.ws(beta.user),
      'subscription($id: ID!) { studyEvents(studyId: $id) { kind seq } }',
      { id: studyId },
    );
    await expect(feed.until(() => false, 5_000)).rejects.toThrow(/not found/i);
    expect(feed.events).toEqual([]);
    feed.stop();
  });

  it('refuses an anonymous caller the SYNC as well', async () => {
    const feed = collect(api.ws(undefined), 'subscription($id: ID!) { studyEvents(studyId: $id) { kind seq } }', { id: studyId });
    await expect(feed.until(() => false, 5_000)).rejects.toThrow(/subscription failed/);
    expect(feed.events).toEqual([]);
    feed.stop();
  });
});
