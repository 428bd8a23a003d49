import { describe, expect, it } from 'vitest';
import { createRng, crowdingDistance, hypervolume, nonDominatedSort, paretoFront, parameterImportance, parseSpace } from './index.ts';
import type { FrozenTrial } from './index.ts';

describe('the exported multi-objective helpers', () => {
  // Objectives: minimise the first, maximise the second.
  const points = [
    [1, 5],
    [2, 6],
    [3, 4],
    [4, 8],
    [2, 3],
  ];
  const directions = ['minimize', 'maximize'] as const;

  it('find the Pareto front and the fronts behind it', () => {
    expect(paretoFront(points, [...directions])).toEqual([0, 1, 3]);
    expect(nonDominatedSort(points, [...directions])).toEqual([[0, 1, 3], [2, 4]]);
  });

  it('give the extremes of a front an infinite crowding distance', () => {
    const d = crowdingDistance([
      [1, 3],
      [2, 2],
      [3, 1],
    ]);
    expect(d[0]).toBe(Infinity);
    expect(d[2]).toBe(Infinity);
    expect(d[1]).toBeCloseTo(2, 12);
  });

  it('measure the hypervolume of a known front', () => {
    // Reference (5, 0): boxes [1,5]×[0,5] ∪ [2,5]×[0,6] ∪ [4,5]×[0,8] = 20 + 3 + 2 = 25.
    expect(hypervolume(points, [5, 0], [...directions])).toBeCloseTo(25, 12);
  });
});

describe('parameterImportance', () => {
  it('recovers the one parameter that matters on a synthetic objective', () => {
    const space = parseSpace({
      a: { type: 'float', low: 0, high: 1 },
      b: { type: 'float', low: 0, high: 1 },
      c: { type: 'int', low: 1, high: 10 },
      d: { type: 'categorical', choices: ['x', 'y', 'z'] },
    });
    const rng = createRng(11);
    const trials: FrozenTrial[] = Array.from({ length: 400 }, (_, i) => {
      const params = { a: rng.next(), b: rng.next(), c: 1 + rng.int(10), d: ['x', 'y', 'z'][rng.int(3)] as string };
      return { number: i, state: 'COMPLETE', params, values: [(params.b - 0.2) ** 2 + 0.001 * rng.next(), -params.a] };
    });
    const [first, second] = parameterImportance(space, trials, { directions: ['minimize', 'maximize'], seed: 0 });
    expect(first!.map((r) => r.name)).toEqual(['a', 'b', 'c', 'd']);
    const top = (rows: { name: string; importance: number }[]) => rows.reduce((m, r) => (r.importance > m.importance ? r : m));
    expect(top(first!).name).toBe('b');
    expect(top(first!).importance).toBeGreaterThan(0.6);
    // Maximising −a: a matters for the second objective.
    expect(top(second!).name).toBe('a');
    expect(first!.reduce((s, r) => s + r.importance, 0)).toBeCloseTo(1, 12);
  });
});
