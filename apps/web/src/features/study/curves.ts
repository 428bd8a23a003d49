// Learning curves of the visible trials from the StudyCurves query (pure, tested).
import type { ChartTrial, TrialSeries, TrialState } from '@/charts';
import { metricNumber, type WireMetric } from './to-chart.ts';

export interface WireCurveTrial {
  id: string;
  number: number;
  state: TrialState;
  metrics: readonly { key: string; points: readonly { step: number; value: WireMetric }[] }[];
}

/**
 * One series per fetched trial that is visible and reported the key, in trial order; non-finite points are
 * dropped because a line cannot pass through them. The state comes from the live trials (newer than the fetch).
 */
export function visibleSeries(fetched: readonly WireCurveTrial[], visible: readonly ChartTrial[], key: string): TrialSeries[] {
  const states = new Map(visible.map((t) => [t.id, t.state]));
  const out: TrialSeries[] = [];
  for (const trial of fetched) {
    const state = states.get(trial.id);
    if (!state) continue;
    const metric = trial.metrics.find((m) => m.key === key);
    if (!metric) continue;
    const points = [];
    for (const p of metric.points) {
      const value = metricNumber(p.value);
      if (value !== null) points.push({ step: p.step, value });
    }
    if (points.length > 0) out.push({ trialId: trial.id, number: trial.number, state, points });
  }
  return out.sort((a, b) => a.number - b.number);
}
