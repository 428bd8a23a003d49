import { describe, expect, it } from 'vitest';
import { createRandomSource } from '../rng.ts';
import { hypervolume } from './hypervolume.ts';

/** Union volume of the boxes [p, r] by inclusion–exclusion over all subsets (exponential: tests only). */
function inclusionExclusion(points: number[][], r: number[]): number {
  let total = 0;
  const n = points.length;
  for (let mask = 1; mask < 1 << n; mask++) {
    const corner = r.map(() => -Infinity);
    let bits = 0;
    for (let i = 0; i < n; i++) {
      if (!(mask & (1 << i))) continue;
      bits++;
      points[i]!.forEach((v, k) => (corner[k] = Math.max(corner[k]!, v)));
    }
    const vol = corner.reduce((a, c, k) => a * Math.max(0, r[k]! - c), 1);
    total += bits % 2 === 1 ? vol : -vol;
  }
  return total;
}

describe('hypervolume', () => {
  it('measures a worked 2-D staircase: boxes 3 + 2 + 1 = 6', () => {
    const points = [
      [1, 3],
      [2, 2],
      [3, 1],
      [3, 3], // dominated: adds nothing
    ];
    expect(hypervolume(points, [4, 4], ['minimize', 'minimize'])).toBe(6);
  });

  it('gives the same value when every objective is maximised with mirrored inputs', () => {
    const points = [
      [-1, -3],
      [-2, -2],
      [-3, -1],
    ];
    expect(hypervolume(points, [-4, -4], ['maximize', 'maximize'])).toBe(6);
  });

  it('ignores points that do not dominate the reference', () => {
    expect(hypervolume([[5, 0]], [4, 4], ['minimize', 'minimize'])).toBe(0);
  });

  it('measures two overlapping 3-D boxes: 4 + 2 − 1 = 5', () => {
    const points = [
      [0, 0, 1],
      [1, 1, 0],
    ];
    expect(hypervolume(points, [2, 2, 2], ['minimize', 'minimize', 'minimize'])).toBe(5);
  });

  it('agrees with inclusion–exclusion on random sets in 3, 4 and 5 objectives', () => {
    const rng = createRandomSource(21);
    for (const d of [3, 4, 5]) {
      for (let trial = 0; trial < 5; trial++) {
        const points = Array.from({ length: 8 }, () => Array.from({ length: d }, rng));
        const r = new Array<number>(d).fill(1.1);
        const dirs = new Array<'minimize'>(d).fill('minimize');
        expect(hypervolume(points, r, dirs)).toBeCloseTo(inclusionExclusion(points, r), 12);
      }
    }
  });

  it('names the rule when the reference has the wrong length', () => {
    expect(() => hypervolume([[1, 2]], [3], ['minimize', 'minimize'])).toThrow(
      'reference must have 2 values (one per direction), got 1',
    );
  });
});
