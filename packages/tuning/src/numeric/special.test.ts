import { describe, expect, it } from 'vitest';
import { erfc, logH, logNormalCdf, normalCdf, normalQuantile } from './special.ts';

describe('erfc', () => {
  it('matches reference values across the series/continued-fraction switch', () => {
    // Reference values from a 30-digit evaluation.
    const cases: [number, number][] = [
      [0.1, 0.887537083981715],
      [0.5, 0.4795001221869535],
      [1, 0.15729920705028513],
      [2, 0.004677734981047266],
      [3, 2.209049699858544e-5],
      [10, 2.088487583762545e-45],
      [-1, 1.8427007929497148],
    ];
    for (const [x, want] of cases) expect(Math.abs(erfc(x) - want) / want).toBeLessThan(1e-13);
  });
});

describe('logNormalCdf', () => {
  it('agrees with log Φ in the body and stays finite deep in the lower tail', () => {
    expect(logNormalCdf(0)).toBeCloseTo(Math.log(0.5), 14);
    expect(logNormalCdf(-3)).toBeCloseTo(Math.log(normalCdf(-3)), 12);
    // log Φ(−40) ≈ −z²/2 − log(−z) − ½log(2π) − 1/z² (asymptotic series), = −804.6084420137538.
    expect(logNormalCdf(-40)).toBeCloseTo(-804.6084420137538, 9);
    expect(logNormalCdf(10)).toBeCloseTo(-7.61985302416047e-24, 30);
  });

  it('is inverted by normalQuantile', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalCdf(normalQuantile(1e-10))).toBeCloseTo(1e-10, 22);
  });
});

describe('logH', () => {
  const direct = (z: number): number => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) + z * normalCdf(z);

  it('equals log(φ(z) + zΦ(z)) where that is accurate', () => {
    for (const z of [3, 1, 0, -0.5, -0.999, -1, -2, -4]) {
      expect(logH(z).value).toBeCloseTo(Math.log(direct(z)), 11);
    }
  });

  it('has derivative Φ(z)/h(z), checked by central differences', () => {
    for (const z of [2, 0, -1.5, -8, -150]) {
      const step = 1e-5 * Math.max(1, Math.abs(z));
      const numeric = (logH(z + step).value - logH(z - step).value) / (2 * step);
      expect(logH(z).grad).toBeCloseTo(numeric, 5);
    }
  });

  it('stays finite and smooth where EI itself underflows to zero', () => {
    expect(direct(-40)).toBe(0);
    const v = logH(-40).value;
    // h(z) ~ φ(z)/z² for z → −∞: log ≈ −800 − ½log(2π) − 2·log 40 (times 1 − 3/z² + 15/z⁴ − 105/z⁶; the next term is 1e-10).
    expect(v).toBeCloseTo(-800 - 0.5 * Math.log(2 * Math.PI) - 2 * Math.log(40) + Math.log1p(-3 / 1600 + 15 / 1600 ** 2 - 105 / 1600 ** 3), 8);
    // Continuous across the z = −100 switch to the asymptotic series.
    expect(logH(-100 + 1e-9).value - logH(-100 - 1e-9).value).toBeCloseTo(0, 5);
    expect(Number.isFinite(logH(-1e100).value)).toBe(true);
  });
});
