import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { createStudy, replicaHandles, setupTeam, startTestApi, type TestApi } from '../testing/harness.ts';
import { SamplerPool } from './sampler-pool.ts';
import { Scheduler } from './scheduler.ts';

const noEvents = { queueStudyEvent: () => undefined, queueAvailable: () => undefined };

describe.each(testDatabases)('the top-up under concurrency [$name]', (target) => {
  let replicas: Awaited<ReturnType<typeof replicaHandles>>;
  let handles: DbHandle[];
  let api: TestApi;
  // One scheduler per replica, as each API server has its own.
  let schedulers: Scheduler[];
  const topUpNow = (i: number, id: string) => schedulers[i % schedulers.length]!.topUpNow(handles[i % handles.length]!.db, noEvents, id);
  beforeAll(async () => {
    replicas = await replicaHandles(target, 8);
    handles = replicas.handles;
    schedulers = handles.map(() => new Scheduler(new SamplerPool(0)));
    api = await startTestApi(handles[0]!);
  });
  afterAll(async () => {
    await api.close();
    await Promise.all(schedulers.map((scheduler) => scheduler.close()));
    await replicas.close();
  });

  it('fills a study to maxParallel once, with unique numbers and grid points, however many top-ups race', async () => {
    const team = await setupTeam(api, 'race');
    const name = `race-${Date.now()}`;
    await createStudy(api, team, {
      name,
      space: { x: { type: 'int', low: 0, high: 39 } },
      sampler: { kind: 'grid', seed: 1 },
      budget: { maxTrials: null, maxParallel: 10 },
    });
    const db = handles[0]!;
    const [{ id }] = (await db.query<{ id: string }>('select id from study where name = $1', [name])) as [{ id: string }];
    // The first ten trials end behind the API's back, so no top-up has run for them yet.
    await db.query(`update trial set state = 'COMPLETE', "values" = '{0.5}', finished_at = now() where study_id = $1`, [id]);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => topUpNow(i, id)),
    );
    expect(results.reduce((sum, r) => sum + r.created, 0)).toBe(10);
    const trials = await db.query<{ number: number; state: string; x: number }>(
      `select number, state, (params->>'x')::int as x from trial where study_id = $1 order by number`,
      [id],
    );
    expect(trials.map((t) => t.number)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(trials.filter((t) => t.state === 'PENDING')).toHaveLength(10);
    expect(new Set(trials.map((t) => t.x)).size).toBe(20);
    const [counter] = await db.query<{ next: number }>('select next_trial_number as next from study where id = $1', [id]);
    expect(Number(counter!.next)).toBe(20);
  });

  it('draws a top-up by random search when the study\'s sampler fails, and warns naming the study and the error', async () => {
    const failing = new Scheduler({ ask: () => Promise.reject(new Error('boom')), close: async () => undefined } as unknown as SamplerPool);
    const team = await setupTeam(api, 'fallback');
    const name = `fallback-${Date.now()}`;
    await createStudy(api, team, { name, sampler: { kind: 'tpe', seed: 3 }, budget: { maxTrials: 10, maxParallel: 4 } });
    const db = handles[0]!;
    const [{ id }] = (await db.query<{ id: string }>('select id from study where name = $1', [name])) as [{ id: string }];
    await db.query(`update trial set state = 'COMPLETE', "values" = '{0.5}', finished_at = now() where study_id = $1`, [id]);
    const warnings: string[] = [];
    const onWarning = (warning: Error) => void warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      const result = await failing.topUpNow(db.db, noEvents, id);
      expect(result.created).toBe(4);
      await expect.poll(() => warnings.find((w) => w.includes(id))).toMatch(/the tpe sampler failed \(boom\); this top-up draws 4 trial\(s\) by random search/);
    } finally {
      process.off('warning', onWarning);
    }
    const pending = await db.query<{ number: number }>(`select number from trial where study_id = $1 and state = 'PENDING'`, [id]);
    expect(pending).toHaveLength(4);
  });

  it('completes a study whose budget is spent once nothing is active, and only then', async () => {
    const team = await setupTeam(api, 'done');
    const name = `done-${Date.now()}`;
    await createStudy(api, team, { name, budget: { maxTrials: 3, maxParallel: 3 } });
    const db = handles[0]!;
    const [{ id }] = (await db.query<{ id: string }>('select id from study where name = $1', [name])) as [{ id: string }];
    await db.query(`update trial set state = 'COMPLETE', "values" = '{0.5}', finished_at = now() where study_id = $1 and number < 2`, [id]);
    expect(await topUpNow(0, id)).toEqual({ created: 0, status: 'RUNNING' });
    await db.query(`update trial set state = 'COMPLETE', "values" = '{0.5}', finished_at = now() where study_id = $1`, [id]);
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => topUpNow(i, id)));
    expect(results.map((r) => r.status)).toContain('COMPLETED');
    const [row] = await db.query<{ status: string; n: number }>(
      'select status, (select count(*)::int from trial where study_id = $1) as n from study where id = $1',
      [id],
    );
    expect(row).toEqual({ status: 'COMPLETED', n: 3 });
  });
});
