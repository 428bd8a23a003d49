import { describe, expect, it } from 'vitest';
import type { Dim } from '../numeric/dims.ts';
import { createRandomSource } from '../rng.ts';
import { hypervolume } from './hypervolume.ts';
import type { Nsga2Trial } from './nsga2.ts';
import { nsga2Population, nsga2Suggest, polynomialMutation, sbx } from './nsga2.ts';

const zdt1 = (x: readonly number[]): number[] => {
  const g = 1 + (9 * x.slice(1).reduce((a, v) => a + v, 0)) / (x.length - 1);
  return [x[0]!, g * (1 - Math.sqrt(x[0]! / g))];
};
const cont = (d: number): Dim[] => Array.from({ length: d }, () => ({ kind: 'continuous' }));

// Whole optimisation runs: a generous limit because test machines are shared; no test asserts speed.
const optimisationTimeout = 60_000;

describe('nsga2Suggest', { timeout: optimisationTimeout }, () => {
  it('improves the hypervolume of its population on ZDT1 over generations', () => {
    const populationSize = 20;
    const dims = cont(6);
    const rng = createRandomSource(3);
    const history: Nsga2Trial[] = [];
    const hvAfter: number[] = [];
    for (let g = 0; g < 25; g++) {
      for (let i = 0; i < populationSize; i++) {
        const x = nsga2Suggest({ history, directions: ['minimize', 'minimize'], dims, populationSize, rng });
        history.push({ x, values: zdt1(x) });
      }
      const population = nsga2Population(history, ['minimize', 'minimize'], populationSize)!;
      hvAfter.push(hypervolume(population.map((m) => history[m.index]!.values), [1.1, 11], ['minimize', 'minimize']));
    }
    // Elitism: the population's hypervolume never drops; and it grows substantially (the true front's is ≈ 10.77).
    for (let g = 1; g < hvAfter.length; g++) expect(hvAfter[g]).toBeGreaterThanOrEqual(hvAfter[g - 1]! - 1e-12);
    expect(hvAfter[24]! - hvAfter[0]!).toBeGreaterThan(1);
    expect(hvAfter[24]).toBeGreaterThan(10);
  });

  it('is random until the first generation completes, then reproducible for the same seed', () => {
    const history: Nsga2Trial[] = [];
    const rng = createRandomSource(1);
    for (let i = 0; i < 10; i++) {
      const x = nsga2Suggest({ history, directions: ['minimize', 'minimize'], dims: cont(3), populationSize: 10, rng });
      history.push({ x, values: zdt1(x) });
    }
    const ask = () =>
      nsga2Suggest({ history, directions: ['minimize', 'minimize'], dims: cont(3), populationSize: 10, rng: createRandomSource(9) });
    expect(ask()).toEqual(ask());
    expect(ask().every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('keeps categoricals one-hot and integers on their grid', () => {
    const dims: Dim[] = [{ kind: 'categorical', choices: 3 }, { kind: 'int', levels: 4 }, { kind: 'continuous' }];
    const history: Nsga2Trial[] = [];
    const rng = createRandomSource(4);
    for (let i = 0; i < 60; i++) {
      const x = nsga2Suggest({ history, directions: ['minimize', 'maximize'], dims, populationSize: 8, rng });
      expect(x.slice(0, 3).sort()).toEqual([0, 0, 1]);
      expect([0.125, 0.375, 0.625, 0.875]).toContain(x[3]);
      history.push({ x, values: [x[4]! + x[0]!, x[3]!] });
    }
  });

  it('keeps feasible trials over infeasible ones with better objectives (constraint-domination)', () => {
    const history: Nsga2Trial[] = [
      { x: [0.1], values: [0], constraints: [1] },
      { x: [0.2], values: [0], constraints: [2] },
      { x: [0.3], values: [5], constraints: [-1] },
      { x: [0.4], values: [6], constraints: [0] },
    ];
    const population = nsga2Population(history, ['minimize'], 2)!;
    // Generation 0 = trials 0, 1; generation 1 = trials 2, 3 (both feasible) replace them.
    expect(population.map((m) => m.index).sort()).toEqual([2, 3]);
  });
});

describe('variation operators', () => {
  it('keep children inside [0, 1] and centred on the parents (seeded, tolerance 0.01)', () => {
    const rng = createRandomSource(8);
    let sum = 0;
    let lo = Infinity;
    let hi = -Infinity;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const c = sbx(0.3, 0.5, 20, rng);
      const m = polynomialMutation(0.02, 20, rng);
      lo = Math.min(lo, c, m);
      hi = Math.max(hi, c, m);
      sum += c;
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThanOrEqual(1);
    expect(Math.abs(sum / n - 0.4)).toBeLessThan(0.01);
  });
});
