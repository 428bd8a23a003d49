import { describe, expect, it } from 'vitest';
import { hypervolume } from '../multi/hypervolume.ts';
import { parseSpace, spaceContains } from '../space.ts';
import type { Direction, FrozenTrial, Params } from '../types.ts';
import { AUTO_GP_MAX_PARAMS, AUTO_GP_MAX_TRIALS, AUTO_GP_MAX_WIDTH, autoChoice, createSampler } from './create.ts';
import { boundOutputs, warpOutputs } from './output-warp.ts';
import type { SamplerConfig } from './config.ts';

const box = parseSpace({ x: { type: 'float', low: 0, high: 1 }, y: { type: 'float', low: 0, high: 1 } });

function study(
  config: SamplerConfig,
  n: number,
  f: (p: Params) => number[],
  directions: Direction[],
  constraints?: (p: Params) => number[],
  fails?: (p: Params) => boolean,
): FrozenTrial[] {
  const sampler = createSampler(config);
  const trials: FrozenTrial[] = [];
  for (let i = 0; i < n; i++) {
    const [params] = sampler.ask({ space: box, trials, directions });
    const p = params as Params;
    if (fails?.(p)) trials.push({ number: i, state: 'FAIL', params: p });
    else trials.push({ number: i, state: 'COMPLETE', params: p, values: f(p), ...(constraints ? { constraints: constraints(p) } : {}) });
  }
  return trials;
}

const sphere = (p: Params): number[] => [((p.x as number) - 0.3) ** 2 + ((p.y as number) - 0.7) ** 2];
/** Two objectives: distance to (0, 0) and to (1, 1); the Pareto set is the diagonal. */
const twoTargets = (p: Params): number[] => {
  const x = p.x as number;
  const y = p.y as number;
  return [x * x + y * y, (1 - x) ** 2 + (1 - y) ** 2];
};

