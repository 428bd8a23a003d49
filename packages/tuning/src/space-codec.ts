import { conditionHolds } from './space.ts';
import type { CategoricalParamDef, NumericParamDef, ParamDef, SearchSpace } from './space.ts';
import { choiceKey } from './space.ts';
import type { ParamValue, Params } from './types.ts';

/** Significant digits kept when snapping to a step, so 3 × 0.05 reads 0.15 and not 0.15000000000000002. */
const SNAP_PRECISION = 14;

/** The step of a discrete numeric parameter (ints always have one), or undefined for a continuous float. */
export function stepOf(p: NumericParamDef): number | undefined {
  return p.step;
}

/** Maps a value to the internal coordinate samplers model: its logarithm when `log`, else itself. */
export function toInternal(p: NumericParamDef, x: number): number {
  return p.log ? Math.log(x) : x;
}

/**
 * Bounds of the internal coordinate. Discrete parameters are widened by half a step on each side so every
 * allowed value owns a cell of equal width (the same trick as Optuna's search-space transform).
 */
export function internalBounds(p: NumericParamDef): { low: number; high: number } {
  const step = stepOf(p);
  if (step === undefined) return { low: toInternal(p, p.low), high: toInternal(p, p.high) };
  const half = step / 2;
  return { low: toInternal(p, p.low - half), high: toInternal(p, p.high + half) };
}

/** Rounds a value in the parameter's own units to its nearest allowed value, clipped to [low, high]. */
export function snap(p: NumericParamDef, x: number): number {
  const step = stepOf(p);
  let v = Math.min(p.high, Math.max(p.low, x));
  if (step !== undefined) {
    const k = Math.round((v - p.low) / step);
    const maxK = Math.round((p.high - p.low) / step);
    v = p.low + Math.min(maxK, Math.max(0, k)) * step;
    v = p.type === 'int' ? Math.round(v) : Number(v.toPrecision(SNAP_PRECISION));
    v = Math.min(p.high, Math.max(p.low, v));
  }
  return v;
}

/** Maps an internal coordinate back to an allowed value. */
export function fromInternal(p: NumericParamDef, t: number): number {
  return snap(p, p.log ? Math.exp(t) : t);
}

/**
 * How many values a discrete numeric parameter takes, or undefined for a continuous float. Callers check it
 * before {@link discreteValues}: an int on [0, 2^53) has far more values than an array can hold.
 */
export function discreteCount(p: NumericParamDef): number | undefined {
  const step = stepOf(p);
  return step === undefined ? undefined : Math.round((p.high - p.low) / step) + 1;
}

/** Every value of a discrete numeric parameter, or undefined for a continuous float. */
export function discreteValues(p: NumericParamDef): number[] | undefined {
  const step = stepOf(p);
  const n = discreteCount(p);
  if (step === undefined || n === undefined) return undefined;
  return Array.from({ length: n }, (_, k) => snap(p, p.low + k * step));
}

/** Position of a categorical value among the choices (-1 when absent). */
export function choiceIndex(p: CategoricalParamDef, value: ParamValue): number {
  const key = choiceKey(value);
  return p.choices.findIndex((c) => choiceKey(c) === key);
}

/** Encodes one parameter value to [0, 1]. */
export function encodeValue(p: ParamDef, value: ParamValue): number {
  if (p.type === 'categorical') {
    const i = choiceIndex(p, value);
    return i < 0 ? Number.NaN : (i + 0.5) / p.choices.length;
  }
  if (typeof value !== 'number') return Number.NaN;
  const { low, high } = internalBounds(p);
  if (high === low) return 0.5;
  return Math.min(1, Math.max(0, (toInternal(p, value) - low) / (high - low)));
}

/** Decodes one coordinate in [0, 1] (clipped) to an allowed value. */
export function decodeValue(p: ParamDef, u: number): ParamValue {
  const x = Number.isFinite(u) ? Math.min(1, Math.max(0, u)) : 0.5;
  if (p.type === 'categorical') {
    const k = p.choices.length;
    return p.choices[Math.min(k - 1, Math.floor(x * k))] as ParamValue;
  }
  const { low, high } = internalBounds(p);
  return fromInternal(p, low + x * (high - low));
}

/**
 * Encodes a point of the space to the unit cube [0, 1]^d, one coordinate per parameter in `space.params`
 * order. Log parameters are encoded by their logarithm; discrete ones own equal-width cells; a categorical
 * with k choices maps choice i to the centre of [i/k, (i+1)/k). Inactive (or absent) parameters encode as NaN.
 */
export function encodeToUnitCube(space: SearchSpace, params: Readonly<Params>): number[] {
  return space.params.map((p) => {
    const v = params[p.name];
    return v === undefined ? Number.NaN : encodeValue(p, v);
  });
}

/**
 * Decodes any vector of [0, 1]^d (values outside are clipped) to a valid point of the space, the inverse of
 * {@link encodeToUnitCube} up to rounding. Conditions are resolved in dependency order: coordinates of
 * parameters whose condition does not hold are ignored, so GP or CMA-ES code can search the full cube.
 */
export function decodeFromUnitCube(space: SearchSpace, u: readonly number[]): Params {
  if (u.length !== space.params.length) {
    throw new RangeError(`\`u.length === ${space.params.length}\` must hold (one coordinate per parameter), got u.length=${u.length}`);
  }
  const out: Params = {};
  space.params.forEach((p, i) => {
    if (conditionHolds(p, out)) out[p.name] = decodeValue(p, u[i] as number);
  });
  return out;
}

/** The parameter name of each unit-cube coordinate. */
export function unitCubeNames(space: SearchSpace): string[] {
  return space.params.map((p) => p.name);
}
