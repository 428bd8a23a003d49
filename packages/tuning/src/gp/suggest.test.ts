import { describe, expect, it } from 'vitest';
import type { Dim } from '../numeric/dims.ts';
import { createRandomSource } from '../rng.ts';
import { LogAcquisition, LowerConfidenceBound } from './acquisition.ts';
import { extendGp, gpPredict } from './model.ts';
import { gpSuggestMulti } from './parego.ts';
import { defaultMaxModelPoints, gpPrepare, gpPropose, gpSuggest, gpSuggestDetailed, modelSubset } from './suggest.ts';

const sphere = (x: readonly number[]): number => x.reduce((a, v) => a + (v - 0.3) ** 2, 0);
const cont = (d: number): Dim[] => Array.from({ length: d }, () => ({ kind: 'continuous' }));

function initialDesign(n: number, d: number, seed: number): number[][] {
  const rng = createRandomSource(seed);
  return Array.from({ length: n }, () => Array.from({ length: d }, rng));
}

// Whole optimisation runs: a generous limit because test machines are shared; no test asserts speed.
const optimisationTimeout = 60_000;

describe('gpSuggest', { timeout: optimisationTimeout }, () => {
  it('returns the same point for the same seed and a point inside the cube', () => {
    const X = initialDesign(12, 3, 1);
    const y = X.map(sphere);
    const a = gpSuggest({ X, y, dims: cont(3), rng: createRandomSource(5) });
    const b = gpSuggest({ X, y, dims: cont(3), rng: createRandomSource(5) });
    expect(a).toEqual(b);
    expect(a.every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('gets close to the minimum of a 2-D quadratic within 20 sequential asks', () => {
    const X = initialDesign(6, 2, 2);
    const y = X.map(sphere);
    const rng = createRandomSource(9);
    for (let i = 0; i < 20; i++) {
      const x = gpSuggest({ X, y, dims: cont(2), rng });
      X.push(x);
      y.push(sphere(x));
    }
    // Random search would need ~1e4 points to reach 1e-4 in 2-D (a disc of radius 0.01).
    expect(Math.min(...y)).toBeLessThan(1e-4);
  });

  it('maximises f exactly as it minimises −f', () => {
    const X = initialDesign(10, 1, 3);
    const f = (x: readonly number[]) => -((x[0]! - 0.8) ** 2);
    const up = gpSuggest({ X, y: X.map(f), dims: cont(1), rng: createRandomSource(1), minimize: false });
    const down = gpSuggest({ X, y: X.map((x) => -f(x)), dims: cont(1), rng: createRandomSource(1) });
    expect(up).toEqual(down);
  });

  it('spreads a batch: a constant liar at the pending point pushes the next ask away from it', () => {
    const X = initialDesign(10, 2, 4);
    const y = X.map(sphere);
    const first = gpSuggest({ X, y, dims: cont(2), rng: createRandomSource(1) });
    const second = gpSuggest({ X, y, pending: [first], dims: cont(2), rng: createRandomSource(1), liar: 'best' });
    const distance = Math.hypot(first[0]! - second[0]!, first[1]! - second[1]!);
    expect(distance).toBeGreaterThan(0.1);
  });

  it('does not repeat a pending point under the kriging believer (the default)', () => {
    const X = initialDesign(10, 2, 4);
    const y = X.map(sphere);
    const first = gpSuggest({ X, y, dims: cont(2), rng: createRandomSource(1) });
    const second = gpSuggest({ X, y, pending: [first], dims: cont(2), rng: createRandomSource(1) });
    const third = gpSuggest({ X, y, pending: [first, second], dims: cont(2), rng: createRandomSource(1) });
    expect(Math.hypot(first[0]! - second[0]!, first[1]! - second[1]!)).toBeGreaterThan(1e-3);
    expect(Math.min(Math.hypot(third[0]! - first[0]!, third[1]! - first[1]!), Math.hypot(third[0]! - second[0]!, third[1]! - second[1]!))).toBeGreaterThan(1e-3);
  });

  it('asks with a batch lower confidence bound (the default) on a continuous space: distinct from the pending points and from the EI believer', () => {
    const X = initialDesign(12, 2, 8);
    const y = X.map(sphere);
    const prepared = gpPrepare({ X, y, dims: cont(2), rng: createRandomSource(3) });
    const first = gpPropose(prepared, [], createRandomSource(4));
    const pending = [first];
    for (let i = 0; i < 5; i++) pending.push(gpPropose(prepared, pending, createRandomSource(5 + i)));
    for (let i = 0; i < pending.length; i++) {
      for (let j = 0; j < i; j++) expect(Math.hypot(pending[i]![0]! - pending[j]![0]!, pending[i]![1]! - pending[j]![1]!)).toBeGreaterThan(1e-3);
    }
    // The batch stays around the minimum at (0.3, 0.3) rather than being pushed out of it.
    expect(pending.every((p) => Math.hypot(p[0]! - 0.3, p[1]! - 0.3) < 0.35)).toBe(true);
    const believer = gpPrepare({ X, y, dims: cont(2), rng: createRandomSource(3), liar: 'mean' });
    expect(gpPropose(believer, [], createRandomSource(4))).toEqual(first);
    expect(gpPropose(believer, pending.slice(0, 3), createRandomSource(9))).not.toEqual(gpPropose(prepared, pending.slice(0, 3), createRandomSource(9)));
  });

  it('keeps EI with the believer for a batch on a space with integers, and for sequential asks', () => {
    const dims: Dim[] = [{ kind: 'continuous' }, { kind: 'int', levels: 5 }];
    const X = initialDesign(12, 2, 12).map((p) => [p[0]!, Math.round(p[1]! * 4) / 4]);
    const y = X.map(sphere);
    const lcb = gpPrepare({ X, y, dims, rng: createRandomSource(3), liar: 'lcb' });
    const mean = gpPrepare({ X, y, dims, rng: createRandomSource(3), liar: 'mean' });
    const pending = [[0.3, 0.25]];
    expect(gpPropose(lcb, pending, createRandomSource(6))).toEqual(gpPropose(mean, pending, createRandomSource(6)));
  });

  it('a running trial lowers the batch acquisition at and near it, not far from it (the believer: mean kept, σ removed)', () => {
    const X = initialDesign(12, 2, 8);
    const y = X.map(sphere);
    const prepared = gpPrepare({ X, y, dims: cont(2), rng: createRandomSource(3) });
    const model = prepared.objective!;
    const running = [0.35, 0.25];
    const believer = extendGp(model, [running], [gpPredict(model, running).mean]);
    const near = [0.37, 0.26];
    const far = [0.95, 0.95];
    // The believed value leaves the posterior mean where it was, everywhere.
    for (const p of [running, near, far]) expect(gpPredict(believer, p).mean).toBeCloseTo(gpPredict(model, p).mean, 6);
    // σ² falls to about the fitted noise there.
    expect(gpPredict(believer, running).variance).toBeLessThan(0.1 * gpPredict(model, running).variance);
    const lcb = (m: typeof model, p: number[]) => new LowerConfidenceBound(m, 1).value(p);
    expect(lcb(believer, running)).toBeLessThan(lcb(model, running));
    expect(lcb(believer, near)).toBeLessThan(lcb(model, near));
    expect(lcb(model, near) - lcb(believer, near)).toBeGreaterThan(10 * (lcb(model, far) - lcb(believer, far)));
    // EI with the believed value as incumbent (the mixed-space path): several times less at the running point.
    const best = Math.min(prepared.best!, gpPredict(model, running).mean);
    const ei = (m: typeof model, b: number, p: number[]) => new LogAcquisition(m, b, []).value(p);
    expect(ei(believer, best, running)).toBeLessThan(ei(model, prepared.best!, running) - 1);
    expect(ei(believer, best, near)).toBeLessThan(ei(model, prepared.best!, near));
  });

  it('spreads a batch over a mixed space (integer and categorical): distinct snapped points, several levels', () => {
    // x0 continuous, x1 integer with 5 levels, a categorical of 3 choices; the best category is the second.
    const dims: Dim[] = [{ kind: 'continuous' }, { kind: 'int', levels: 5 }, { kind: 'categorical', choices: 3 }];
    const f = (x: readonly number[]) => (x[0]! - 0.4) ** 2 + (x[1]! - 0.5) ** 2 + (x[3] === 1 ? 0 : 0.5);
    const rng = createRandomSource(21);
    const X: number[][] = [];
    for (let i = 0; i < 12; i++) {
      const c = i % 3;
      X.push([rng(), (Math.floor(rng() * 5) + 0.5) / 5, c === 0 ? 1 : 0, c === 1 ? 1 : 0, c === 2 ? 1 : 0]);
    }
    const prepared = gpPrepare({ X, y: X.map(f), dims, rng: createRandomSource(4) });
    const batch: number[][] = [];
    for (let i = 0; i < 8; i++) batch.push(gpPropose(prepared, batch, createRandomSource(30 + i)));
    const keys = new Set([...X, ...batch].map((p) => p.join(',')));
    expect(keys.size).toBe(X.length + batch.length);
    for (const p of batch) {
      expect([0.1, 0.3, 0.5, 0.7, 0.9]).toContain(p[1]);
      expect(p.slice(2).sort()).toEqual([0, 0, 1]);
    }
    // Not one integer level and one continuous value for the whole batch.
    expect(new Set(batch.map((p) => p[1])).size).toBeGreaterThan(1);
    expect(Math.max(...batch.map((p) => p[0]!)) - Math.min(...batch.map((p) => p[0]!))).toBeGreaterThan(0.01);
  });

  it('predicts the worst observation far from the data (prior mean "worst", the default), the average with "average"', () => {
    // Observations crowded into [0, 0.2] of a 1-D box: x = 1 is far from all of them.
    const X = Array.from({ length: 12 }, (_, i) => [i / 60]);
    const y = X.map(([x]) => Math.sin(30 * x!) + 3 * x!);
    const far = (priorMean: 'worst' | 'average') => {
      const prepared = gpPrepare({ X, y, dims: [{ kind: 'continuous' }] as Dim[], rng: createRandomSource(5), priorMean });
      return gpPredict(prepared.objective!, [1]).mean;
    };
    const mean = y.reduce((a, b) => a + b, 0) / y.length;
    const sd = Math.sqrt(y.reduce((a, b) => a + (b - mean) ** 2, 0) / y.length);
    // In the model's standardised units: the worst value is the largest one (it minimises), shifted to 0.
    expect(far('worst')).toBeCloseTo(0, 1);
    expect(far('average')).toBeCloseTo(0, 1);
    // The same far prediction in the objective's units: the worst observation, against the average.
    const best = Math.min(...y);
    const worst = Math.max(...y);
    const prepared = gpPrepare({ X, y, dims: [{ kind: 'continuous' }] as Dim[], rng: createRandomSource(5) });
    expect(prepared.best).toBeCloseTo((best - worst) / sd, 6);
    const averaged = gpPrepare({ X, y, dims: [{ kind: 'continuous' }] as Dim[], rng: createRandomSource(5), priorMean: 'average' });
    expect(averaged.best).toBeCloseTo((best - mean) / sd, 6);
  });

  it('splits into a fit (gpPrepare) and proposals (gpPropose): one stream through both equals gpSuggest', () => {
    const X = initialDesign(12, 3, 6);
    const y = X.map(sphere);
    const pending = [[0.1, 0.2, 0.3]];
    const stream = createRandomSource(2);
    const prepared = gpPrepare({ X, y, dims: cont(3), rng: stream });
    expect(gpPropose(prepared, pending, stream)).toEqual(gpSuggest({ X, y, pending, dims: cont(3), rng: createRandomSource(2) }));
  });

  it('returns one-hot categoricals and grid-snapped integers, and finds the good category', () => {
    // dims: x0 continuous, x1 integer with 5 levels (.1, .3, .5, .7, .9), category c of 3 choices.
    const dims: Dim[] = [{ kind: 'continuous' }, { kind: 'int', levels: 5 }, { kind: 'categorical', choices: 3 }];
    const f = (x: readonly number[]) => (x[0]! - 0.5) ** 2 + (x[1]! - 0.75) ** 2 + (x[4]! === 1 ? 0 : 1);
    const rng = createRandomSource(6);
    const X: number[][] = [];
    for (let i = 0; i < 9; i++) {
      const c = i % 3;
      X.push([rng(), (Math.floor(rng() * 5) + 0.5) / 5, c === 0 ? 1 : 0, c === 1 ? 1 : 0, c === 2 ? 1 : 0]);
    }
    const y = X.map(f);
    const x = gpSuggest({ X, y, dims, rng: createRandomSource(2) });
    expect(x.slice(2).sort()).toEqual([0, 0, 1]);
    expect([0.1, 0.3, 0.5, 0.7, 0.9]).toContain(x[1]);
    expect(x[4]).toBe(1);
  });

  it('prefers the feasible region when constraint values are reported', () => {
    // Objective pulls towards x = 0; the constraint 0.5 − x ≤ 0 makes only x ≥ 0.5 feasible.
    const X = initialDesign(14, 1, 8);
    const y = X.map((x) => x[0]!);
    const constraints = X.map((x) => [0.5 - x[0]!]);
    const x = gpSuggest({ X, y, constraints, dims: cont(1), rng: createRandomSource(3) });
    expect(x[0]).toBeGreaterThan(0.45);
    expect(x[0]).toBeLessThan(0.65);
  });

  it('heads for the feasible region when no observation is feasible yet', () => {
    // Only x ≥ 0.8 is feasible; every observation lies below 0.6.
    const X = [[0.05], [0.2], [0.35], [0.5], [0.6]];
    const x = gpSuggest({ X, y: [1, 2, 3, 4, 5], constraints: X.map((p) => [0.8 - p[0]!]), dims: cont(1), rng: createRandomSource(2) });
    expect(x[0]).toBeGreaterThan(0.7);
  });

  it('fits hyperparameters on a subset when there are many observations, and stays reproducible', () => {
    const X = initialDesign(40, 2, 14);
    const y = X.map(sphere);
    const a = gpSuggestDetailed({ X, y, dims: cont(2), rng: createRandomSource(3), maxFitPoints: 12 });
    const b = gpSuggestDetailed({ X, y, dims: cont(2), rng: createRandomSource(3), maxFitPoints: 12 });
    expect(a).toEqual(b);
    expect(a.point.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(sphere(a.point)).toBeLessThan(Math.min(...y) + 0.05);
  });

  it('works from a single observation', () => {
    const x = gpSuggest({ X: [[0.5, 0.5]], y: [3], dims: cont(2), rng: createRandomSource(1) });
    expect(x.every((v) => Number.isFinite(v) && v >= 0 && v <= 1)).toBe(true);
  });

  it('does not produce NaN on duplicate points and a flat objective', () => {
    const X = [
      [0.5, 0.5],
      [0.5, 0.5],
      [0.5, 0.5],
      [0.1, 0.9],
    ];
    const x = gpSuggest({ X, y: [1, 1, 1, 1], dims: cont(2), rng: createRandomSource(1) });
    expect(x.every((v) => Number.isFinite(v) && v >= 0 && v <= 1)).toBe(true);
  });

  it('names the field and the values when inputs disagree', () => {
    expect(() => gpSuggest({ X: [[0.1, 0.2]], y: [1], dims: cont(3), rng: createRandomSource(1) })).toThrow(
      'X[0] must have 3 coordinates (the encoded width of dims), got 2',
    );
    expect(() => gpSuggest({ X: [[0.1]], y: [Number.NaN], dims: cont(1), rng: createRandomSource(1) })).toThrow('y[0] must be finite, got NaN');
  });
});

describe('gpSuggestMulti', () => {
  it('returns a deterministic point in the cube for two objectives', () => {
    const X = initialDesign(10, 2, 12);
    const values = X.map((x) => [x[0]!, (1 - x[0]!) ** 2 + x[1]!]);
    const input = { X, values, directions: ['minimize', 'minimize'] as const, dims: cont(2) };
    const a = gpSuggestMulti({ ...input, rng: createRandomSource(4) });
    const b = gpSuggestMulti({ ...input, rng: createRandomSource(4) });
    expect(a).toEqual(b);
    expect(a.every((v) => v >= 0 && v <= 1)).toBe(true);
    // x1 only hurts the second objective: every Pareto-optimal point has x1 = 0.
    expect(a[1]).toBeLessThan(0.2);
  });
});

describe('gpSuggestDetailed', () => {
  it('returns hyperparameters that, passed back as a warm start, are reproduced by the refit', () => {
    const X = initialDesign(30, 2, 13);
    const y = X.map((x) => Math.sin(6 * x[0]!) + 0.1 * x[1]!);
    const first = gpSuggestDetailed({ X, y, dims: cont(2), rng: createRandomSource(1) });
    const again = gpSuggestDetailed({ X, y, dims: cont(2), rng: createRandomSource(2), warmStart: first.fit! });
    const [a, b] = [first.fit!.objective, again.fit!.objective];
    for (let p = 0; p < 2; p++) expect(Math.abs(Math.log(b.lengthScales[p]! / a.lengthScales[p]!))).toBeLessThan(0.05);
    // x0 drives the objective, x1 barely: the fitted length scales say so.
    expect(a.lengthScales[0]!).toBeLessThan(a.lengthScales[1]!);
  });
});

describe('modelSubset (the bounded GP past defaultMaxModelPoints)', () => {
  it('keeps every observation up to the bound, in order', () => {
    expect(modelSubset([3, 1, 2], 3, 3)).toEqual([0, 1, 2]);
    expect(modelSubset([3, 1, 2], 3, 500)).toEqual([0, 1, 2]);
  });

  it('past the bound keeps exactly max rows: the best half, the most recent, the rest spread over the history', () => {
    const n = 1000;
    // Values decrease with the index on even rows only, so the best rows are the late even ones.
    const values = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? -i : i));
    const rows = modelSubset(values, n, 100);
    expect(rows).toHaveLength(100);
    expect(new Set(rows).size).toBe(100);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    // The 50 best: even rows 998 down to 900.
    for (let i = 998; i >= 900; i -= 2) expect(rows).toContain(i);
    // The 25 most recent of the others: odd rows 999 down to 951.
    for (let i = 999; i >= 951; i -= 2) expect(rows).toContain(i);
    // The rest reach back to the start of the history.
    expect(rows[0]).toBe(0);
    expect(modelSubset(values, n, 100)).toEqual(rows);
  });

  it('rejects a bound that is not a positive integer, naming it', () => {
    expect(() => modelSubset([1, 2], 2, 0)).toThrow('maxModelPoints must be an integer >= 1, got 0');
  });
});

describe('gpPrepare past defaultMaxModelPoints', { timeout: optimisationTimeout }, () => {
  it('conditions on at most that many observations, keeps the best, and stays deterministic', () => {
    const n = 3 * defaultMaxModelPoints;
    const X = initialDesign(n, 2, 4);
    const y = X.map(sphere);
    const a = gpPrepare({ X, y, dims: cont(2), rng: createRandomSource(3) });
    expect(a.sizes).toEqual({ observations: n, modelPoints: defaultMaxModelPoints, fitPoints: 200 });
    expect(a.objective?.n).toBe(defaultMaxModelPoints);
    const bestRow = y.indexOf(Math.min(...y));
    expect([...a.incumbents[0]!]).toEqual(X[bestRow]);
    const b = gpPrepare({ X, y, dims: cont(2), rng: createRandomSource(3) });
    expect(gpPropose(a, [], createRandomSource(8))).toEqual(gpPropose(b, [], createRandomSource(8)));
  });

  it('uses every observation below it, and honours an explicit maxModelPoints', () => {
    const X = initialDesign(60, 2, 5);
    const y = X.map(sphere);
    expect(gpPrepare({ X, y, dims: cont(2), rng: createRandomSource(3) }).sizes).toEqual({ observations: 60, modelPoints: 60, fitPoints: 60 });
    const small = gpPrepare({ X, y, dims: cont(2), rng: createRandomSource(3), maxModelPoints: 40, maxFitPoints: 30 });
    expect(small.sizes).toEqual({ observations: 60, modelPoints: 40, fitPoints: 30 });
    expect(small.objective?.n).toBe(40);
  });
});
