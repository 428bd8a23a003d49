import { describe, expect, it } from 'vitest';
import type { ChartTrial } from '../types.ts';
import { bestSoFar, historyPoints } from './transform.ts';

const t = (number: number, state: ChartTrial['state'], value: number | null): ChartTrial => ({
  id: `t${number}`,
  number,
  state,
  params: {},
  values: value === null ? null : [value],
  durationSeconds: null,
});

const trials = [t(3, 'COMPLETE', 0.4), t(0, 'COMPLETE', 0.5), t(1, 'COMPLETE', 0.7), t(2, 'PRUNED', 0.1), t(4, 'RUNNING', null), t(5, 'COMPLETE', 0.2)];

describe('history chart transform', () => {
  it('keeps complete trials with a value, in trial order', () => {
    expect(historyPoints(trials, 0).map((p) => [p.number, p.value])).toEqual([
      [0, 0.5],
      [1, 0.7],
      [3, 0.4],
      [5, 0.2],
    ]);
  });

  it('tracks the best so far when minimising', () => {
    expect(bestSoFar(historyPoints(trials, 0), 'MINIMIZE').map((p) => p.value)).toEqual([0.5, 0.5, 0.4, 0.2]);
  });

  it('tracks the best so far when maximising', () => {
    expect(bestSoFar(historyPoints(trials, 0), 'MAXIMIZE').map((p) => p.value)).toEqual([0.5, 0.7, 0.7, 0.7]);
  });

  it('reads the requested objective of a multi-objective trial', () => {
    const multi: ChartTrial = { ...t(0, 'COMPLETE', null), values: [1, 42] };
    expect(historyPoints([multi], 1)).toEqual([{ trialId: 't0', number: 0, value: 42 }]);
  });
});
