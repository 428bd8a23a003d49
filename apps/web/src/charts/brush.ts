import type { AxisKey, AxisSelection, Brush, ChartParam, ChartTrial, ParamValue, RefineRanges } from './types';

/** What an axis key points at, or null for a key that is neither `param:<name>` nor `objective:<index>`. */
export function parseAxisKey(key: AxisKey): { kind: 'param'; name: string } | { kind: 'objective'; index: number } | null {
  if (key.startsWith('param:')) return { kind: 'param', name: key.slice('param:'.length) };
  if (key.startsWith('objective:')) {
    const index = Number(key.slice('objective:'.length));
    return Number.isInteger(index) && index >= 0 ? { kind: 'objective', index } : null;
  }
  return null;
}

/** The trial's value on an axis; undefined when the trial lacks it (conditional param, no objective yet). */
export function axisValue(trial: ChartTrial, key: AxisKey): ParamValue | undefined {
  const axis = parseAxisKey(key);
  if (axis === null) return undefined;
  if (axis.kind === 'param') return trial.params[axis.name];
  const v = trial.values?.[axis.index];
  return v === null || v === undefined || Number.isNaN(v) ? undefined : v;
}

export function valueInSelection(value: ParamValue | undefined, selection: AxisSelection): boolean {
  // A trial without a value on a brushed axis is outside: the user asked for a region it is not known to be in.
  if (value === undefined) return false;
  if (selection.kind === 'range') return typeof value === 'number' && value >= selection.low && value <= selection.high;
  return selection.values.some((v) => v === value);
}

/** True when the trial lies inside every brushed axis (brushes on several axes combine with AND). */
export function trialInBrush(trial: ChartTrial, brush: Brush): boolean {
  for (const [key, selection] of Object.entries(brush)) {
    if (!valueInSelection(axisValue(trial, key), selection)) return false;
  }
  return true;
}

export function filterByBrush<T extends ChartTrial>(trials: readonly T[], brush: Brush): T[] {
  if (Object.keys(brush).length === 0) return trials.slice();
  return trials.filter((t) => trialInBrush(t, brush));
}

/**
 * Turns the brushes on parameter axes into `studyRefine`'s `ranges`. Objective brushes have no place in a
 * search space and are left out; numeric ranges are clipped to the parameter's bounds (the API snaps them
 * onto the step grid); a categorical brush keeps only known choices. Brushes that would leave nothing
 * (disjoint range, no known choice) are dropped rather than sent for the API to reject.
 */
export function brushToRanges(brush: Brush, params: readonly ChartParam[]): RefineRanges {
  const out: RefineRanges = {};
  for (const [key, selection] of Object.entries(brush)) {
    const axis = parseAxisKey(key);
    if (axis?.kind !== 'param') continue;
    const param = params.find((p) => p.name === axis.name);
    if (param === undefined) continue;
    if (param.kind === 'categorical') {
      if (selection.kind !== 'set') continue;
      const choices = param.choices ?? [];
      const kept = choices.filter((c) => selection.values.some((v) => v === c));
      if (kept.length > 0) out[param.name] = kept;
    } else {
      if (selection.kind !== 'range') continue;
      const low = Math.max(selection.low, param.low ?? -Infinity);
      const high = Math.min(selection.high, param.high ?? Infinity);
      if (low <= high) out[param.name] = [low, high];
    }
  }
  return out;
}
