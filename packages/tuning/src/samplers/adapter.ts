// From a search space and a trial history to the numerical cores' inputs (src/numeric/dims.ts layout), and back.
import type { InactiveProjection } from '../gp/acquisition.ts';
import type { Dim, DimSlot } from '../numeric/dims.ts';
import { argmaxGroup, layoutDims, levelValues, nearestLevel, setOneHot } from '../numeric/dims.ts';
import type { ParamDef, SearchSpace } from '../space.ts';
import { choiceIndex, decodeFromUnitCube, discreteCount, discreteValues, encodeValue } from '../space-codec.ts';
import type { Direction, FrozenTrial, Params } from '../types.ts';

/**
 * Discrete numeric parameters with more allowed values than this are modelled as continuous coordinates
 * (the decoder still snaps to the step): a level list that long costs memory and time in every snap and
 * carries no more information than the continuous coordinate.
 */
export const MAX_MODELLED_LEVELS = 1000;

/** The fill coordinate of an inactive continuous or discrete parameter: the centre of its range. */
export const INACTIVE_FILL = 0.5;

/** The numerical cores' view of a study. */
export interface CoreProblem {
  /** One entry per parameter of `space.params`, in order. */
  dims: Dim[];
  /** Encoded width of `dims` (categoricals take one coordinate per choice). */
  width: number;
  /** Observed points, encoded; one per usable trial, in trial-number order. */
  X: number[][];
  /** Per observed point, one value per direction, signed so that every objective is minimised. */
  y: number[][];
  /** Per observed point, its constraint values (≤ 0 feasible), or undefined when no trial reported any. */
  constraints?: number[][];
  /** PENDING and RUNNING trials, encoded. */
  pending: number[][];
  /**
   * FAIL trials, and COMPLETE ones without a finite value per direction (a diverged loss), encoded: where a
   * trial did not produce a result. The GP models the chance of that (see `GpSuggestInput.failed`).
   */
  failed?: number[][];
  /** Trial numbers of the observed points (same order as `X`). */
  numbers: number[];
}

/** The core dim of one parameter. */
export function dimOf(p: ParamDef): Dim {
  if (p.type === 'categorical') return { kind: 'categorical', choices: p.choices.length };
  const count = discreteCount(p);
  if (count === undefined || count > MAX_MODELLED_LEVELS) return { kind: 'continuous' };
  const values = discreteValues(p)!;
  // The codec's cell positions: equal cells for linear steps, log-spaced ones for log ints.
  const positions = values.map((v) => encodeValue(p, v));
  const ascending = positions.every((u, k) => k === 0 || u > positions[k - 1]!);
  if (!ascending) return { kind: 'continuous' };
  const equal = positions.every((u, k) => Math.abs(u - (k + 0.5) / values.length) < 1e-12);
  return equal ? { kind: 'int', levels: values.length } : { kind: 'int', levels: values.length, values: positions };
}

/** Core dims and their layout for a space. */
export function spaceDims(space: SearchSpace): { dims: Dim[]; slots: DimSlot[]; width: number } {
  const dims = space.params.map(dimOf);
  return { dims, ...layoutDims(dims) };
}

/**
 * Encodes a trial's parameters in the cores' coordinates. Continuous and discrete parameters take their
 * unit-cube coordinate (`encodeToUnitCube`: log parameters by their log), discrete ones snapped to their level,
 * categoricals a one-hot group. Inactive parameters (condition false, or absent) and values outside the space
 * are filled with fixed values: the centre of the range (0.5, snapped to the nearest level) for numbers, the
 * first choice for categoricals, so a conditional space becomes a fixed-width vector.
 */
export function encodeParams(space: SearchSpace, slots: readonly DimSlot[], width: number, params: Readonly<Params>): number[] {
  const x = new Array<number>(width).fill(0);
  space.params.forEach((p, i) => {
    const { dim, offset, width: span } = slots[i]!;
    const v = params[p.name];
    if (dim.kind === 'categorical') {
      const k = p.type === 'categorical' && v !== undefined ? choiceIndex(p, v) : -1;
      if (k < 0) writeInactive(x, slots[i]!, 0);
      else setOneHot(x, offset, span, k);
      return;
    }
    const u = v === undefined ? Number.NaN : encodeValue(p, v);
    if (!Number.isFinite(u)) writeInactive(x, slots[i]!, inactiveFill(dim));
    else if (dim.kind === 'int') {
      const levels = levelValues(dim);
      x[offset] = levels[nearestLevel(u, levels)]!;
    } else x[offset] = u;
  });
  return x;
}

/** The coordinate of an inactive float or int parameter: {@link INACTIVE_FILL}, on an integer's nearest level. */
function inactiveFill(dim: Dim): number {
  if (dim.kind !== 'int') return INACTIVE_FILL;
  const levels = levelValues(dim);
  return levels[nearestLevel(INACTIVE_FILL, levels)]!;
}

/** Writes an inactive parameter into `x`: a categorical's first choice, a number's `fill` ({@link inactiveFill}). */
function writeInactive(x: number[] | Float64Array, slot: DimSlot, fill: number): void {
  if (slot.dim.kind === 'categorical') setOneHot(x, slot.offset, slot.width, 0);
  else x[slot.offset] = fill;
}

/**
 * Decodes a point in the cores' coordinates to parameters of the space: a categorical group to its hot
 * choice, other coordinates through `decodeFromUnitCube` (clipped, snapped to steps), so the result always
 * lies inside the space and holds exactly the parameters whose conditions hold.
 */
export function decodeParams(space: SearchSpace, slots: readonly DimSlot[], x: readonly number[]): Params {
  const u = space.params.map((p, i) => {
    const { dim, offset, width: span } = slots[i]!;
    if (dim.kind === 'categorical') return (argmaxGroup(x, offset, span) + 0.5) / span;
    return x[offset]!;
  });
  return decodeFromUnitCube(space, u);
}

