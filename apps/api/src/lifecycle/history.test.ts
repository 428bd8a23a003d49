import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { study, type DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { rawId } from '../ids.ts';
import { createStudy, setupTeam, startTestApi, type TestApi } from '../testing/harness.ts';
import { loadHistory } from './history.ts';

/** More trials than Postgres takes bound parameters in one statement (65,535). */
const TRIALS = 70_000;

describe.each(testDatabases)('a study history larger than one statement’s parameters [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  beforeAll(async () => {
    handle = await target.create();
    api = await startTestApi(handle, { TUNEBOARD_SAMPLER_WORKERS: '0', REAPER_INTERVAL_MS: '600000' });
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  it('reads every trial and the learning curves of 70,000 trials (the pruned ones, or all)', async () => {
    const team = await setupTeam(api, 'history');
    const created = await createStudy(api, team, { budget: { maxTrials: 1, maxParallel: 1 } });
    const studyId = rawId(created.id, 'Study')!;
    // Trials 1…70,000 straight in SQL: every 7th pruned with a two-point curve, the others complete with one point.
    await handle.query(
      `insert into trial (study_id, number, params, state, "values")
       select $1, n, '{"lr": 0.01, "layers": 2}'::jsonb,
              (case when n % 7 = 0 then 'PRUNED' else 'COMPLETE' end)::trial_state,
              array[(n % 100)::float8 / 100]
       from generate_series(1, ${TRIALS}) as n`,
      [studyId],
    );
    await handle.query(
      `insert into metric (trial_id, attempt, key, step, value)
       select t.id, 0, 'val_loss', s, t.number + s
       from trial t cross join generate_series(1, 2) as s
       where t.study_id = $1 and t.number > 0 and (t.state = 'PRUNED' or s = 1)`,
      [studyId],
    );
    const [row] = await handle.db.select().from(study).where(eq(study.id, studyId));

    const pruned = await loadHistory(handle.db, row!, 'pruned');
    expect(pruned).toHaveLength(TRIALS + 1);
    const prunedCurves = pruned.filter((t) => t.intermediate !== undefined);
    expect(prunedCurves).toHaveLength(Math.floor(TRIALS / 7));
    expect(prunedCurves.every((t) => t.state === 'PRUNED')).toBe(true);
    expect(pruned.find((t) => t.number === 7)!.intermediate).toEqual([
      { step: 1, value: 8 },
      { step: 2, value: 9 },
    ]);

    const all = await loadHistory(handle.db, row!, 'all');
    expect(all.filter((t) => t.intermediate !== undefined)).toHaveLength(TRIALS);
    expect(all.find((t) => t.number === 8)!.intermediate).toEqual([{ step: 1, value: 9 }]);
  }, 120_000);
});