describe('GP, CMA-ES and NSGA-II samplers', () => {
  it('the GP finds the minimum of a 2-D quadratic within 20 trials', () => {
    const trials = study({ kind: 'gp', seed: 1, nStartupTrials: 6 }, 20, sphere, ['minimize']);
    expect(Math.min(...trials.map((t) => t.values![0]!))).toBeLessThan(1e-3);
  });

  it('the GP maximises when told to', () => {
    const trials = study({ kind: 'gp', seed: 2, nStartupTrials: 6 }, 16, (p) => [-sphere(p)[0]!], ['maximize']);
    expect(Math.max(...trials.map((t) => t.values![0]!))).toBeGreaterThan(-1e-2);
  });

  it('the GP keeps to the feasible side of a constraint reported with the trials', () => {
    // Feasible when x >= 0.5; the unconstrained optimum (0.3, 0.7) is infeasible, the constrained one is (0.5, 0.7).
    const trials = study({ kind: 'gp', seed: 3, nStartupTrials: 6 }, 20, sphere, ['minimize'], (p) => [0.5 - (p.x as number)]);
    const feasible = trials.filter((t) => t.constraints![0]! <= 0);
    expect(Math.min(...feasible.map((t) => t.values![0]!))).toBeLessThan(0.04 + 5e-3);
    expect(trials.slice(10).filter((t) => t.constraints![0]! <= 0).length).toBeGreaterThanOrEqual(6);
  });

  it('the GP refines the better branch of a conditional space (its acquisition reads inactive parameters at their fill)', () => {
    // adam (optimum 0 at lr 1e-3, beta 0.3) beats sgd (0.2 at best). Reading a candidate with its inactive
    // coordinates where they lie, the GP spent asks on variance no trial can have: median 1.4e-4 over these seeds
    // (2.4e-6 reading them at their fill; TPE 0.21).
    const space = parseSpace({
      optimizer: { type: 'categorical', choices: ['sgd', 'adam'] },
      lr: { type: 'float', low: 1e-4, high: 1, log: true },
      momentum: { type: 'float', low: 0, high: 1, when: { optimizer: ['sgd'] } },
      beta: { type: 'float', low: 0, high: 1, when: { optimizer: ['adam'] } },
    });
    const f = (p: Params): number => {
      const lr = Math.log10(p.lr as number);
      return p.optimizer === 'sgd' ? 0.2 + (lr + 1) ** 2 + ((p.momentum as number) - 0.9) ** 2 : (lr + 3) ** 2 + 4 * ((p.beta as number) - 0.3) ** 2;
    };
    const bests = [0, 1, 2, 3, 4, 5].map((seed) => {
      const sampler = createSampler({ kind: 'auto', seed });
      const trials: FrozenTrial[] = [];
      for (let i = 0; i < 25; i++) {
        const [params] = sampler.ask({ space, trials, directions: ['minimize'] });
        expect(spaceContains(space, params!)).toBe(true);
        trials.push({ number: i, state: 'COMPLETE', params: params!, values: [f(params!)] });
      }
      return Math.min(...trials.map((t) => t.values![0]!));
    });
    bests.sort((a, b) => a - b);
    expect((bests[2]! + bests[3]!) / 2).toBeLessThan(2e-5);
  });

  it('the GP learns where trials fail and asks there less', () => {
    // x > 0.6 or y < 0.2 fails (52 % of the box; the minimum, (0.3, 0.7), succeeds). Failed trials used to be
    // invisible to the model: 54 of the 96 model-based asks of these seeds failed; with the failure classifier
    // and the failed points believed, 32.
    const failures = [1, 2, 3, 4].map((seed) => {
      const trials = study({ kind: 'gp', seed, nStartupTrials: 6 }, 30, sphere, ['minimize'], undefined, (p) => (p.x as number) > 0.6 || (p.y as number) < 0.2);
      return trials.slice(6).filter((t) => t.state === 'FAIL').length;
    });
    expect(failures.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(42);
  });

  it('CMA-ES improves on its first generation', () => {
    const trials = study({ kind: 'cmaes', seed: 4 }, 60, sphere, ['minimize']);
    const first = Math.min(...trials.slice(0, 6).map((t) => t.values![0]!));
    expect(Math.min(...trials.map((t) => t.values![0]!))).toBeLessThan(Math.min(first, 1e-3));
  });

  it('CMA-ES refuses several objectives, naming the directions', () => {
    expect(() => createSampler({ kind: 'cmaes' }).ask({ space: box, trials: [], directions: ['minimize', 'minimize'] })).toThrow(
      /sampler kind "cmaes" optimises one objective, got directions=\["minimize","minimize"\]/,
    );
  });

  const reference = [2, 2];
  const hv = (trials: FrozenTrial[]): number => hypervolume(trials.map((t) => t.values!), reference, ['minimize', 'minimize']);
  const randomHv = hv(study({ kind: 'random', seed: 5 }, 40, twoTargets, ['minimize', 'minimize']));

  it.each<[string, SamplerConfig]>([
    ['nsga2', { kind: 'nsga2', seed: 5, populationSize: 10 }],
    ['gp', { kind: 'gp', seed: 5, nStartupTrials: 8 }],
    ['tpe', { kind: 'tpe', seed: 5 }],
    ['auto', { kind: 'auto', seed: 5 }],
  ])('%s handles two objectives, with a hypervolume at least that of random search', (_kind, config) => {
    const trials = study(config, 40, twoTargets, ['minimize', 'minimize']);
    for (const t of trials) expect(spaceContains(box, t.params)).toBe(true);
    expect(hv(trials)).toBeGreaterThanOrEqual(randomHv * 0.98);
  });

  it.each(['random', 'qmc', 'grid'] as const)('%s accepts several objectives', (kind) => {
    expect(study({ kind, seed: 1 }, 5, twoTargets, ['minimize', 'maximize'])).toHaveLength(5);
  });

  it('auto suggests exactly what the GP does on a small single-objective numeric problem', () => {
    expect(study({ kind: 'auto', seed: 9 }, 14, sphere, ['minimize'])).toEqual(study({ kind: 'gp', seed: 9 }, 14, sphere, ['minimize']));
  });

  it('auto suggests exactly what the GP (ParEGO) does on a small two-objective numeric problem', () => {
    const directions: Direction[] = ['minimize', 'minimize'];
    expect(study({ kind: 'auto', seed: 9 }, 14, twoTargets, directions)).toEqual(study({ kind: 'gp', seed: 9 }, 14, twoTargets, directions));
  });

  it('auto uses the GP for a small problem, one objective or several, conditional or not, and TPE otherwise', () => {
    const ctx = { space: box, trials: [], directions: ['minimize'] as Direction[] };
    expect(autoChoice(ctx, 10)).toBe('gp');
    expect(autoChoice(ctx, AUTO_GP_MAX_TRIALS - 1)).toBe('gp');
    expect(autoChoice(ctx, AUTO_GP_MAX_TRIALS)).toBe('tpe');
    expect(autoChoice({ ...ctx, directions: ['minimize', 'maximize'] }, 10)).toBe('gp');
    expect(autoChoice({ ...ctx, directions: ['minimize', 'maximize'] }, AUTO_GP_MAX_TRIALS)).toBe('tpe');
    const floats = (k: number) => parseSpace(Object.fromEntries(Array.from({ length: k }, (_, i) => [`x${i}`, { type: 'float', low: 0, high: 1 }])));
    expect(autoChoice({ ...ctx, space: floats(AUTO_GP_MAX_PARAMS) }, 10)).toBe('gp');
    expect(autoChoice({ ...ctx, space: floats(AUTO_GP_MAX_PARAMS + 1), directions: ['minimize', 'minimize'] }, 10)).toBe('tpe');
    const conditional = parseSpace({ a: { type: 'categorical', choices: [1, 2] }, b: { type: 'float', low: 0, high: 1, when: { a: [2] } } });
    // A conditional space: the GP (inactive parameters read at their fill), ParEGO for several objectives.
    expect(autoChoice({ ...ctx, space: conditional }, 10)).toBe('gp');
    expect(autoChoice({ ...ctx, space: conditional }, AUTO_GP_MAX_TRIALS)).toBe('tpe');
    expect(autoChoice({ ...ctx, space: conditional, directions: ['minimize', 'minimize'] }, 10)).toBe('gp');
    // Two parameters but 1 + AUTO_GP_MAX_WIDTH encoded columns (a one-hot group of AUTO_GP_MAX_WIDTH choices): TPE; one choice fewer: the GP.
    const choices = (k: number) => Array.from({ length: k }, (_, i) => `c${i}`);
    const oneHot = parseSpace({ x: { type: 'float', low: 0, high: 1 }, c: { type: 'categorical', choices: choices(AUTO_GP_MAX_WIDTH) } });
    expect(autoChoice({ ...ctx, space: oneHot }, 10)).toBe('tpe');
    const narrower = parseSpace({ x: { type: 'float', low: 0, high: 1 }, c: { type: 'categorical', choices: choices(AUTO_GP_MAX_WIDTH - 1) } });
    expect(autoChoice({ ...ctx, space: narrower }, 10)).toBe('gp');
  });
});

describe('warpOutputs', () => {
  const y = [3, 1, 100, 1, 2];
  it('keeps the order of the observations under every warp', () => {
    for (const warp of ['none', 'log', 'copula'] as const) {
      const w = warpOutputs(y, warp);
      for (let i = 0; i < y.length; i++) for (let j = 0; j < y.length; j++) expect(Math.sign(w[i]! - w[j]!)).toBe(Math.sign(y[i]! - y[j]!));
    }
  });

  it('squeezes a heavy upper tail with the log warp (median gap as the unit)', () => {
    // min 1, gaps 0, 0, 1, 2, 99, median gap 1: log(1 + gap).
    expect(warpOutputs(y, 'log')).toEqual([Math.log(3), 0, Math.log(100), 0, Math.log(2)]);
  });

  it('maps ranks to normal quantiles with the copula warp, ties sharing their mean rank', () => {
    const w = warpOutputs([1, 2, 3], 'copula');
    expect(w[1]).toBeCloseTo(0, 12);
    expect(w[0]).toBeCloseTo(-w[2]!, 12);
    const tied = warpOutputs([5, 5], 'copula');
    expect(tied[0]).toBeCloseTo(0, 12);
  });
});


describe('extreme objective values', () => {
  it('boundOutputs leaves ordinary values alone, and maps huge and infinite ones into range, order kept', () => {
    expect(boundOutputs([3, -1, 1e99])).toEqual([3, -1, 1e99]);
    const bounded = boundOutputs([0.5, 1.7e308, -1.7e308, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0.25]);
    expect(bounded.every(Number.isFinite)).toBe(true);
    const order = (values: number[]) => values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
    expect(order(bounded)).toEqual([4, 2, 5, 0, 1, 3]);
  });

  it('keeps asking after a trial told 1.7e308, or pruned at Infinity, one objective and two', () => {
    for (const directions of [['minimize'], ['minimize', 'maximize']] as Direction[][]) {
      for (const kind of ['gp', 'auto'] as const) {
        const trials = study({ kind, seed: 5 }, 12, (p) => directions.map((_, k) => sphere(p)[0]! + k), directions);
        trials[3] = { ...trials[3]!, values: directions.map(() => 1.7e308) };
        trials[7] = { ...trials[7]!, values: directions.map(() => 1e-3) };
        trials.push({ number: 12, state: 'PRUNED', params: { x: 0.5, y: 0.5 }, intermediate: [{ step: 0, value: Number.POSITIVE_INFINITY }] });
        const [next] = createSampler({ kind, seed: 5 }).ask({ space: box, trials, directions });
        expect(spaceContains(box, next as Params)).toBe(true);
      }
    }
  });
});

describe('the GP on a mixed space (issue #17)', () => {
  // A float, an int, a stepped float and a categorical; the optimum is inside every range (n = 4, d = 0.25).
  const mixed = parseSpace({
    x: { type: 'float', low: 0, high: 1 },
    n: { type: 'int', low: 1, high: 7 },
    d: { type: 'float', low: 0, high: 0.5, step: 0.05 },
    c: { type: 'categorical', choices: ['a', 'b', 'c'] },
  });
  const g = (p: Params): number =>
    ((p.x as number) - 0.3) ** 2 + 0.1 * ((p.n as number) - 4) ** 2 + 8 * ((p.d as number) - 0.25) ** 2 + (p.c === 'b' ? 0 : 0.3);

  it('reaches interior values of the int and the stepped float, not one value or a bound, for several seeds', () => {
    for (const seed of [0, 1, 2, 3]) {
      const sampler = createSampler({ kind: 'gp', seed });
      const trials: FrozenTrial[] = [];
      for (let i = 0; i < 30; i++) {
        const [params] = sampler.ask({ space: mixed, trials, directions: ['minimize'] });
        trials.push({ number: i, state: 'COMPLETE', params: params as Params, values: [g(params as Params)] });
      }
      const modelled = trials.slice(10).map((t) => t.params);
      expect(new Set(modelled.map((p) => p.n)).size, `seed ${seed}: distinct n`).toBeGreaterThanOrEqual(2);
      const atBound = modelled.filter((p) => p.d === 0 || p.d === 0.5).length;
      expect(atBound, `seed ${seed}: stepped float at a bound`).toBeLessThan(modelled.length / 2);
      const best = trials.reduce((a, b) => (b.values![0]! < a.values![0]! ? b : a)).params;
      expect(best.n, `seed ${seed}`).toBe(4);
      expect(Math.abs((best.d as number) - 0.25), `seed ${seed}`).toBeLessThanOrEqual(0.05 + 1e-12);
      expect(best.c).toBe('b');
    }
  }, 120_000);
});
