import { describe, expect, it } from 'vitest';
import { hypervolume } from '../../multi/hypervolume.ts';
import { parseSpace } from '../../space.ts';
import type { FrozenTrial, Params } from '../../types.ts';
import { MOTPE_MIN_WEIGHT, motpeReferencePoint, motpeWeightsBelow, selectByHypervolume, splitMultiObjective } from './motpe.ts';
import { createRandomSampler } from '../random.ts';
import { createTpeSampler } from './sampler.ts';

// Worked example, both objectives minimised:
//   front 0: A(1, 5)  B(2, 2)  C(5, 1)
//   front 1: D(2, 6)  E(3, 3)  F(4, 2.5)  G(6, 2)
//   front 2: H(7, 7)
const points = [
  [1, 5], // 0 A
  [2, 6], // 1 D
  [2, 2], // 2 B
  [3, 3], // 3 E
  [5, 1], // 4 C
  [4, 2.5], // 5 F
  [6, 2], // 6 G
  [7, 7], // 7 H
];

describe('MOTPE split and weights', () => {
  it('pushes the reference point out from the worst value, whatever its sign', () => {
    expect(motpeReferencePoint([[1, -2], [3, -4]])).toEqual([3.3000000000000003, -1.8]);
    expect(motpeReferencePoint([[0, 1], [0, 2]])).toEqual([MOTPE_MIN_WEIGHT, 2.2]);
  });

  it('keeps whole fronts while they fit', () => {
    expect(splitMultiObjective(points, 3)).toEqual({ below: [0, 2, 4], above: [1, 3, 5, 6, 7] });
    expect(splitMultiObjective(points, 7)).toEqual({ below: [0, 1, 2, 3, 4, 5, 6], above: [7] });
  });

  it('cuts the first front that does not fit by hypervolume contribution', () => {
    // Front 1 = D, E, F, G; reference = (1.1·6, 1.1·6) = (6.6, 6.6). Alone, E dominates (6.6−3)·(6.6−3) = 12.96,
    // F 2.6·4.1 = 10.66, G 0.6·4.6 = 2.76, D 4.6·0.6 = 2.76: E goes first. Beside E, F adds (6.6−4)·(3−2.5) = 1.3,
    // G (6.6−6)·(3−2) = 0.6, D (3−2)·(6.6−6) = 0.6: F second.
    expect(selectByHypervolume([[2, 6], [3, 3], [4, 2.5], [6, 2]], 2, [6.6, 6.6])).toEqual([1, 2]);
    expect(splitMultiObjective(points, 4)).toEqual({ below: [0, 2, 3, 4], above: [1, 5, 6, 7] });
    expect(splitMultiObjective(points, 5)).toEqual({ below: [0, 2, 3, 4, 5], above: [1, 6, 7] });
  });

  it('picks a greedy subset whose hypervolume no other subset of the same size beats on a small front', () => {
    const front = [[1, 9], [2, 6], [3, 5], [4, 4.5], [6, 2], [9, 1]];
    const ref = motpeReferencePoint(front);
    const dirs = ['minimize', 'minimize'] as const;
    const chosen = selectByHypervolume(front, 3, ref);
    const hv = hypervolume(chosen.map((i) => front[i]!), ref, [...dirs]);
    let best = 0;
    for (let a = 0; a < 6; a++) for (let b = a + 1; b < 6; b++) for (let c = b + 1; c < 6; c++) best = Math.max(best, hypervolume([front[a]!, front[b]!, front[c]!], ref, [...dirs]));
    expect(hv).toBeGreaterThanOrEqual((1 - 1 / Math.E) * best);
    expect(new Set(chosen).size).toBe(3);
  });

  it('weighs l(x) by hypervolume contribution: the largest contributor 1, dominated points almost nothing', () => {
    // Below = A, B, C, E; reference (5.5, 5.5). Contributions: A (2−1)·(5.5−5) = 0.5, B (5−2)·(5−2) = 9 (E is
    // dominated by B, so it takes nothing from B's box), C (5.5−5)·(2−1) = 0.5, E 0.
    const w = motpeWeightsBelow([points[0]!, points[2]!, points[4]!, points[3]!]);
    expect(w[0]).toBeCloseTo(0.5 / 9, 12);
    expect(w[1]).toBe(1);
    expect(w[2]).toBeCloseTo(0.5 / 9, 12);
    expect(w[3]).toBe(MOTPE_MIN_WEIGHT);
    expect(motpeWeightsBelow([[3, 4]])).toEqual([1]);
  });
});

describe('MOTPE sampler', () => {
  const space = parseSpace({ x: { type: 'float', low: 0, high: 1 }, y: { type: 'float', low: 0, high: 1 } });
  // Pareto set: y = 0 and any x; the second objective pulls towards x = 1.
  const f = (p: Params): number[] => [(p.x as number) + 4 * (p.y as number), 1 - (p.x as number) + 4 * (p.y as number)];

  const study = (kind: 'tpe' | 'random', seed: number): FrozenTrial[] => {
    const sampler = kind === 'tpe' ? createTpeSampler({ seed, nStartupTrials: 10 }) : createRandomSampler(seed);
    const trials: FrozenTrial[] = [];
    for (let i = 0; i < 60; i++) {
      const [params] = sampler.ask({ space, trials, directions: ['minimize', 'minimize'] });
      trials.push({ number: i, state: 'COMPLETE', params: params as Params, values: f(params as Params) });
    }
    return trials;
  };
  const hv = (trials: FrozenTrial[]): number => hypervolume(trials.map((t) => t.values as number[]), [5.5, 5.5], ['minimize', 'minimize']);

  it.each([0, 1, 2])('beats random search on hypervolume and spreads along the Pareto set (seed %i)', (seed) => {
    const trials = study('tpe', seed);
    expect(hv(trials)).toBeGreaterThan(hv(study('random', seed)));
    const late = trials.slice(30).map((t) => t.params);
    const meanY = late.reduce((s, p) => s + (p.y as number), 0) / late.length;
    expect(meanY).toBeLessThan(0.35);
    const xs = late.map((p) => p.x as number);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(0.6);
  });
});
