import type { AxisKey, AxisSelection, Brush, ChartParam, ChartTrial, ParamValue, RefineRanges } from './types.ts';

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

/** Reads one axis' value from a trial: the key parsed once, not once per trial (100,000 trials × 8 axes). */
export function axisAccessor(key: AxisKey): (trial: ChartTrial) => ParamValue | undefined {
  const axis = parseAxisKey(key);
  if (axis === null) return () => undefined;
  if (axis.kind === 'param') {
    const { name } = axis;
    return (trial) => trial.params[name];
  }
  const { index } = axis;
  return (trial) => {
    const v = trial.values?.[index];
    return v === null || v === undefined || Number.isNaN(v) ? undefined : v;
  };
}

/**
 * The brush as one test, compiled once per brush: each axis' accessor and selection are prepared up front, so
 * filtering 100,000 trials costs a few comparisons each. Null when nothing is brushed (every trial passes).
 */
export function brushTest(brush: Brush): ((trial: ChartTrial) => boolean) | null {
  const checks = Object.entries(brush).map(([key, selection]): ((trial: ChartTrial) => boolean) => {
    const value = axisAccessor(key);
    if (selection.kind === 'range') {
      const { low, high } = selection;
      return (trial) => {
        const v = value(trial);
        return typeof v === 'number' && v >= low && v <= high;
      };
    }
    const values = new Set<ParamValue>(selection.values);
    return (trial) => {
      const v = value(trial);
      return v !== undefined && values.has(v);
    };
  });
  if (checks.length === 0) return null;
  return (trial) => {
    for (const check of checks) if (!check(trial)) return false;
    return true;
  };
}

/** True when the trial lies inside every brushed axis (brushes on several axes combine with AND). */
export function trialInBrush(trial: ChartTrial, brush: Brush): boolean {
  return brushTest(brush)?.(trial) ?? true;
}

export function filterByBrush<T extends ChartTrial>(trials: readonly T[], brush: Brush): T[] {
  const test = brushTest(brush);
  return test === null ? trials.slice() : trials.filter(test);
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
