import { describe, expect, it } from 'vitest';
import { toChartParams, toChartTrial } from './to-chart.ts';

describe('shaping the study for the charts', () => {
  it('turns a space document into axes with log, bounds and choices', () => {
    const params = toChartParams({
      lr: { type: 'float', low: 1e-4, high: 0.1, log: true },
      units: { type: 'int', low: 16, high: 256 },
      optimizer: { type: 'categorical', choices: ['adam', 'sgd'] },
    });
    expect(params).toEqual([
      { name: 'lr', kind: 'float', log: true, low: 1e-4, high: 0.1 },
      { name: 'units', kind: 'int', log: false, low: 16, high: 256 },
      { name: 'optimizer', kind: 'categorical', log: false, choices: ['adam', 'sgd'] },
    ]);
  });

  it('names the parameter of an entry it cannot read', () => {
    expect(() => toChartParams({ lr: { type: 'gaussian' } })).toThrow(/"lr".*"gaussian"/);
  });

  it('drops parameter values the charts cannot plot', () => {
    const trial = toChartTrial({ id: 'a', number: 0, state: 'COMPLETE', params: { lr: 0.1, nested: { x: 1 } }, values: [1], durationSeconds: null });
    expect(trial.params).toEqual({ lr: 0.1 });
  });
});
