import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import type { FrozenTrial } from '@tuneboard/tuning';
import { CLAIM, createStudy, setupTeam, startTestApi, type TestApi } from '../testing/harness.ts';
import { parseSamplerConfig, parseSpace } from '@tuneboard/tuning';
import { SamplerPool } from './sampler-pool.ts';
import type { SamplerTask } from './sampler-task.ts';

const noEvents = { queueStudyEvent: () => undefined, queueAvailable: () => undefined };

const space = {
  lr: { type: 'float', low: 1e-4, high: 0.1, log: true },
  layers: { type: 'int', low: 1, high: 4 },
  act: { type: 'categorical', choices: ['relu', 'tanh'] },
};

/** Twelve finished trials and two running ones, as `loadHistory` gives them. */
function history(): FrozenTrial[] {
  return Array.from({ length: 14 }, (_, number) => {
    const params = { lr: 10 ** (-4 + (number % 7) * 0.4), layers: 1 + (number % 4), act: number % 3 === 0 ? 'tanh' : 'relu' };
    const done = number < 12;
    return {
      number,
      state: done ? ('COMPLETE' as const) : ('RUNNING' as const),
      params,
      ...(done ? { values: [(Math.log10(params.lr) + 2.5) ** 2 + params.layers / 10] } : {}),
    } satisfies FrozenTrial;
  });
}

const task = (sampler: Record<string, unknown>, n = 4): SamplerTask => ({
  sampler: parseSamplerConfig(sampler),
  space: parseSpace(space),
  directions: ['minimize'],
  trials: history(),
  n,
});

describe('the sampler pool', () => {
  const pools: SamplerPool[] = [];
  const pool = (workers: number) => {
    const made = new SamplerPool(workers);
    pools.push(made);
    return made;
  };
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });

  it('gives the same suggestions for the same seed in worker threads as inline', async () => {
    const inline = pool(0);
    const threaded = pool(2);
    for (const sampler of [
      { kind: 'tpe', seed: 5, nStartupTrials: 4 },
      { kind: 'gp', seed: 5, nStartupTrials: 4 },
      { kind: 'cmaes', seed: 5 },
      { kind: 'auto', seed: 9 },
    ]) {
      const here = await inline.ask('s', task(sampler));
      const there = await threaded.ask('s', task(sampler));
      expect(here).toHaveLength(4);
      expect(there).toEqual(here);
      // The seed matters: another seed gives other points (so equality above is not vacuous).
      expect(await threaded.ask('s', task({ ...sampler, seed: 6 }))).not.toEqual(here);
    }
  });

  it('runs one ask at a time per study: a second ask of the same study waits for the first, another study does not', async () => {
    const threaded = pool(2);
    const held = threaded.hold('a');
    let secondDone = false;
    const first = threaded.ask('a', task({ kind: 'tpe', seed: 1 }));
    const second = threaded.ask('a', task({ kind: 'tpe', seed: 2 })).then((points) => {
      secondDone = true;
      return points;
    });
    await held.waitStarted(1);
    // Study b's ask runs to the end on the other thread while a's first ask is held.
    expect(await threaded.ask('b', task({ kind: 'tpe', seed: 3 }))).toHaveLength(4);
    expect(held.started()).toBe(1);
    expect(secondDone).toBe(false);
    held.release();
    expect(await first).toHaveLength(4);
    expect(await second).toHaveLength(4);
    expect(held.started()).toBe(2);
  });
});

describe.each(testDatabases)('sampling off the request thread [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  beforeAll(async () => {
    handle = await target.create();
    api = await startTestApi(handle, { TUNEBOARD_SAMPLER_WORKERS: '2' });
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  it("answers a claim and a read in study B while study A's ask is still in flight", async () => {
    const team = await setupTeam(api, 'offthread');
    const runnerId = await team.register('r1');
    const name = `slow-a-${Date.now()}`;
    await createStudy(api, team, { name, sampler: { kind: 'tpe', seed: 4, nStartupTrials: 2 }, budget: { maxTrials: null, maxParallel: 2 } });
    const b = await createStudy(api, team, { sampler: { kind: 'tpe', seed: 5 }, budget: { maxTrials: null, maxParallel: 2 } });
    const [rowA] = await handle.query<{ id: string }>('select id from study where name = $1', [name]);
    const studyA = rowA!.id;
    // A's two trials end behind the API's back; its next top-up asks TPE, held in a worker until released.
    await handle.query(`update trial set state = 'COMPLETE', "values" = '{0.5}', finished_at = now() where study_id = $1`, [studyA]);
    // The server's own scheduler and pool (each API server has its own, lifecycle/lifecycle.ts).
    const { scheduler } = api.server.services.lifecycle;
    const held = scheduler.pool.hold(studyA);
    let aDone = false;
    const topUpA = scheduler.topUp(handle.db, noEvents, studyA).then((result) => {
      aDone = true;
      return result;
    });
    await held.waitStarted(1);

    const { trialClaim } = await api.gql(CLAIM, { i: { runnerId, studyId: b.id, limit: 1 } }, team.runnerAuth);
    expect(trialClaim.userErrors).toEqual([]);
    expect(trialClaim.leases).toHaveLength(1);
    const { node } = await api.gql(`query($id: ID!) { node(id: $id) { ... on Study { counts { running } } } }`, { id: b.id }, team.user);
    expect(node.counts.running).toBe(1);
    // Both answered while A's ask was still held in its worker.
    expect(aDone).toBe(false);
    expect(held.started()).toBe(1);

    held.release();
    expect(await topUpA).toEqual({ created: 2, status: 'RUNNING' });
  });
});
