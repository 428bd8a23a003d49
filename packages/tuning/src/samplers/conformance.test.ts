import { describe, expect, it } from 'vitest';
import { conditionHolds, parseSpace, spaceContains } from '../space.ts';
import type { SearchSpace } from '../space.ts';
import type { FrozenTrial, Params } from '../types.ts';
import { createSampler } from './create.ts';
import type { SamplerConfig } from './config.ts';
import type { ModelFitSizes, Sampler } from './types.ts';
import { defaultMaxModelPoints, maxModelPointsFor } from '../gp/suggest.ts';
import { spaceDims } from './adapter.ts';
import { MAX_GP_WIDTH } from './gp-sampler.ts';

/**
 * Every sampler kind must pass this suite. New kinds (gp, cmaes, nsga2) join by adding a config here;
 * `finite` marks samplers that may run out of points (the suite then uses a space large enough).
 */
const KINDS: { config: (seed: number) => SamplerConfig; finite?: boolean }[] = [
  { config: (seed) => ({ kind: 'random', seed }) },
  { config: (seed) => ({ kind: 'grid', seed }), finite: true },
  { config: (seed) => ({ kind: 'qmc', seed }) },
  { config: (seed) => ({ kind: 'tpe', seed, nStartupTrials: 5 }) },
  { config: (seed) => ({ kind: 'auto', seed, nStartupTrials: 5 }) },
  { config: (seed) => ({ kind: 'gp', seed, nStartupTrials: 5 }) },
  { config: (seed) => ({ kind: 'cmaes', seed, populationSize: 6 }) },
  { config: (seed) => ({ kind: 'nsga2', seed, populationSize: 8 }) },
];

const space = parseSpace({
  learningRate: { type: 'float', low: 1e-5, high: 0.1, log: true },
  dropout: { type: 'float', low: 0, high: 0.5, step: 0.05 },
  layers: { type: 'int', low: 1, high: 4 },
  optimizer: { type: 'categorical', choices: ['adam', 'sgd', 'rmsprop'] },
  momentum: { type: 'float', low: 0, high: 0.99, when: { optimizer: ['sgd', 'rmsprop'] } },
  nesterov: { type: 'categorical', choices: [true, false], when: { optimizer: ['sgd'] } },
  batchSize: { type: 'categorical', choices: [16, 32, 64] },
});

function objective(p: Params): number {
  const lr = Math.log10(p.learningRate as number);
  return (lr + 3) ** 2 + (p.dropout as number) + ((p.layers as number) - 3) ** 2 + (p.optimizer === 'sgd' ? 0 : 0.5) + ((p.momentum as number | undefined) ?? 0.9) * 0.1;
}

/** Runs a sequential study of `n` trials (completing each) and returns the history. */
function run(sampler: Sampler, s: SearchSpace, n: number): FrozenTrial[] {
  const trials: FrozenTrial[] = [];
  for (let i = 0; i < n; i++) {
    const [params] = sampler.ask({ space: s, trials, directions: ['minimize'] });
    if (!params) break;
    trials.push({ number: i, state: 'COMPLETE', params, values: [objective(params)] });
  }
  return trials;
}

