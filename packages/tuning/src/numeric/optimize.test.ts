import { describe, expect, it } from 'vitest';
import { lbfgsMinimize } from './optimize.ts';

describe('lbfgsMinimize', () => {
  it('finds the minimum (1, 1) of the Rosenbrock function', () => {
    const { x, value } = lbfgsMinimize(
      (p, g) => {
        const [a, b] = [p[0]!, p[1]!];
        if (g) {
          g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
          g[1] = 200 * (b - a * a);
        }
        return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
      },
      [-1.2, 1],
      { maxIterations: 200, gradientTolerance: 1e-10 },
    );
    expect(value).toBeLessThan(1e-12);
    expect(x[0]).toBeCloseTo(1, 5);
    expect(x[1]).toBeCloseTo(1, 5);
  });

  it('stops on the box boundary when the unconstrained minimum lies outside', () => {
    // min (x − 2)² + (y + 1)² over [0,1]² is at (1, 0).
    const { x } = lbfgsMinimize(
      (p, g) => {
        if (g) {
          g[0] = 2 * (p[0]! - 2);
          g[1] = 2 * (p[1]! + 1);
        }
        return (p[0]! - 2) ** 2 + (p[1]! + 1) ** 2;
      },
      [0.5, 0.5],
      { lower: [0, 0], upper: [1, 1] },
    );
    expect(Array.from(x)).toEqual([1, 0]);
  });
});
