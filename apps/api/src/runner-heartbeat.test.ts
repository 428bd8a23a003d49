import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { fromGlobalId } from './ids.ts';
import { CLAIM, createStudy, setupTeam, startTestApi, type TestApi } from './testing/harness.ts';

const RUNNER = 'query($id: ID!) { runner(id: $id) { online lastSeenAt lastHeartbeatAt runningTrials { number } } }';

describe.each(testDatabases)('a runner is online while heard from within a lease [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  beforeAll(async () => {
    handle = await target.create();
    api = await startTestApi(handle, { LEASE_SECONDS: '30' });
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  it('counts heartbeats on its running trials, and shows it offline once a lease passed without any', async () => {
    const team = await setupTeam(api, 'beat');
    const study = await createStudy(api, team, { budget: { maxTrials: 2, maxParallel: 1 } });
    const runnerId = await team.register('beat-runner');
    const uuid = fromGlobalId(runnerId)!.id;
    const { trialClaim } = await api.gql(CLAIM, { i: { runnerId, studyId: study.id, limit: 1 } }, team.runnerAuth);
    expect(trialClaim.leases).toHaveLength(1);

    // Claimed long ago, but its trial's lease was renewed just now (a report): busy and online.
    await handle.db.execute(sql`update runner set last_seen_at = now() - interval '10 minutes' where id = ${uuid}`);
    const busy = (await api.gql(RUNNER, { id: runnerId }, team.user)).runner;
    expect(busy.online).toBe(true);
    expect(busy.runningTrials).toHaveLength(1);
    expect(Date.parse(busy.lastHeartbeatAt)).toBeGreaterThan(Date.parse(busy.lastSeenAt));

    // Nothing heard for longer than a lease (30 s here): offline, whatever it still holds.
    await handle.db.execute(sql`update trial set heartbeat_at = now() - interval '31 seconds' where lease_owner = ${uuid}`);
    const gone = (await api.gql(RUNNER, { id: runnerId }, team.user)).runner;
    expect(gone.online).toBe(false);
  });
});
