import { describe, expect, it } from 'vitest';
import { createRandomSource } from '../rng.ts';
import { constrainedDominates, crowdingDistance, nonDominatedRanks, nonDominatedSort, paretoFront } from './pareto.ts';

describe('paretoFront', () => {
  it('keeps the non-dominated points of a known set, duplicates included', () => {
    const points = [
      [1, 5],
      [2, 3],
      [3, 4], // dominated by [2, 3]
      [4, 1],
      [2, 3], // duplicate of a front point: not dominated
      [5, 5],
    ];
    expect(paretoFront(points, ['minimize', 'minimize'])).toEqual([0, 1, 3, 4]);
  });

  it('agrees with the first front of the full non-dominated sort in 3 and 4 objectives', () => {
    const rng = createRandomSource(6);
    for (const m of [3, 4]) {
      const points = Array.from({ length: 400 }, () => Array.from({ length: m }, () => Math.floor(rng() * 8)));
      const dirs = Array.from({ length: m }, (_, k): 'minimize' | 'maximize' => (k % 2 === 0 ? 'minimize' : 'maximize'));
      expect(paretoFront(points, dirs)).toEqual(nonDominatedSort(points, dirs)[0]);
    }
  });

  it('respects maximised objectives', () => {
    // Maximise accuracy, minimise latency.
    const points = [
      [0.9, 30],
      [0.95, 50],
      [0.85, 40], // worse than [0.9, 30] in both
      [0.8, 10],
    ];
    expect(paretoFront(points, ['maximize', 'minimize'])).toEqual([0, 1, 3]);
  });
});

describe('nonDominatedSort', () => {
  it('splits a known set into fronts', () => {
    const points = [
      [1, 1],
      [2, 2],
      [3, 3],
      [1, 3],
      [3, 1],
    ];
    expect(nonDominatedSort(points, ['minimize', 'minimize'])).toEqual([[0], [1, 3, 4], [2]]);
  });

  it('gives the same ranks through the two-objective sweep and the general O(MN²) sort', () => {
    const rng = createRandomSource(5);
    // Values on a coarse grid so ties and duplicates are common.
    const points = Array.from({ length: 300 }, () => [Math.floor(rng() * 12), Math.floor(rng() * 12)]);
    const fast = nonDominatedRanks(points, ['minimize', 'minimize']);
    const general = nonDominatedRanks(points, ['minimize', 'minimize'], points.map(() => undefined));
    expect(fast).toEqual(general);
  });

  it('ranks by constraint-domination when constraints are given', () => {
    const points = [
      [0, 0], // best objectives but infeasible (violation 2)
      [5, 5], // feasible
      [1, 1], // infeasible (violation 1)
    ];
    const constraints = [[2], [-1], [0.5, 0.5]];
    expect(nonDominatedRanks(points, ['minimize', 'minimize'], constraints)).toEqual([2, 0, 1]);
    expect(constrainedDominates([9, 9], 0, [0, 0], 0.1)).toBe(true);
  });
});

describe('crowdingDistance', () => {
  it('gives extremes Infinity and interior points the normalised neighbour gaps', () => {
    // Ranges are 4 in both objectives. (1,2): f1 gap 3−0, f2 gap 4−1 → 3/4 + 3/4. (3,1): gaps 4−1 and 2−0.
    const d = crowdingDistance([
      [0, 4],
      [1, 2],
      [3, 1],
      [4, 0],
    ]);
    expect(d).toEqual([Infinity, 1.5, 1.25, Infinity]);
  });
});
