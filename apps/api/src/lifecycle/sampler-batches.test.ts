import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '@tuneboard/db';
import type * as Tuning from '@tuneboard/tuning';
import { testDatabases } from '@tuneboard/db/testing';
import { createStudy, setupTeam, startTestApi, type TestApi } from '../testing/harness.ts';

// Every sampler the API creates counts its model fits here (the hook never changes a suggestion).
const fits = vi.hoisted(() => ({ count: 0 }));
vi.mock('@tuneboard/tuning', async (importOriginal) => {
  const actual = await importOriginal<typeof Tuning>();
  return {
    ...actual,
    createSampler: (config: Parameters<typeof actual.createSampler>[0]) =>
      actual.createSampler(config, { onModelFit: () => (fits.count += 1) }),
  };
});

const noEvents = { queueStudyEvent: () => undefined, queueAvailable: () => undefined };

describe.each(testDatabases)('sampler seeds and batched top-ups [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  beforeAll(async () => {
    handle = await target.create();
    // Inline asks: the fits are counted by the mock above, in this thread (a worker loads its own module).
    api = await startTestApi(handle, { TUNEBOARD_SAMPLER_WORKERS: '0' });
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  const studyOf = async (team: Awaited<ReturnType<typeof setupTeam>>, id: string) => {
    const { node } = await api.gql(
      `query($id: ID!) { node(id: $id) { ... on Study { sampler trials(first: 10) { nodes { number params } } } } }`,
      { id },
      team.user,
    );
    return node as { sampler: { kind: string; seed?: number }; trials: { nodes: { number: number; params: Record<string, number> }[] } };
  };

  it('gives an unseeded study a random seed, records it in Study.sampler, and two unseeded studies start apart', async () => {
    const team = await setupTeam(api, 'seeds');
    const space = { x: { type: 'float', low: 0, high: 1 }, y: { type: 'float', low: 0, high: 1 } };
    const a = await createStudy(api, team, { space, sampler: { kind: 'qmc' }, budget: { maxTrials: 4, maxParallel: 2 } });
    const b = await createStudy(api, team, { space, sampler: { kind: 'qmc' }, budget: { maxTrials: 4, maxParallel: 2 } });
    const seeded = await createStudy(api, team, { space, sampler: { kind: 'qmc', seed: 7 }, budget: { maxTrials: 4, maxParallel: 2 } });
    const [sa, sb, ss] = await Promise.all([studyOf(team, a.id), studyOf(team, b.id), studyOf(team, seeded.id)]);
    expect(sa.sampler).toEqual({ kind: 'qmc', seed: expect.any(Number) });
    expect(Number.isInteger(sa.sampler.seed)).toBe(true);
    expect(sa.sampler.seed).not.toBe(sb.sampler.seed);
    expect(ss.sampler).toEqual({ kind: 'qmc', seed: 7 });
    const first = (s: typeof sa) => s.trials.nodes.find((t) => t.number === 0)?.params;
    expect(first(sa)).toBeDefined();
    expect(first(sa)).not.toEqual(first(sb));

    // The recorded seed reproduces the study: a new study with it starts at the same point.
    const again = await createStudy(api, team, { space, sampler: sa.sampler, budget: { maxTrials: 4, maxParallel: 2 } });
    expect(first(await studyOf(team, again.id))).toEqual(first(sa));
  });

  it('tops a GP study up by 8 trials with one model fit', async () => {
    const team = await setupTeam(api, 'fits');
    const name = `fits-${Date.now()}`;
    const study = await createStudy(api, team, {
      name,
      space: { x: { type: 'float', low: 0, high: 1 }, y: { type: 'float', low: 0, high: 1 } },
      sampler: { kind: 'gp', seed: 2, nStartupTrials: 5 },
      budget: { maxTrials: null, maxParallel: 8 },
    });
    const [{ id }] = (await handle.query<{ id: string }>('select id from study where name = $1', [name])) as [{ id: string }];
    expect(study.counts.pending).toBe(8);
    // The 8 Sobol start-up trials end behind the API's back: the next top-up asks the GP for 8 at once.
    await handle.query(
      `update trial set state = 'COMPLETE', "values" = array[((params->>'x')::float8 - 0.3)^2 + ((params->>'y')::float8 - 0.6)^2], finished_at = now() where study_id = $1`,
      [id],
    );
    fits.count = 0;
    expect(await api.server.services.lifecycle.scheduler.topUpNow(handle.db, noEvents, id)).toEqual({ created: 8, status: 'RUNNING' });
    expect(fits.count).toBe(1);
    const points = await handle.query<{ p: string }>(`select params::text as p from trial where study_id = $1`, [id]);
    expect(new Set(points.map((r) => r.p)).size).toBe(16);
  });

  it('tops a conditional study under auto up through the GP, each trial carrying exactly the parameters whose condition holds', async () => {
    const team = await setupTeam(api, 'conditional');
    const name = `conditional-${Date.now()}`;
    await createStudy(api, team, {
      name,
      space: {
        optimizer: { type: 'categorical', choices: ['adam', 'sgd'] },
        momentum: { type: 'float', low: 0, high: 0.99, when: { optimizer: ['sgd'] } },
        x: { type: 'float', low: 0, high: 1 },
      },
      sampler: { kind: 'auto', seed: 3 },
      budget: { maxTrials: null, maxParallel: 8 },
    });
    const [{ id }] = (await handle.query<{ id: string }>('select id from study where name = $1', [name])) as [{ id: string }];
    // momentum is absent from adam's trials, so its term is null there and coalesces to 0.
    await handle.query(
      `update trial set state = 'COMPLETE', "values" = array[((params->>'x')::float8 - 0.3)^2 + coalesce(0.1 + ((params->>'momentum')::float8 - 0.9)^2, 0)], finished_at = now() where study_id = $1`,
      [id],
    );
    fits.count = 0;
    expect(await api.server.services.lifecycle.scheduler.topUpNow(handle.db, noEvents, id)).toEqual({ created: 8, status: 'RUNNING' });
    // One GP fit for the 8 (TPE, what auto used on conditional spaces before, fits no model).
    expect(fits.count).toBe(1);
    const rows = await handle.query<{ params: Record<string, unknown> }>(`select params from trial where study_id = $1 and state = 'PENDING'`, [id]);
    expect(rows).toHaveLength(8);
    for (const { params } of rows) {
      expect(['adam', 'sgd']).toContain(params.optimizer);
      expect('momentum' in params).toBe(params.optimizer === 'sgd');
      expect(Object.keys(params).sort()).toEqual(params.optimizer === 'sgd' ? ['momentum', 'optimizer', 'x'] : ['optimizer', 'x']);
    }
  });
});
