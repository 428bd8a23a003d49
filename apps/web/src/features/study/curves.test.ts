import { describe, expect, it } from 'vitest';
import type { ChartTrial } from '@/charts';
import { visibleSeries } from './curves.ts';

const visible: ChartTrial[] = [
  { id: 'a', number: 0, state: 'COMPLETE', params: {}, values: [1], durationSeconds: 1 },
  { id: 'b', number: 1, state: 'PRUNED', params: {}, values: null, durationSeconds: 1 },
];

describe('learning curves of the visible trials', () => {
  it('keeps only visible trials that reported the key, with their live state and finite points', () => {
    const series = visibleSeries(
      [
        { id: 'b', number: 1, state: 'RUNNING', metrics: [{ key: 'val_loss', points: [{ step: 0, value: 2 }, { step: 1, value: 'NaN' }] }] },
        { id: 'a', number: 0, state: 'COMPLETE', metrics: [{ key: 'val_loss', points: [{ step: 0, value: 1 }] }] },
        { id: 'c', number: 2, state: 'COMPLETE', metrics: [{ key: 'val_loss', points: [{ step: 0, value: 3 }] }] },
      ],
      visible,
      'val_loss',
    );
    expect(series).toEqual([
      { trialId: 'a', number: 0, state: 'COMPLETE', points: [{ step: 0, value: 1 }] },
      { trialId: 'b', number: 1, state: 'PRUNED', points: [{ step: 0, value: 2 }] },
    ]);
  });

  it('leaves out trials without the key', () => {
    expect(visibleSeries([{ id: 'a', number: 0, state: 'COMPLETE', metrics: [{ key: 'acc', points: [{ step: 0, value: 1 }] }] }], visible, 'val_loss')).toEqual([]);
  });
});
