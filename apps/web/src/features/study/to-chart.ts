// Shapes the API's study and trials into the charts' props (pure, so the page and its tests share it).
import { parseSpace } from '@tuneboard/contract';
import type { ChartObjective, ChartParam, ChartTrial, ParamValue, TrialState } from '@/charts';

/** A metric value as the API sends it: a number, or "NaN" / "Infinity" / "-Infinity" / "-0" as strings. */
export type WireMetric = number | string;

export interface WireTrial {
  id: string;
  number: number;
  state: TrialState;
  params: unknown;
  values: readonly WireMetric[] | null;
  durationSeconds: number | null;
}

/** Non-finite values are not plottable: the charts treat null as "no value". */
export function metricNumber(value: WireMetric | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

function isParamValue(value: unknown): value is ParamValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

export function toChartTrial(trial: WireTrial): ChartTrial {
  const params: Record<string, ParamValue | undefined> = {};
  if (trial.params && typeof trial.params === 'object') {
    for (const [name, value] of Object.entries(trial.params as Record<string, unknown>)) {
      if (isParamValue(value)) params[name] = value;
    }
  }
  return {
    id: trial.id,
    number: trial.number,
    state: trial.state,
    params,
    values: trial.values ? trial.values.map(metricNumber) : null,
    durationSeconds: trial.durationSeconds,
  };
}

/**
 * The study's `space` document as chart axes, in the space's own order (parents first), read by the study
 * contract's parser: the one reading of a space the API, the runner and the dashboard share. Throws naming the
 * parameter when the document is not a valid space, so a broken document is visible.
 */
export function toChartParams(space: unknown): ChartParam[] {
  return parseSpace(space).params.map((p) =>
    p.type === 'categorical'
      ? { name: p.name, kind: 'categorical', log: false, choices: p.choices.slice() }
      : { name: p.name, kind: p.type, log: p.log, low: p.low, high: p.high },
  );
}

export function toChartObjectives(objectives: readonly { name: string; direction: 'MINIMIZE' | 'MAXIMIZE' }[]): ChartObjective[] {
  return objectives.map((o) => ({ name: o.name, direction: o.direction }));
}