describe.each(KINDS.map((k) => [k.config(0).kind, k] as const))('sampler %s', (_kind, { config }) => {
  const N = 25;

  it('gives the same suggestions for the same seed', () => {
    expect(run(createSampler(config(3)), space, N)).toEqual(run(createSampler(config(3)), space, N));
  });

  it('gives other suggestions for another seed', () => {
    const a = run(createSampler(config(3)), space, N).map((t) => t.params);
    const b = run(createSampler(config(4)), space, N).map((t) => t.params);
    expect(a).not.toEqual(b);
  });

  it('keeps every suggestion inside the space, conditional parameters present exactly when their condition holds', () => {
    const trials = run(createSampler(config(5)), space, N);
    expect(trials).toHaveLength(N);
    for (const t of trials) {
      expect(spaceContains(space, t.params)).toBe(true);
      for (const p of space.params) expect(p.name in t.params).toBe(conditionHolds(p, t.params));
    }
    const optimizers = new Set(trials.map((t) => t.params.optimizer));
    expect(optimizers.size).toBeGreaterThan(1);
  });

  it('does not repeat a point across a parallel batch or the PENDING and RUNNING trials', () => {
    const history = run(createSampler(config(6)), space, 12).map((t, i) =>
      i >= 10 ? { number: t.number, state: i === 10 ? ('PENDING' as const) : ('RUNNING' as const), params: t.params } : t,
    );
    const batch = createSampler(config(6)).ask({ space, trials: history, directions: ['minimize'] }, 6);
    expect(batch).toHaveLength(6);
    const keys = [...history.map((t) => t.params), ...batch].map((p) => JSON.stringify(Object.entries(p).sort()));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('answers a batch exactly like sequential asks that each see the previous ones as PENDING', () => {
    const sampler = createSampler(config(8));
    const trials = run(sampler, space, 11);
    const batch = sampler.ask({ space, trials, directions: ['minimize'] }, 3);
    const seq: FrozenTrial[] = [...trials];
    for (let i = 0; i < 3; i++) {
      const [p] = sampler.ask({ space, trials: seq, directions: ['minimize'] });
      seq.push({ number: 11 + i, state: 'PENDING', params: p as Params });
    }
    expect(batch).toEqual(seq.slice(11).map((t) => t.params));
  });
  it('handles asynchronous asks: 4 runners finishing in turn, no repeat, valid points, reproducible with a seed', () => {
    const runAsync = (seed: number): FrozenTrial[] => {
      const sampler = createSampler(config(seed));
      const trials: FrozenTrial[] = [];
      const running: number[] = [];
      const launch = (n: number): void => {
        const batch = sampler.ask({ space, trials, directions: ['minimize'] }, n);
        expect(batch).toHaveLength(n);
        for (const params of batch) {
          running.push(trials.length);
          trials.push({ number: trials.length, state: 'RUNNING', params });
        }
      };
      launch(4);
      while (running.length > 0) {
        const i = running.shift() as number;
        const t = trials[i] as FrozenTrial;
        trials[i] = { ...t, state: 'COMPLETE', values: [objective(t.params)] };
        // Two runners free at once every fifth completion: a batch of two asked while the others run.
        if (trials.length < 24) launch(trials.length % 5 === 0 && running.length < 3 ? 2 : 1);
      }
      return trials;
    };
    const trials = runAsync(11);
    const keys = trials.map((t) => JSON.stringify(Object.entries(t.params).sort()));
    expect(new Set(keys).size).toBe(keys.length);
    for (const t of trials) {
      expect(spaceContains(space, t.params)).toBe(true);
      for (const p of space.params) expect(p.name in t.params).toBe(conditionHolds(p, t.params));
    }
    expect(runAsync(11)).toEqual(trials);
    expect(runAsync(12).map((t) => t.params)).not.toEqual(trials.map((t) => t.params));
  });

  it('answers a batch asked while trials run exactly like sequential asks', () => {
    const sampler = createSampler(config(9));
    const trials = run(sampler, space, 14).map((t, i) => (i >= 11 ? { number: t.number, state: 'RUNNING' as const, params: t.params } : t));
    const batch = sampler.ask({ space, trials, directions: ['minimize'] }, 4);
    const seq: FrozenTrial[] = [...trials];
    for (let i = 0; i < 4; i++) {
      const [p] = sampler.ask({ space, trials: seq, directions: ['minimize'] });
      seq.push({ number: 14 + i, state: 'PENDING', params: p as Params });
    }
    expect(batch).toEqual(seq.slice(14).map((t) => t.params));
  });
});

describe('model fits per batch', () => {
  const numeric = parseSpace({
    a: { type: 'float', low: 0, high: 1 },
    b: { type: 'float', low: 1e-4, high: 1, log: true },
    n: { type: 'int', low: 1, high: 6 },
    c: { type: 'categorical', choices: ['x', 'y'] },
  });
  const f = (p: Params): number => ((p.a as number) - 0.3) ** 2 + Math.log10(p.b as number) ** 2 / 10 + ((p.n as number) - 2) ** 2 / 20 + (p.c === 'x' ? 0 : 0.2);

  it.each(['gp', 'auto'] as const)('%s fits its model once for a batch of 8 asked while 3 trials run', (kind) => {
    let fits = 0;
    const sampler = createSampler({ kind, seed: 4 }, { onModelFit: () => (fits += 1) });
    const trials: FrozenTrial[] = [];
    for (let i = 0; i < 15; i++) {
      const [params] = sampler.ask({ space: numeric, trials, directions: ['minimize'] });
      trials.push(i < 12 ? { number: i, state: 'COMPLETE', params: params as Params, values: [f(params as Params)] } : { number: i, state: 'RUNNING', params: params as Params });
    }
    fits = 0;
    const batch = sampler.ask({ space: numeric, trials, directions: ['minimize'] }, 8);
    expect(batch).toHaveLength(8);
    expect(fits).toBe(1);
    const keys = [...trials.map((t) => t.params), ...batch].map((p) => JSON.stringify(Object.entries(p).sort()));
    expect(new Set(keys).size).toBe(keys.length);
    // Eight separate asks fit eight times (each is its own call), and give the same points.
    fits = 0;
    const seq: FrozenTrial[] = [...trials];
    for (let i = 0; i < 8; i++) {
      const [p] = sampler.ask({ space: numeric, trials: seq, directions: ['minimize'] });
      seq.push({ number: 15 + i, state: 'PENDING', params: p as Params });
    }
    expect(fits).toBe(8);
    expect(seq.slice(15).map((t) => t.params)).toEqual(batch);
  });
});

describe('bounded GP cost (issue #17)', () => {
  it('an explicit gp ask at 3,000 observations fits at most defaultMaxModelPoints of them', () => {
    const space = parseSpace({ a: { type: 'float', low: 0, high: 1 }, b: { type: 'float', low: 0, high: 1 }, c: { type: 'float', low: 0, high: 1 } });
    const g = (p: Params): number => ((p.a as number) - 0.3) ** 2 + ((p.b as number) - 0.6) ** 2 + (p.c as number);
    const random = createSampler({ kind: 'random', seed: 2 });
    const trials: FrozenTrial[] = [];
    for (let i = 0; i < 3000; i++) {
      const [params] = random.ask({ space, trials, directions: ['minimize'] });
      trials.push({ number: i, state: 'COMPLETE', params: params as Params, values: [g(params as Params)] });
    }
    const fits: ModelFitSizes[] = [];
    const sampler = createSampler({ kind: 'gp', seed: 1 }, { onModelFit: (s) => fits.push(s) });
    const [p] = sampler.ask({ space, trials, directions: ['minimize'] });
    expect(fits).toEqual([{ observations: 3000, modelPoints: defaultMaxModelPoints, fitPoints: 200 }]);
    expect(defaultMaxModelPoints).toBeLessThanOrEqual(500);
    expect(sampler.ask({ space, trials, directions: ['minimize'] })).toEqual([p]);
    // Below the bound every observation is used.
    fits.length = 0;
    sampler.ask({ space, trials: trials.slice(0, 300), directions: ['minimize'] });
    expect(fits).toEqual([{ observations: 300, modelPoints: 300, fitPoints: 200 }]);
    // Four GP asks over hundreds of points: seconds on a shared box, past Vitest's 5-s default under load.
  }, 60_000);

  it('a wide space (a categorical of 1,000 choices) is conditioned on fewer observations, and its asks stay valid and varied', () => {
    const choices = Array.from({ length: 1000 }, (_, i) => `v${i}`);
    const space = parseSpace({ c: { type: 'categorical', choices }, x: { type: 'float', low: 0, high: 1 } });
    expect(spaceDims(space).width).toBe(1001);
    expect(maxModelPointsFor(1001)).toBe(100);
    expect(maxModelPointsFor(3)).toBe(defaultMaxModelPoints);
    const g = (p: Params): number => (Number(String(p.c).slice(1)) % 7) + ((p.x as number) - 0.4) ** 2;
    const random = createSampler({ kind: 'random', seed: 4 });
    const trials: FrozenTrial[] = [];
    for (let i = 0; i < 150; i++) {
      const [params] = random.ask({ space, trials, directions: ['minimize'] });
      trials.push({ number: i, state: 'COMPLETE', params: params as Params, values: [g(params as Params)] });
    }
    const fits: ModelFitSizes[] = [];
    const sampler = createSampler({ kind: 'gp', seed: 1 }, { onModelFit: (s) => fits.push(s) });
    const batch = sampler.ask({ space, trials, directions: ['minimize'] }, 4);
    expect(fits).toEqual([{ observations: 150, modelPoints: 100, fitPoints: 100 }]);
    expect(batch).toHaveLength(4);
    for (const p of batch) expect(spaceContains(space, p)).toBe(true);
    expect(new Set(batch.map((p) => JSON.stringify(p))).size).toBe(4);
  }, 60_000);

  it('an explicit gp sampler refuses a space wider than MAX_GP_WIDTH columns, naming the width and the widest parameters', () => {
    const choices = Array.from({ length: 1000 }, (_, i) => `v${i}`);
    const space = parseSpace({ a: { type: 'categorical', choices }, b: { type: 'categorical', choices: choices.slice(0, 600) }, x: { type: 'float', low: 0, high: 1 }, c: { type: 'categorical', choices: choices.slice(0, 500) } });
    expect(spaceDims(space).width).toBeGreaterThan(MAX_GP_WIDTH);
    expect(() => createSampler({ kind: 'gp', seed: 1 }).ask({ space, trials: [], directions: ['minimize'] })).toThrow(
      'the GP models at most 2048 encoded columns (one per float or int parameter, one per categorical choice); this space has 2101 (a: 1000 choices, b: 600 choices, c: 500 choices); use the tpe or auto sampler',
    );
    // Within the bound the first asks are its Sobol start, as for any space.
    const narrower = parseSpace({ a: { type: 'categorical', choices }, b: { type: 'categorical', choices } });
    expect(spaceDims(narrower).width).toBeLessThanOrEqual(MAX_GP_WIDTH);
    expect(createSampler({ kind: 'gp', seed: 1 }).ask({ space: narrower, trials: [], directions: ['minimize'] })).toHaveLength(1);
    // `auto` leaves such a space to TPE.
    expect(createSampler({ kind: 'auto', seed: 1 }).ask({ space, trials: [], directions: ['minimize'] }, 2)).toHaveLength(2);
  });
});
