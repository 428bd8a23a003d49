import { describe, expect, it } from 'vitest';
import { brushTest, brushToRanges, filterByBrush, parseAxisKey, trialInBrush } from './brush.ts';
import type { Brush, ChartParam, ChartTrial } from './types.ts';

const trial = (number: number, params: ChartTrial['params'], values: ChartTrial['values']): ChartTrial => ({
  id: `t${number}`,
  number,
  state: values ? 'COMPLETE' : 'RUNNING',
  params,
  values,
  durationSeconds: null,
});

const trials: ChartTrial[] = [
  trial(0, { lr: 0.001, optimizer: 'adam', momentum: undefined }, [0.5]),
  trial(1, { lr: 0.01, optimizer: 'sgd', momentum: 0.9 }, [0.3]),
  trial(2, { lr: 0.1, optimizer: 'sgd', momentum: 0.5 }, [0.8]),
  trial(3, { lr: 0.005, optimizer: 'adam' }, null),
];

const params: ChartParam[] = [
  { name: 'lr', kind: 'float', log: true, low: 1e-4, high: 1e-1 },
  { name: 'optimizer', kind: 'categorical', log: false, choices: ['adam', 'sgd'] },
  { name: 'momentum', kind: 'float', log: false, low: 0, high: 0.99 },
  { name: 'layers', kind: 'int', log: false, low: 1, high: 8 },
];

describe('brush', () => {
  it('parses param and objective axis keys and rejects others', () => {
    expect(parseAxisKey('param:lr')).toEqual({ kind: 'param', name: 'lr' });
    expect(parseAxisKey('param:a:b')).toEqual({ kind: 'param', name: 'a:b' });
    expect(parseAxisKey('objective:1')).toEqual({ kind: 'objective', index: 1 });
    expect(parseAxisKey('objective:x')).toBeNull();
    expect(parseAxisKey('lr')).toBeNull();
  });

  it('keeps every trial when nothing is brushed', () => {
    expect(filterByBrush(trials, {}).map((t) => t.number)).toEqual([0, 1, 2, 3]);
  });

  it('keeps exactly the trials inside a range, bounds included', () => {
    const brush: Brush = { 'param:lr': { kind: 'range', low: 0.001, high: 0.01 } };
    expect(filterByBrush(trials, brush).map((t) => t.number)).toEqual([0, 1, 3]);
  });

  it('combines brushes on several axes with AND', () => {
    const brush: Brush = {
      'param:lr': { kind: 'range', low: 0.001, high: 0.1 },
      'param:optimizer': { kind: 'set', values: ['sgd'] },
    };
    expect(filterByBrush(trials, brush).map((t) => t.number)).toEqual([1, 2]);
  });

  it('leaves out trials that lack the brushed parameter or objective', () => {
    expect(filterByBrush(trials, { 'param:momentum': { kind: 'range', low: 0, high: 1 } }).map((t) => t.number)).toEqual([1, 2]);
    expect(filterByBrush(trials, { 'objective:0': { kind: 'range', low: 0, high: 0.6 } }).map((t) => t.number)).toEqual([0, 1]);
  });

  it('does not match a number against a range given as a set of other values', () => {
    expect(trialInBrush(trials[0] as ChartTrial, { 'param:optimizer': { kind: 'set', values: ['sgd'] } })).toBe(false);
    expect(trialInBrush(trials[0] as ChartTrial, { 'param:optimizer': { kind: 'range', low: 0, high: 1 } })).toBe(false);
  });

  it('turns parameter brushes into refine ranges, clipped, without objectives', () => {
    const brush: Brush = {
      'param:lr': { kind: 'range', low: 5e-5, high: 0.01 },
      'param:optimizer': { kind: 'set', values: ['sgd', 'rmsprop'] },
      'objective:0': { kind: 'range', low: 0, high: 1 },
      'param:unknown': { kind: 'range', low: 0, high: 1 },
    };
    expect(brushToRanges(brush, params)).toEqual({ lr: [1e-4, 0.01], optimizer: ['sgd'] });
  });

  it('drops brushes that would leave an empty space', () => {
    const brush: Brush = {
      'param:layers': { kind: 'range', low: 10, high: 12 },
      'param:optimizer': { kind: 'set', values: ['rmsprop'] },
    };
    expect(brushToRanges(brush, params)).toEqual({});
  });
  it('compiles a brush into one test that agrees with trialInBrush, and into none without a brush', () => {
    expect(brushTest({})).toBeNull();
    const brush: Brush = {
      'param:optimizer': { kind: 'set', values: ['sgd'] },
      'param:momentum': { kind: 'range', low: 0.4, high: 0.95 },
      'objective:0': { kind: 'range', low: 0, high: 0.6 },
    };
    const test = brushTest(brush)!;
    expect(trials.map((t) => test(t))).toEqual(trials.map((t) => trialInBrush(t, brush)));
    expect(trials.filter(test).map((t) => t.number)).toEqual([1]);
  });
});