/**
 * The inactive coordinates of a point of a conditional space (undefined for a space without `when`): those of
 * the parameters whose conditions do not hold at the point's decoded values, set to what {@link encodeParams}
 * writes for a missing parameter (the fill, on an integer's nearest level; a categorical's first choice), so a
 * GP's acquisition reads a candidate as the observation it would become.
 */
export function inactiveProjection(space: SearchSpace, slots: readonly DimSlot[]): InactiveProjection | undefined {
  if (!space.params.some((p) => p.when !== undefined)) return undefined;
  // Read once: the projection runs at every acquisition evaluation.
  const fills = slots.map(({ dim }) => inactiveFill(dim));
  return {
    apply: (x) => {
      const params = decodeParams(space, slots, Array.from(x));
      let point: Float64Array | undefined;
      const inactive: number[] = [];
      space.params.forEach((p, i) => {
        if (params[p.name] !== undefined) return;
        const { offset, width: span } = slots[i]!;
        point ??= Float64Array.from(x);
        writeInactive(point, slots[i]!, fills[i]!);
        for (let c = offset; c < offset + span; c++) inactive.push(c);
      });
      return point ? { point, inactive } : null;
    },
  };
}

/** The last finite intermediate value (highest step) of a trial, if any. */
function lastIntermediate(t: FrozenTrial): number | undefined {
  let best: { step: number; value: number } | undefined;
  for (const p of t.intermediate ?? []) {
    if (Number.isFinite(p.value) && (best === undefined || p.step > best.step)) best = p;
  }
  return best?.value;
}

export interface AdaptOptions {
  /**
   * Whether PRUNED trials count as observations with their last intermediate value (single objective only:
   * the learning curve belongs to the first objective). Default true: a pruned region then looks as bad as it
   * was when it was stopped, instead of unexplored.
   */
  pruned?: boolean;
}

/**
 * The signed values a finished trial contributes as an observation (minimised), or undefined: a COMPLETE trial
 * with finite values, or a PRUNED one's last intermediate value when `usePruned`.
 */
function observedValues(t: FrozenTrial, signs: readonly number[], usePruned: boolean): number[] | undefined {
  if (t.state === 'COMPLETE') {
    const v = signs.map((s, k) => s * (t.values?.[k] ?? Number.NaN));
    return v.length > 0 && v.every(Number.isFinite) ? v : undefined;
  }
  if (t.state === 'PRUNED' && usePruned) {
    // Like a COMPLETE trial's values, a last value that is not finite (a diverged loss) is no observation.
    const last = lastIntermediate(t);
    return last === undefined || !Number.isFinite(last) ? undefined : [signs[0]! * last];
  }
  return undefined;
}

/**
 * How many observations `adaptHistory(space, trials, directions, options)` would return (its `X.length`), without
 * encoding any point: what `auto` needs to choose its model, cheaply at 10,000 trials.
 */
export function countObservations(trials: readonly FrozenTrial[], directions: readonly Direction[], options: AdaptOptions = {}): number {
  const signs = directions.map((d) => (d === 'maximize' ? -1 : 1));
  const usePruned = (options.pruned ?? true) && directions.length === 1;
  let count = 0;
  for (const t of trials) if (observedValues(t, signs, usePruned)) count += 1;
  return count;
}

/**
 * Turns a history into the cores' inputs. Trials are taken in trial-number order. COMPLETE trials with one
 * finite value per direction are observations, values signed so every objective is minimised (maximised ones
 * negated). PRUNED trials, for a single objective, are observations with their last finite intermediate
 * value (left out when they reported none, and always for several objectives). FAIL trials, and COMPLETE
 * ones with missing or non-finite values, are no observations: they become `failed` points. PENDING and RUNNING
 * trials become `pending` points.
 * Constraints come from `FrozenTrial.constraints` (≤ 0 feasible): when any observation reports them, every
 * observation gets a row of the longest length, and missing entries count as 0 (satisfied).
 */
export function adaptHistory(
  space: SearchSpace,
  trials: readonly FrozenTrial[],
  directions: readonly Direction[],
  options: AdaptOptions = {},
): CoreProblem {
  const { dims, slots, width } = spaceDims(space);
  const signs = directions.map((d) => (d === 'maximize' ? -1 : 1));
  const usePruned = (options.pruned ?? true) && directions.length === 1;
  const ordered = [...trials].sort((a, b) => a.number - b.number);
  const X: number[][] = [];
  const y: number[][] = [];
  const raw: (number[] | undefined)[] = [];
  const pending: number[][] = [];
  const failed: number[][] = [];
  const numbers: number[] = [];
  for (const t of ordered) {
    if (t.state === 'PENDING' || t.state === 'RUNNING') {
      pending.push(encodeParams(space, slots, width, t.params));
      continue;
    }
    const values = observedValues(t, signs, usePruned);
    if (!values) {
      if (t.state === 'FAIL' || t.state === 'COMPLETE') failed.push(encodeParams(space, slots, width, t.params));
      continue;
    }
    X.push(encodeParams(space, slots, width, t.params));
    y.push(values);
    raw.push(t.constraints);
    numbers.push(t.number);
  }
  const m = raw.reduce((acc, c) => Math.max(acc, c?.length ?? 0), 0);
  const problem: CoreProblem = { dims, width, X, y, pending, numbers, failed };
  if (m > 0) {
    problem.constraints = raw.map((c) =>
      Array.from({ length: m }, (_, k) => {
        const v = c?.[k];
        return v !== undefined && Number.isFinite(v) ? v : 0;
      }),
    );
  }
  return problem;
}
