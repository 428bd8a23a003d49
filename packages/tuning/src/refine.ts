import { SpaceError, show } from './errors.ts';
import { paramAccepts, parseSpace, spaceContains, spaceToJson } from './space.ts';
import type { ParamDef, ParamSpecJson, SearchSpace, SpaceJson } from './space.ts';
import { internalBounds, snap, toInternal } from './space-codec.ts';
import type { Direction, FrozenTrial, ParamValue, TrialState } from './types.ts';

/** A brushed range: [low, high] for a numeric parameter, the kept choices for a categorical one. */
export type RefineRange = readonly [number, number] | readonly ParamValue[];

/** Relative slack when rounding a brushed bound onto a step, so 0.30000000000000004 counts as 0.3. */
const GRID_EPS = 1e-9;

function refineNumeric(p: Exclude<ParamDef, { type: 'categorical' }>, range: RefineRange): ParamSpecJson {
  // Checked before it is unpacked: an object or a string is not iterable like a pair.
  const pair: readonly unknown[] = Array.isArray(range) ? range : [];
  const [lo, hi] = pair;
  if (pair.length !== 2 || typeof lo !== 'number' || typeof hi !== 'number' || Number.isNaN(lo) || Number.isNaN(hi)) {
    throw new SpaceError(p.name, 'range pair', `a numeric range must be [low, high] with numbers, got ${show(range)}`);
  }
  if (!(lo <= hi)) throw new SpaceError(p.name, 'low <= high', `\`low <= high\` must hold for the range, got low=${lo}, high=${hi}`);
  let low = Math.max(lo, p.low);
  let high = Math.min(hi, p.high);
  if (low > high) {
    throw new SpaceError(p.name, 'range overlaps', `the range [${lo}, ${hi}] must overlap the parameter's [${p.low}, ${p.high}]`);
  }
  if (p.step !== undefined) {
    const step = p.step;
    let kLo = Math.ceil((low - p.low) / step - GRID_EPS);
    let kHi = Math.floor((high - p.low) / step + GRID_EPS);
    if (kLo > kHi) kLo = kHi = Math.round(((low + high) / 2 - p.low) / step);
    low = snap(p, p.low + kLo * step);
    high = snap(p, p.low + kHi * step);
  }
  const out: Extract<ParamSpecJson, { type: 'float' | 'int' }> = { type: p.type, low, high };
  if (p.log) out.log = true;
  if (p.step !== undefined && !(p.type === 'int' && p.step === 1)) out.step = p.step;
  return out;
}

/**
 * Narrows a space to brushed ranges (numbers: [low, high]; categoricals: the kept choices) and returns a
 * valid space: ranges are clipped to the original, bounds are moved inward onto the step grid (ints
 * rounded), log scales kept, and `when` conditions kept — a child whose condition can no longer hold is
 * dropped with its descendants. Parameters without a range keep theirs. Throws a {@link SpaceError} naming
 * the parameter for an unknown name, a reversed or disjoint range, or an empty or unknown choice.
 */
export function refineSpace(space: SearchSpace, ranges: Readonly<Record<string, RefineRange>>): SearchSpace {
  for (const name of Object.keys(ranges)) {
    if (space.index[name] === undefined) {
      throw new SpaceError(name, 'known parameter', `cannot refine an unknown parameter (known: ${space.params.map((p) => p.name).join(', ')})`);
    }
  }
  const json: SpaceJson = spaceToJson(space);
  const refined = new Map<string, ParamDef>();
  for (const p of space.params) {
    const range = ranges[p.name];
    if (range === undefined) continue;
    if (p.type === 'categorical') {
      if (!Array.isArray(range) || range.length === 0) {
        throw new SpaceError(p.name, 'choices non-empty', `a categorical range must be a non-empty list of choices, got ${show(range)}`);
      }
      for (const v of range) {
        if (!paramAccepts(p, v)) throw new SpaceError(p.name, 'known choice', `cannot keep ${show(v)}, which is not one of ${show(p.choices)}`);
      }
      const kept = p.choices.filter((c) => range.some((v) => paramAccepts({ ...p, choices: [c] }, v)));
      json[p.name] = { type: 'categorical', choices: kept, ...(p.when ? { when: p.when } : {}) };
      refined.set(p.name, { ...p, choices: kept });
    } else {
      const spec = { ...refineNumeric(p, range), ...(p.when ? { when: p.when } : {}) } as ParamSpecJson;
      json[p.name] = spec;
      refined.set(p.name, parseSpace({ [p.name]: { ...spec, when: undefined } }).params[0] as ParamDef);
    }
  }
  // Conditions: keep the values the refined parents can still take; drop children that can never exist.
  const dropped = new Set<string>();
  for (const p of space.params) {
    if (!p.when) continue;
    const when: Record<string, ParamValue[]> = {};
    let alive = true;
    for (const [parent, values] of Object.entries(p.when)) {
      const def = refined.get(parent) ?? space.params[space.index[parent] as number];
      const keep = dropped.has(parent) ? [] : values.filter((v) => def !== undefined && paramAccepts(def, v));
      if (keep.length === 0) alive = false;
      when[parent] = keep;
    }
    if (!alive) {
      dropped.add(p.name);
      delete json[p.name];
    } else {
      (json[p.name] as { when?: Record<string, ParamValue[]> }).when = when;
    }
  }
  return parseSpace(json);
}

