import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { pino } from 'pino';
import { readApiEnv } from '../env.ts';
import { createStudy, setupTeam, startTestApi, type TestApi } from '../testing/harness.ts';
import { createLifecycle } from './lifecycle.ts';
import { SWEEP_EVERY } from './reaper.ts';

const noEvents = { queueStudyEvent: () => undefined, queueAvailable: () => undefined };

describe.each(testDatabases)('the trial lifecycle of one API server [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  beforeAll(async () => {
    handle = await target.create();
    // The server's own reaper stays quiet (a tick every ten minutes), so only the test tops its studies up.
    api = await startTestApi(handle, { TUNEBOARD_SAMPLER_WORKERS: '0', REAPER_INTERVAL_MS: '600000' });
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  it('parses a study’s space and sampler once, however often the study is topped up', async () => {
    const { scheduler } = api.server.services.lifecycle;
    const team = await setupTeam(api, 'plans');
    const name = `plans-${Date.now()}`;
    const parsedBefore = scheduler.plans.parsed;
    await createStudy(api, team, { name, sampler: { kind: 'tpe', seed: 3, nStartupTrials: 2 }, budget: { maxTrials: null, maxParallel: 2 } });
    const [row] = await handle.query<{ id: string }>('select id from study where name = $1', [name]);
    for (let round = 0; round < 3; round += 1) {
      // The study's trials end behind the API's back, so each top-up asks the sampler for two more.
      await handle.query(`update trial set state = 'COMPLETE', "values" = '{0.5}', finished_at = now() where study_id = $1 and state = 'PENDING'`, [row!.id]);
      expect(await scheduler.topUp(handle.db, noEvents, row!.id)).toEqual({ created: 2, status: 'RUNNING' });
    }
    // studyCreate's own top-up parsed it; the three later ones read the plan.
    expect(scheduler.plans.parsed - parsedBefore).toBe(1);
    const [{ n }] = (await handle.query<{ n: number }>('select count(*)::int as n from trial where study_id = $1', [row!.id])) as [{ n: number }];
    expect(n).toBe(8);
  });

  it('keeps its own scheduler, sampler pool and caches, apart from another server’s in the same process', async () => {
    const other = await startTestApi(handle, { TUNEBOARD_SAMPLER_WORKERS: '0' });
    try {
      const mine = api.server.services.lifecycle;
      const theirs = other.server.services.lifecycle;
      expect(theirs.scheduler).not.toBe(mine.scheduler);
      expect(theirs.scheduler.pool).not.toBe(mine.scheduler.pool);
      expect(theirs.runnerTeams).not.toBe(mine.runnerTeams);
      mine.runnerTeams.remember('runner-a', 'team-a');
      expect(theirs.runnerTeams.get('runner-a')).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it('runs the server’s other sweeps on every SWEEP_EVERY-th reaper tick', async () => {
    let sweeps = 0;
    const lifecycle = createLifecycle({
      handle,
      events: noEvents,
      // A tick every ten minutes: the test ticks by hand.
      env: readApiEnv({ REAPER_INTERVAL_MS: '600000', TUNEBOARD_SAMPLER_WORKERS: '0' }),
      log: pino({ level: 'silent' }),
      sweeps: [async () => (sweeps += 1)],
    });
    try {
      for (let tick = 1; tick <= SWEEP_EVERY * 2; tick += 1) await lifecycle.reaper.tick();
      expect(sweeps).toBe(2);
    } finally {
      await lifecycle.close();
    }
  });
});
