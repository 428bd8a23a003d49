// Maximising the acquisition over the encoded unit cube (continuous, integer and one-hot coordinates).
import type { DimSlot } from '../numeric/dims.ts';
import { argmaxGroup, levelValues, nearestLevel, setOneHot, snapToLevels } from '../numeric/dims.ts';
import { lbfgsMinimize } from '../numeric/optimize.ts';
import type { RandomSource } from '../rng.ts';
import { normal, randInt } from '../rng.ts';
import type { Acquisition } from './acquisition.ts';

/** Random points scored before local search. */
export const defaultAcquisitionCandidates = 512;
/** Best candidates refined by local search. */
export const defaultLocalSearches = 5;
/** Observed points (best first) around which extra candidates are drawn, and how many around each. */
export const incumbentCount = 5;
const perturbationsPerIncumbent = 16;
/** Spread of those candidates, in unit-cube coordinates. */
const perturbationScale = 0.05;
/**
 * Other choices tried per move of the local search, over all categorical groups together. A sweep over every
 * choice costs one acquisition evaluation per choice (~n·width each): with one categorical of 1,000 choices a
 * `gp` ask took 4.7 s at 199 observations and 19 s at 600, with twelve of 85 choices 4.8 s of evaluations at 199
 * (`cd bench && npx tsx samplers/gp-width.ts`, docs/benchmarks.md). Each group gets an equal share of this
 * budget, at most {@link maxChoiceMovesPerGroup} and at least {@link minChoiceMovesPerGroup}; a group with no more
 * other choices than its share is swept whole, as before, a larger one tries its share drawn at random (a fresh
 * draw per move).
 */
export const maxChoiceMovesPerSweep = 96;
export const maxChoiceMovesPerGroup = 32;
export const minChoiceMovesPerGroup = 1;

/** How many other choices each of `groups` categorical groups tries per move. */
function choiceShare(groups: number): number {
  return Math.min(maxChoiceMovesPerGroup, Math.max(minChoiceMovesPerGroup, Math.floor(maxChoiceMovesPerSweep / Math.max(1, groups))));
}

/** The other choices of a categorical group to try from `current`: all of them, or `share` drawn at random. */
function choiceMoves(span: number, current: number, share: number, rng: RandomSource): number[] {
  const others: number[] = [];
  for (let choice = 0; choice < span; choice++) if (choice !== current) others.push(choice);
  if (others.length <= share) return others;
  // A partial Fisher–Yates shuffle: the first `share` entries are a uniform draw without replacement.
  for (let i = 0; i < share; i++) {
    const j = i + randInt(rng, others.length - i);
    [others[i], others[j]] = [others[j]!, others[i]!];
  }
  return others.slice(0, share);
}

export function randomPoint(slots: readonly DimSlot[], width: number, rng: RandomSource): Float64Array {
  const x = new Float64Array(width);
  for (const { dim, offset, width: span } of slots) {
    if (dim.kind === 'categorical') setOneHot(x, offset, span, randInt(rng, span));
    else x[offset] = rng();
  }
  return x;
}

/**
 * Roberts' R_d low-discrepancy sequence ("The unreasonable effectiveness of quasirandom sequences", 2018):
 * x_k = frac(shift + k·α) with α_j = φ_d^(−j), φ_d the positive root of x^(d+1) = x + 1. One multiply per
 * coordinate, and with a random shift it covers the cube more evenly than independent uniforms.
 */
function kroneckerSequence(dims: number, rng: RandomSource): (k: number) => Float64Array {
  let phi = 2;
  for (let i = 0; i < 50; i++) phi = (1 + phi) ** (1 / (dims + 1));
  const alpha = Float64Array.from({ length: dims }, (_, j) => phi ** -(j + 1));
  const shift = Float64Array.from({ length: dims }, () => rng());
  return (k) => Float64Array.from(alpha, (a, j) => {
    const v = shift[j]! + k * a;
    return v - Math.floor(v);
  });
}

/**
 * Maximises the acquisition over the unit cube: scores quasi-random points and perturbations of the best observed
 * points, then refines the best few by projected L-BFGS over continuous and integer coordinates, alternating
 * with sweeps over each categorical group's choices (every choice, or a share of {@link maxChoiceMovesPerSweep}
 * drawn at random from a larger group). A space with integer (or stepped) coordinates
 * takes {@link maximiseMixed} instead; a purely continuous or continuous-and-categorical one this path, unchanged.
 */
