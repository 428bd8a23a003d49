import { describe, expect, it } from 'vitest';
import type { ChartParam, ChartTrial } from '../types.ts';
import { sliceCategories, slicePoints } from './transform.ts';

const t = (number: number, state: ChartTrial['state'], params: ChartTrial['params'], value: number | null): ChartTrial => ({
  id: `t${number}`,
  number,
  state,
  params,
  values: value === null ? null : [value],
  durationSeconds: null,
});
const trials = [
  t(0, 'COMPLETE', { lr: 0.01, opt: 'adam' }, 0.3),
  t(1, 'COMPLETE', { opt: 'lion' }, 0.2),
  t(2, 'PRUNED', { lr: 0.1, opt: 'sgd' }, 0.9),
  t(3, 'COMPLETE', { lr: 0, opt: 'sgd' }, 0.5),
];

describe('slice chart transform', () => {
  it('pairs the parameter with the objective for complete trials that have both', () => {
    const lr: ChartParam = { name: 'lr', kind: 'float', log: false };
    expect(slicePoints(trials, lr, 0).map((p) => [p.number, p.x, p.value])).toEqual([
      [0, 0.01, 0.3],
      [3, 0, 0.5],
    ]);
  });

  it('drops non-positive values on a log parameter', () => {
    const lr: ChartParam = { name: 'lr', kind: 'float', log: true };
    expect(slicePoints(trials, lr, 0).map((p) => p.number)).toEqual([0]);
  });

  it('lists the space choices first, then categories only trials used', () => {
    const opt: ChartParam = { name: 'opt', kind: 'categorical', log: false, choices: ['sgd', 'adam'] };
    expect(sliceCategories(opt, slicePoints(trials, opt, 0))).toEqual(['sgd', 'adam', 'lion']);
  });
});
