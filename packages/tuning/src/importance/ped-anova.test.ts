import { describe, expect, it } from 'vitest';
import type { Dim } from '../numeric/dims.ts';
import { createRandomSource } from '../rng.ts';
import { pedAnovaImportance, pedAnovaImportancePerObjective } from './ped-anova.ts';

const cont = (d: number): Dim[] => Array.from({ length: d }, () => ({ kind: 'continuous' }));

function sample(n: number, d: number, seed: number): number[][] {
  const rng = createRandomSource(seed);
  return Array.from({ length: n }, () => Array.from({ length: d }, rng));
}

describe('pedAnovaImportance', () => {
  it('gives the only parameter that matters more than 0.8 of the importance', () => {
    const X = sample(2000, 5, 1);
    const y = X.map((x) => (x[2]! - 0.3) ** 2);
    const importance = pedAnovaImportance({ X, y, dims: cont(5) });
    expect(importance[2]).toBeGreaterThan(0.8);
    expect(importance.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('orders parameters by their effect', () => {
    const X = sample(5000, 3, 2);
    const y = X.map((x) => 10 * (x[0]! - 0.5) ** 2 + 2 * (x[1]! - 0.5) ** 2);
    const [a, b, c] = pedAnovaImportance({ X, y, dims: cont(3) });
    expect(a!).toBeGreaterThan(b!);
    expect(b!).toBeGreaterThan(c!);
  });

  it('handles categorical and integer parameters, and maximisation', () => {
    const rng = createRandomSource(3);
    const dims: Dim[] = [{ kind: 'categorical', choices: 4 }, { kind: 'int', levels: 6 }, { kind: 'continuous' }];
    const X = Array.from({ length: 3000 }, () => {
      const c = Math.floor(rng() * 4);
      return [c === 0 ? 1 : 0, c === 1 ? 1 : 0, c === 2 ? 1 : 0, c === 3 ? 1 : 0, (Math.floor(rng() * 6) + 0.5) / 6, rng()];
    });
    // Maximised accuracy driven by the category (choice 2 best) and nothing else; within the top 10% (all of
    // choice 2) ties keep trial order, so the other parameters are a random subset there.
    const y = X.map((x) => [0, 0.3, 1, 0.5][x.slice(0, 4).indexOf(1)]!);
    const importance = pedAnovaImportance({ X, y, dims, minimize: false });
    expect(importance[0]).toBeGreaterThan(0.8);
  });

  it('is uniform when nothing matters (a flat objective) and for a single trial', () => {
    const X = sample(100, 4, 4);
    expect(pedAnovaImportance({ X: X.slice(0, 1), y: [1], dims: cont(4) })).toEqual([0.25, 0.25, 0.25, 0.25]);
    const flat = pedAnovaImportance({ X, y: X.map(() => 3), dims: cont(4) });
    // Ties keep trial order, so the "good" set is the first 10 trials: a random subset, so near-uniform.
    for (const v of flat) expect(v).toBeGreaterThan(0.05);
  });

  it('reports each objective separately', () => {
    const X = sample(3000, 2, 5);
    const values = X.map((x) => [x[0]!, -x[1]!]);
    const [first, second] = pedAnovaImportancePerObjective({ X, values, directions: ['minimize', 'maximize'], dims: cont(2) });
    expect(first![0]).toBeGreaterThan(0.8);
    expect(second![1]).toBeGreaterThan(0.8);
  });
});