export interface SuggestRefinementOptions {
  /** Fraction (0–1] of the COMPLETE trials, best first, whose region is proposed (default 0.2). */
  topQuantile?: number;
  /** Slack added on each side, as a fraction of the parameter's original (log) range (default 0.1). */
  margin?: number;
  /** Direction of the first objective (default 'minimize'). */
  direction?: Direction;
}

/** Defaults of {@link suggestRefinement}. */
export const DEFAULT_TOP_QUANTILE = 0.2;
export const DEFAULT_REFINE_MARGIN = 0.1;

/**
 * Proposes the region holding the best trials: the COMPLETE trials in the top `topQuantile` by the first
 * objective, their bounding box per parameter in the (log) scale widened by `margin` of the original
 * range, and the categories they use. Returns the ranges (for the dashboard's brushes) and the refined space.
 */
export function suggestRefinement(
  space: SearchSpace,
  trials: readonly FrozenTrial[],
  options: SuggestRefinementOptions = {},
): { ranges: Record<string, RefineRange>; space: SearchSpace } {
  const q = options.topQuantile ?? DEFAULT_TOP_QUANTILE;
  const margin = options.margin ?? DEFAULT_REFINE_MARGIN;
  if (!(q > 0 && q <= 1)) throw new RangeError(`\`0 < topQuantile <= 1\` must hold, got topQuantile=${q}`);
  if (!(margin >= 0)) throw new RangeError(`\`margin >= 0\` must hold, got margin=${margin}`);
  const sign = options.direction === 'maximize' ? -1 : 1;
  const complete = trials
    .filter((t) => t.state === 'COMPLETE' && Number.isFinite(t.values?.[0]) && spaceContains(space, t.params))
    .sort((a, b) => sign * ((a.values?.[0] as number) - (b.values?.[0] as number)));
  if (complete.length === 0) {
    throw new RangeError('suggestRefinement needs at least one COMPLETE trial inside the space with a finite value, got none');
  }
  const top = complete.slice(0, Math.max(1, Math.ceil(q * complete.length)));
  const ranges: Record<string, RefineRange> = {};
  for (const p of space.params) {
    const values = top.map((t) => t.params[p.name]).filter((v): v is ParamValue => v !== undefined);
    if (values.length === 0) continue;
    if (p.type === 'categorical') {
      ranges[p.name] = p.choices.filter((c) => values.includes(c));
      continue;
    }
    const ts = values.map((v) => toInternal(p, v as number));
    const { low, high } = internalBounds(p);
    const pad = margin * (high - low);
    const from = (t: number): number => (p.log ? Math.exp(t) : t);
    ranges[p.name] = [Math.max(p.low, from(Math.min(...ts) - pad)), Math.min(p.high, from(Math.max(...ts) + pad))];
  }
  return { ranges, space: refineSpace(space, ranges) };
}

/**
 * The trials a refined study can inherit: those in the given states (COMPLETE by default) whose params are
 * a point of `space` (every active parameter present and inside, nothing extra).
 */
export function trialsInside(
  space: SearchSpace,
  trials: readonly FrozenTrial[],
  states: readonly TrialState[] = ['COMPLETE'],
): FrozenTrial[] {
  return trials.filter((t) => states.includes(t.state) && spaceContains(space, t.params));
}
