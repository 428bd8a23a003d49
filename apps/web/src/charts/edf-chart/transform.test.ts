import { describe, expect, it } from 'vitest';
import type { ChartTrial } from '../types.ts';
import { completeValues, edfSteps } from './transform.ts';

const t = (number: number, state: ChartTrial['state'], value: number | null): ChartTrial => ({
  id: `t${number}`,
  number,
  state,
  params: {},
  values: value === null ? null : [value],
  durationSeconds: null,
});

describe('EDF chart transform', () => {
  it('takes finite objective values of complete trials only', () => {
    expect(completeValues([t(0, 'COMPLETE', 2), t(1, 'PRUNED', 1), t(2, 'COMPLETE', null), t(3, 'COMPLETE', 5)], 0)).toEqual([2, 5]);
  });

  it('when minimising, gives the fraction at or below each distinct value, rising to 1', () => {
    expect(edfSteps([3, 1, 2, 2], 'MINIMIZE')).toEqual([
      { value: 1, fraction: 0.25 },
      { value: 2, fraction: 0.75 },
      { value: 3, fraction: 1 },
    ]);
  });

  it('when maximising, gives the fraction at or above each distinct value, falling from 1', () => {
    expect(edfSteps([3, 1, 2, 2], 'MAXIMIZE')).toEqual([
      { value: 1, fraction: 1 },
      { value: 2, fraction: 0.75 },
      { value: 3, fraction: 0.25 },
    ]);
  });

  it('is empty without values', () => {
    expect(edfSteps([], 'MINIMIZE')).toEqual([]);
  });
});
