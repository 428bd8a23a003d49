import { describe, expect, it } from 'vitest';
import { normalCdf } from '../numeric/special';
import { logExpectedImprovement } from './acquisition';

describe('logExpectedImprovement', () => {
  const directEi = (mean: number, variance: number, best: number): number => {
    const s = Math.sqrt(variance);
    const z = (best - mean) / s;
    return s * (Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) + z * normalCdf(z));
  };

  it('matches log of the textbook EI where EI is not tiny', () => {
    for (const [mean, variance, best] of [
      [0, 1, 0],
      [0.3, 0.25, 0],
      [-1, 2, 0.5],
      [2, 0.5, 0],
    ] as const) {
      expect(logExpectedImprovement(mean, variance, best)).toBeCloseTo(Math.log(directEi(mean, variance, best)), 10);
    }
  });

  it('equals log(σ·φ(0)) when the mean equals the incumbent: EI(0 | σ = 2) = 2/√(2π)', () => {
    expect(logExpectedImprovement(1, 4, 1)).toBeCloseTo(Math.log(2 / Math.sqrt(2 * Math.PI)), 14);
  });

  it('stays finite and ordered where the textbook EI underflows', () => {
    expect(directEi(50, 1, 0)).toBe(0);
    const a = logExpectedImprovement(50, 1, 0);
    const b = logExpectedImprovement(60, 1, 0);
    expect(Number.isFinite(a) && Number.isFinite(b)).toBe(true);
    // Worse mean, lower log-EI: gradients still point somewhere useful.
    expect(b).toBeLessThan(a);
    expect(a).toBeCloseTo(-1250 - 0.5 * Math.log(2 * Math.PI) - 2 * Math.log(50), 2);
  });
});
