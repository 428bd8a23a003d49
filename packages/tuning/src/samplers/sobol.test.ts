import { describe, expect, it } from 'vitest';
import { ScrambledSobol, sobolDirections } from './sobol.ts';

describe('scrambled Sobol', () => {
  it('matches the unscrambled sequence’s known first points', () => {
    // Unscrambled Sobol in Gray-code order: 0, 1/2, 3/4, 1/4 in dimension 1; 0, 1/2, 1/4, 3/4 in dimension 2.
    const v = sobolDirections(2);
    const point = (i: number, d: number): number => {
      const gray = i ^ (i >> 1);
      let x = 0;
      for (let j = 0; j < 32; j++) if ((gray >> j) & 1) x ^= v[d]![j]!;
      return (x >>> 0) / 2 ** 32;
    };
    expect([0, 1, 2, 3].map((i) => point(i, 0))).toEqual([0, 0.5, 0.75, 0.25]);
    expect([0, 1, 2, 3].map((i) => point(i, 1))).toEqual([0, 0.5, 0.25, 0.75]);
  });

  it('puts exactly one of the first 2^m points in each interval of width 2^-m, in every dimension', () => {
    const s = new ScrambledSobol(40, 11);
    const m = 6;
    const counts = Array.from({ length: 40 }, () => new Array<number>(2 ** m).fill(0));
    for (let i = 0; i < 2 ** m; i++) s.point(i).forEach((x, d) => counts[d]![Math.floor(x * 2 ** m)]!++);
    for (const c of counts) expect(c.every((k) => k === 1)).toBe(true);
  });

  it('stratifies pairs of dimensions: the first 16 points fill a 4 × 4 grid', () => {
    const s = new ScrambledSobol(5, 3);
    const cells = new Set<string>();
    for (let i = 0; i < 16; i++) {
      const p = s.point(i);
      cells.add(`${Math.floor(p[1]! * 4)},${Math.floor(p[2]! * 4)}`);
    }
    expect(cells.size).toBe(16);
  });

  it('scrambles differently for different seeds', () => {
    expect(new ScrambledSobol(3, 1).point(5)).not.toEqual(new ScrambledSobol(3, 2).point(5));
  });
});