export function maximiseAcquisition(
  acq: Acquisition,
  slots: readonly DimSlot[],
  width: number,
  incumbents: readonly Float64Array[],
  rng: RandomSource,
  candidates: number,
  localSearches: number,
): Float64Array {
  if (slots.some((s) => s.dim.kind === 'int')) return maximiseMixed(acq, slots, width, incumbents, rng, candidates, localSearches);
  const pool: { x: Float64Array; value: number }[] = [];
  const numeric = slots.filter((s) => s.dim.kind !== 'categorical');
  const sequence = kroneckerSequence(Math.max(1, numeric.length), rng);
  for (let i = 0; i < candidates; i++) {
    // Categorical choices are drawn at random; the other coordinates follow the R_d sequence.
    const x = randomPoint(slots, width, rng);
    const u = sequence(i);
    numeric.forEach(({ offset }, j) => (x[offset] = u[j]!));
    pool.push({ x, value: acq.value(x) });
  }
  for (const incumbent of incumbents) {
    for (let k = 0; k < perturbationsPerIncumbent; k++) {
      const x = Float64Array.from(incumbent);
      for (const { dim, offset } of slots) {
        if (dim.kind !== 'categorical') x[offset] = Math.min(1, Math.max(0, x[offset]! + perturbationScale * normal(rng)));
      }
      pool.push({ x, value: acq.value(x) });
    }
  }
  pool.sort((a, b) => b.value - a.value);
  const continuousCoords = slots.filter((s) => s.dim.kind !== 'categorical').map((s) => s.offset);
  const groups = slots.filter((s) => s.dim.kind === 'categorical');
  const share = choiceShare(groups.length);
  let best = pool[0]!;
  for (const start of pool.slice(0, localSearches)) {
    let x: Float64Array = Float64Array.from(start.x);
    let value = start.value;
    for (let round = 0; round < 3; round++) {
      // Categorical coordinates are pinned by a zero-width box; the optimiser sees a smooth function.
      ({ x, value } = lbfgsOver(acq, x, value, continuousCoords, undefined));
      let changed = false;
      for (const { offset, width: span } of groups) {
        for (const choice of choiceMoves(span, argmaxGroup(x, offset, span), share, rng)) {
          const trial = Float64Array.from(x);
          setOneHot(trial, offset, span, choice);
          const v = acq.value(trial);
          if (v > value) {
            x = trial;
            value = v;
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    if (value > best.value) best = { x, value };
  }
  return best.x;
}

/** Levels of each integer slot (by offset). */
function intLevels(slots: readonly DimSlot[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const { dim, offset } of slots) if (dim.kind === 'int') out.set(offset, levelValues(dim));
  return out;
}

function snapInts(x: Float64Array, levels: ReadonlyMap<number, readonly number[]>): Float64Array {
  for (const [offset, values] of levels) x[offset] = snapToLevels(x[offset]!, values);
  return x;
}

/**
 * L-BFGS over the continuous coordinates only (`free`), every other coordinate pinned by a zero-width box;
 * integer coordinates are relaxed within [first level, last level] when `relaxed` is given. Returns the better
 * of the start and the optimum.
 */
function lbfgsOver(
  acq: Acquisition,
  x: Float64Array,
  value: number,
  free: readonly number[],
  relaxed: ReadonlyMap<number, readonly number[]> | undefined,
): { x: Float64Array; value: number } {
  if (free.length === 0 && !relaxed) return { x, value };
  const lower = Float64Array.from(x);
  const upper = Float64Array.from(x);
  for (const c of free) {
    lower[c] = 0;
    upper[c] = 1;
  }
  for (const [c, values] of relaxed ?? []) {
    lower[c] = values[0]!;
    upper[c] = values[values.length - 1]!;
  }
  const result = lbfgsMinimize(
    (point, grad) => {
      if (!grad) return -acq.value(point);
      const v = acq.valueAndGradient(point, grad);
      for (let c = 0; c < grad.length; c++) grad[c] = -grad[c]!;
      return -v;
    },
    x,
    { maxIterations: 40, gradientTolerance: 1e-6, lower, upper },
  );
  return Number.isFinite(result.value) && -result.value >= value ? { x: result.x, value: -result.value } : { x, value };
}

/**
 * Best-improvement moves over the discrete coordinates of a snapped point: each integer one level up or down,
 * each categorical group to every other choice (at most a share of {@link maxChoiceMovesPerSweep}, drawn at random); repeated
 * while a move improves the acquisition.
 */
function discreteClimb(
  acq: Acquisition,
  start: { x: Float64Array; value: number },
  levels: ReadonlyMap<number, readonly number[]>,
  groups: readonly DimSlot[],
  rng: RandomSource,
): { x: Float64Array; value: number; moved: boolean } {
  let { x, value } = start;
  let moved = false;
  const share = choiceShare(groups.length);
  for (let step = 0; step < 50; step++) {
    let best: { x: Float64Array; value: number } | undefined;
    const consider = (trial: Float64Array): void => {
      const v = acq.value(trial);
      if (v > value && (!best || v > best.value)) best = { x: trial, value: v };
    };
    for (const [offset, values] of levels) {
      const k = nearestLevel(x[offset]!, values);
      for (const j of [k - 1, k + 1]) {
        if (j < 0 || j >= values.length) continue;
        const trial = Float64Array.from(x);
        trial[offset] = values[j]!;
        consider(trial);
      }
    }
    for (const { offset, width: span } of groups) {
      for (const choice of choiceMoves(span, argmaxGroup(x, offset, span), share, rng)) {
        const trial = Float64Array.from(x);
        setOneHot(trial, offset, span, choice);
        consider(trial);
      }
    }
    if (!best) break;
    ({ x, value } = best);
    moved = true;
  }
  return { x, value, moved };
}

/**
 * The acquisition over a space with integer or stepped coordinates (issue #17): optimising on the relaxed box and
 * rounding at the end put most suggestions of a mixed space on a bound (a relaxed coordinate beyond the outermost
 * level, where the variance is largest, rounds to the end level) or on one integer value. Here every candidate is
 * scored where it would be evaluated (integers on their levels); the best few (distinct after snapping) are
 * refined by L-BFGS with integers relaxed only between their first and last level, snapped, and then improved by
 * alternating L-BFGS over the continuous coordinates with best-improvement moves to neighbouring levels and
 * other categorical choices.
 */
function maximiseMixed(...[acq, slots, width, incumbents, rng, candidates, localSearches]: Parameters<typeof maximiseAcquisition>): Float64Array {
  const levels = intLevels(slots);
  const numeric = slots.filter((s) => s.dim.kind !== 'categorical');
  const continuous = slots.filter((s) => s.dim.kind === 'continuous').map((s) => s.offset);
  const groups = slots.filter((s) => s.dim.kind === 'categorical');
  const sequence = kroneckerSequence(Math.max(1, numeric.length), rng);
  const pool: { x: Float64Array; value: number }[] = [];
  const add = (x: Float64Array): void => {
    snapInts(x, levels);
    pool.push({ x, value: acq.value(x) });
  };
  for (let i = 0; i < candidates; i++) {
    const x = randomPoint(slots, width, rng);
    const u = sequence(i);
    numeric.forEach(({ offset }, j) => (x[offset] = u[j]!));
    add(x);
  }
  for (const incumbent of incumbents) {
    for (let k = 0; k < perturbationsPerIncumbent; k++) {
      const x = Float64Array.from(incumbent);
      for (const { dim, offset } of slots) {
        if (dim.kind !== 'categorical') x[offset] = Math.min(1, Math.max(0, x[offset]! + perturbationScale * normal(rng)));
      }
      add(x);
    }
  }
  pool.sort((a, b) => b.value - a.value);
  const starts: { x: Float64Array; value: number }[] = [];
  const seen = new Set<string>();
  for (const c of pool) {
    const key = Array.from(c.x).join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    starts.push(c);
    if (starts.length >= localSearches) break;
  }
  let best = pool[0]!;
  for (const start of starts) {
    // Relaxed refinement, then snapped: the integers' direction of improvement from the candidate.
    const relaxed = lbfgsOver(acq, Float64Array.from(start.x), start.value, continuous, levels);
    const snapped = snapInts(Float64Array.from(relaxed.x), levels);
    let current = { x: snapped, value: acq.value(snapped) };
    if (current.value < start.value) current = { x: Float64Array.from(start.x), value: start.value };
    for (let round = 0; round < 5; round++) {
      current = lbfgsOver(acq, current.x, current.value, continuous, undefined);
      const climbed = discreteClimb(acq, current, levels, groups, rng);
      current = { x: climbed.x, value: climbed.value };
      if (!climbed.moved) break;
    }
    if (current.value > best.value) best = current;
  }
  return best.x;
}
