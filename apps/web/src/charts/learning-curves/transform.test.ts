import { describe, expect, it } from 'vitest';
import type { SeriesPoint, TrialSeries } from '../types.ts';
import { downsample, prepareCurves } from './transform.ts';

const curve = (n: number, f: (i: number) => number): SeriesPoint[] => Array.from({ length: n }, (_, i) => ({ step: i, value: f(i) }));

describe('learning curves transform', () => {
  it('leaves short curves alone', () => {
    const pts = curve(10, (i) => i);
    expect(downsample(pts, 50)).toEqual(pts);
  });

  it('downsamples to at most the limit, keeping first, last and a spike, in step order', () => {
    const pts = curve(10_000, (i) => (i === 4321 ? 100 : Math.sin(i / 50)));
    const out = downsample(pts, 100);
    expect(out.length).toBeLessThanOrEqual(100);
    expect(out.length).toBeGreaterThan(50);
    expect(out[0]).toEqual(pts[0]);
    expect(out[out.length - 1]).toEqual(pts[9999]);
    expect(out.some((p) => p.step === 4321 && p.value === 100)).toBe(true);
    expect(out.every((p, i) => i === 0 || p.step > (out[i - 1] as SeriesPoint).step)).toBe(true);
  });

  it('flags pruned trials and picks the best finished one by its last value', () => {
    const series: TrialSeries[] = [
      { trialId: 'a', number: 0, state: 'COMPLETE', points: curve(5, (i) => 1 - i * 0.1) },
      { trialId: 'b', number: 1, state: 'PRUNED', points: curve(2, () => 0.1) },
      { trialId: 'c', number: 2, state: 'COMPLETE', points: curve(5, (i) => 1 - i * 0.05) },
      { trialId: 'd', number: 3, state: 'RUNNING', points: [] },
    ];
    const min = prepareCurves(series, 'MINIMIZE');
    expect(min.series.map((s) => [s.trialId, s.pruned])).toEqual([
      ['a', false],
      ['b', true],
      ['c', false],
    ]);
    expect(min.series[1]?.last).toEqual({ step: 1, value: 0.1 });
    expect(min.bestTrialId).toBe('a');
    expect(prepareCurves(series, 'MAXIMIZE').bestTrialId).toBe('c');
    expect(min.steps).toEqual([0, 4]);
    expect(min.values[0]).toBeCloseTo(0.1);
    expect(min.values[1]).toBeCloseTo(1);
  });
});
