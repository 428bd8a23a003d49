import { describe, expect, it } from 'vitest';
import type { ChartObjective, ChartTrial } from '../types.ts';
import { paretoFront, paretoPoints } from './transform.ts';
import type { ParetoPoint } from './transform.ts';

const p = (number: number, x: number, y: number): ParetoPoint => ({ trialId: `t${number}`, number, x, y });
// Worked example: loss (min) vs. model size (min).
//   0:(1,9) 1:(2,5) 2:(3,6) 3:(4,2) 4:(5,2) 5:(6,1) 6:(2,7)
// 2 is dominated by 1, 4 by 3, 6 by 1; the front is 0, 1, 3, 5.
const points = [p(0, 1, 9), p(1, 2, 5), p(2, 3, 6), p(3, 4, 2), p(4, 5, 2), p(5, 6, 1), p(6, 2, 7)];
const minMin: ChartObjective[] = [
  { name: 'loss', direction: 'MINIMIZE' },
  { name: 'size', direction: 'MINIMIZE' },
];

describe('pareto chart transform', () => {
  it('finds the front of a worked example when minimising both', () => {
    expect(paretoFront(points, minMin).map((q) => q.number)).toEqual([0, 1, 3, 5]);
  });

  it('follows each objective direction', () => {
    const maxMin: ChartObjective[] = [
      { name: 'accuracy', direction: 'MAXIMIZE' },
      { name: 'size', direction: 'MINIMIZE' },
    ];
    // Maximise x, minimise y: 5 (6,1) dominates everything with x<=6 and y>=1.
    expect(paretoFront(points, maxMin).map((q) => q.number)).toEqual([5]);
    const maxMax: ChartObjective[] = [
      { name: 'a', direction: 'MAXIMIZE' },
      { name: 'b', direction: 'MAXIMIZE' },
    ];
    expect(paretoFront(points, maxMax).map((q) => q.number)).toEqual([0, 6, 2, 4, 5]);
  });

  it('keeps only complete trials with both values', () => {
    const trial = (number: number, state: ChartTrial['state'], values: ChartTrial['values']): ChartTrial => ({ id: `t${number}`, number, state, params: {}, values, durationSeconds: null });
    const pts = paretoPoints([trial(0, 'COMPLETE', [1, 2]), trial(1, 'COMPLETE', [1]), trial(2, 'FAIL', [0, 0]), trial(3, 'COMPLETE', [1, null])]);
    expect(pts.map((q) => q.number)).toEqual([0]);
  });
});
