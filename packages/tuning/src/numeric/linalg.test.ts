import { describe, expect, it } from 'vitest';
import { choleskyInverse, choleskySolve, choleskyWithJitter, symmetricEigen } from './linalg.ts';

describe('choleskyWithJitter', () => {
  it('factors a known 3×3 matrix exactly', () => {
    // A = L Lᵀ with L = [[2,0,0],[6,1,0],[-8,5,3]].
    const a = Float64Array.from([4, 12, -16, 12, 37, -43, -16, -43, 98]);
    const { factor, jitter } = choleskyWithJitter(a, 3);
    expect(jitter).toBe(0);
    expect(Array.from(factor)).toEqual([2, 0, 0, 6, 1, 0, -8, 5, 3]);
  });

  it('adds jitter to a singular matrix instead of producing NaN', () => {
    // Two identical rows: what duplicate trials give a noiseless kernel.
    const a = Float64Array.from([1, 1, 1, 1]);
    const { factor, jitter } = choleskyWithJitter(a, 2);
    expect(jitter).toBeGreaterThan(0);
    expect(Array.from(factor).every(Number.isFinite)).toBe(true);
  });

  it('solves and inverts consistently with the original matrix', () => {
    const a = Float64Array.from([4, 2, 0.6, 2, 3, 0.4, 0.6, 0.4, 2]);
    const { factor } = choleskyWithJitter(a, 3);
    const x = choleskySolve(factor, 3, [1, 2, 3]);
    for (let i = 0; i < 3; i++) {
      const ax = a[i * 3]! * x[0]! + a[i * 3 + 1]! * x[1]! + a[i * 3 + 2]! * x[2]!;
      expect(ax).toBeCloseTo(i + 1, 12);
    }
    const inv = choleskyInverse(factor, 3);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += a[i * 3 + k]! * inv[k * 3 + j]!;
        expect(s).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
  });
});

describe('symmetricEigen', () => {
  it('finds eigenvalues 1 and 3 of [[2,1],[1,2]] with orthonormal eigenvectors', () => {
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect([...values].sort()).toEqual([expect.closeTo(1, 12), expect.closeTo(3, 12)]);
    // Columns are eigenvectors: A v = λ v.
    for (let c = 0; c < 2; c++) {
      const v0 = vectors[c]!;
      const v1 = vectors[2 + c]!;
      expect(2 * v0 + v1).toBeCloseTo(values[c]! * v0, 12);
      expect(v0 + 2 * v1).toBeCloseTo(values[c]! * v1, 12);
      expect(v0 * v0 + v1 * v1).toBeCloseTo(1, 12);
    }
  });
});
