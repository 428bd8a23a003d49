import { describe, expect, it } from 'vitest';
import { createRandomSource, normal } from './rng.ts';

describe('createRandomSource', () => {
  it('repeats its stream for the same seed and differs for another', () => {
    const a = createRandomSource(42);
    const b = createRandomSource(42);
    const c = createRandomSource(43);
    const sa = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(sa);
    expect(Array.from({ length: 5 }, c)).not.toEqual(sa);
  });

  it('draws uniforms with mean 1/2 and normals with unit variance (seeded, 4σ tolerances)', () => {
    const rng = createRandomSource(7);
    const n = 20000;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const u = rng();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      sum += u;
      const z = normal(rng);
      sq += z * z;
    }
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sq / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
  });
});
