import { describe, expect, it } from 'vitest';
import { replayCmaes } from '../cmaes/suggest.ts';
import { conditionHolds, parseSpace } from '../space.ts';
import type { SearchSpace } from '../space.ts';
import type { FrozenTrial, Params } from '../types.ts';
import { adaptHistory } from './adapter.ts';
import { cmaesRelativeParams } from './cmaes-sampler.ts';
import { createSampler } from './create.ts';

const numeric = {
  x: { type: 'float', low: -1, high: 1 },
  n: { type: 'int', low: 1, high: 8 },
} as const;
const mixed = parseSpace({
  ...numeric,
  colour: { type: 'categorical', choices: ['red', 'green', 'blue', 'black', 'white'] },
  opt: { type: 'categorical', choices: ['sgd', 'adam'] },
  momentum: { type: 'float', low: 0, high: 1, when: { opt: ['sgd'] } },
});
const numericOnly = parseSpace(numeric);

const f = (p: Params): number => ((p.x as number) - 0.4) ** 2 + 0.1 * ((p.n as number) - 3) ** 2 + (p.colour === 'red' ? 0 : 0.5);

function run(space: SearchSpace, config: Parameters<typeof createSampler>[0], n: number, value: (p: Params) => number): FrozenTrial[] {
  const sampler = createSampler(config);
  const trials: FrozenTrial[] = [];
  for (let i = 0; i < n; i++) {
    const [params] = sampler.ask({ space, trials, directions: ['minimize'] });
    trials.push({ number: i, state: 'COMPLETE', params: params as Params, values: [value(params as Params)] });
  }
  return trials;
}

describe('CMA-ES sampler with categorical and conditional parameters', () => {
  it('models only the unconditional float and int parameters', () => {
    expect(cmaesRelativeParams(mixed).map((p) => p.name)).toEqual(['x', 'n']);
  });

  it('runs CMA-ES in as many dimensions as there are numeric unconditional parameters', () => {
    const trials = run(mixed, { kind: 'cmaes', seed: 2, populationSize: 6 }, 30, f);
    const rel = cmaesRelativeParams(mixed);
    const problem = adaptHistory({ params: rel, index: { x: 0, n: 1 } }, trials, ['minimize']);
    const { state } = replayCmaes({ history: problem.X.map((x, i) => ({ x, y: problem.y[i]![0]! })), dims: problem.dims, seed: 2, populationSize: 6 });
    expect(state.params.n).toBe(2);
    expect(state.generation).toBe(5);
  });

  it('suggests the same numeric values whatever categoricals the space adds (they never reach CMA-ES)', () => {
    const g = (p: Params): number => ((p.x as number) - 0.4) ** 2 + 0.1 * ((p.n as number) - 3) ** 2;
    const withCategoricals = run(mixed, { kind: 'cmaes', seed: 5, populationSize: 6, independentSampler: 'random' }, 24, g);
    const alone = run(numericOnly, { kind: 'cmaes', seed: 5, populationSize: 6 }, 24, g);
    expect(withCategoricals.map((t) => [t.params.x, t.params.n])).toEqual(alone.map((t) => [t.params.x, t.params.n]));
  });

  it('samples categoricals with the random independent sampler: every choice appears though one is always best', () => {
    const trials = run(mixed, { kind: 'cmaes', seed: 7, independentSampler: 'random' }, 60, f);
    expect(new Set(trials.map((t) => t.params.colour))).toEqual(new Set(['red', 'green', 'blue', 'black', 'white']));
    for (const t of trials) expect('momentum' in t.params).toBe(conditionHolds(mixed.params[4]!, t.params));
    expect(trials.some((t) => 'momentum' in t.params)).toBe(true);
  });

  it('with the TPE independent sampler, learns the best categorical choice', () => {
    const random = run(mixed, { kind: 'cmaes', seed: 7, independentSampler: 'random' }, 60, f);
    const tpe = run(mixed, { kind: 'cmaes', seed: 7, independentSampler: 'tpe' }, 60, f);
    const reds = (ts: FrozenTrial[]): number => ts.slice(30).filter((t) => t.params.colour === 'red').length;
    expect(reds(tpe)).toBeGreaterThan(reds(random));
    expect(reds(tpe)).toBeGreaterThan(10);
  });

  it('falls back to the independent sampler alone when no parameter is numeric and unconditional', () => {
    const space = parseSpace({ c: { type: 'categorical', choices: ['a', 'b', 'c'] }, d: { type: 'categorical', choices: [1, 2, 3] } });
    const trials = run(space, { kind: 'cmaes', seed: 1, independentSampler: 'random' }, 12, (p) => (p.c === 'a' ? 0 : 1) + (p.d as number));
    expect(new Set(trials.map((t) => t.params.c))).toEqual(new Set(['a', 'b', 'c']));
    expect(new Set(trials.map((t) => t.params.d))).toEqual(new Set([1, 2, 3]));
  });
});

describe('CMA-ES restarts at realistic budgets (issue #17)', () => {
  // 2-D Rastrigin on [-5.12, 5.12]²: a local minimum in every unit cell, the global one at the origin.
  const rastrigin = parseSpace({ a: { type: 'float', low: -5.12, high: 5.12 }, b: { type: 'float', low: -5.12, high: 5.12 } });
  const g = (p: Params): number => 20 + [p.a as number, p.b as number].reduce((s, x) => s + x * x - 10 * Math.cos(2 * Math.PI * x), 0);
  const restartsAfter = (trials: FrozenTrial[], seed: number): { restarts: number; lambda: number } => {
    const problem = adaptHistory(rastrigin, trials, ['minimize']);
    const { state } = replayCmaes({ history: problem.X.map((x, i) => ({ x, y: problem.y[i]![0]! })), dims: problem.dims, seed });
    return { restarts: state.restart, lambda: state.params.lambda };
  };

  it('IPOP restarts fire on 2-D Rastrigin within 200 trials (the first by 100 for seed 0), reproducibly', () => {
    const fired: number[] = [];
    for (const seed of [0, 1, 2, 3, 4]) {
      const trials = run(rastrigin, { kind: 'cmaes', seed }, 200, g);
      const { restarts, lambda } = restartsAfter(trials, seed);
      // IPOP: the population doubles at each restart (default λ = 4 + ⌊3 ln 2⌋ = 6).
      expect(lambda).toBe(6 * 2 ** restarts);
      if (restarts > 0) fired.push(seed);
      if (seed === 0) {
        expect(restartsAfter(trials.slice(0, 100), seed).restarts).toBeGreaterThanOrEqual(1);
        expect(run(rastrigin, { kind: 'cmaes', seed }, 200, g)).toEqual(trials);
      }
    }
    // Under the old absolute tolerances (1e-12) none of the five restarted within 200 trials.
    expect(fired.length).toBeGreaterThanOrEqual(3);
  }, 60_000);
});
