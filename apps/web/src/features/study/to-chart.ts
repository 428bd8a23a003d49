// Shapes the API's study and trials into the charts' props (pure, so the page and its tests share it).
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
 * The study's `space` document (`{lr: {type: 'float', low, high, log}, …}`) as chart axes, in document order.
 * Throws naming the parameter when an entry is not a parameter definition, so a broken document is visible.
 */
export function toChartParams(space: unknown): ChartParam[] {
  if (!space || typeof space !== 'object') throw new Error(`The study's space must be an object, got ${JSON.stringify(space)}`);
  return Object.entries(space as Record<string, Record<string, unknown>>).map(([name, def]) => {
    const type = def?.type;
    if (type === 'categorical') {
      const choices = Array.isArray(def.choices) ? def.choices.filter(isParamValue) : [];
      return { name, kind: 'categorical', log: false, choices };
    }
    if (type === 'float' || type === 'int') {
      return {
        name,
        kind: type,
        log: def.log === true,
        ...(typeof def.low === 'number' ? { low: def.low } : {}),
        ...(typeof def.high === 'number' ? { high: def.high } : {}),
      };
    }
    throw new Error(`Parameter "${name}" of the study's space has type ${JSON.stringify(type)}; expected float, int or categorical`);
  });
}

export function toChartObjectives(objectives: readonly { name: string; direction: 'MINIMIZE' | 'MAXIMIZE' }[]): ChartObjective[] {
  return objectives.map((o) => ({ name: o.name, direction: o.direction }));
}
