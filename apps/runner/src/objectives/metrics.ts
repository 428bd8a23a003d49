/** One value of one metric at one step, as the API stores it (trial, attempt, key, step) → value. */
export interface MetricPoint {
  key: string;
  step: number;
  value: number;
}

/**
 * What the consumer of metric points says back: `'prune'` stops the trial (the API's pruner verdict arrives in
 * the reply to a metrics batch). Anything else continues.
 */
export type MetricsDecision = 'prune' | 'continue' | void;

export type OnMetrics = (points: MetricPoint[]) => MetricsDecision | Promise<MetricsDecision>;
