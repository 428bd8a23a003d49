// Which observations the GP is conditioned on and fitted on, so an ask costs the same at any history size.

/**
 * Hyperparameters are fitted on at most this many observations: each likelihood gradient costs ~n³/2, so a fit
 * on all 500 observations took ~30 s (8-D, shared 2-core box) against ~0.5 s at 200. The model is then
 * conditioned on every observation up to {@link defaultMaxModelPoints} (one O(n³/6) factorisation), so
 * predictions use more data than the fit; only the length scales, amplitude and noise are learned from the subset.
 */
export const defaultMaxFitPoints = 200;

/**
 * Deterministic subset for fitting: the best half by value (where the acquisition looks), then points spread
 * evenly over the rest in history order (the global shape of the function).
 */
export function fitSubset(values: ArrayLike<number>, n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  const best = order.slice(0, Math.floor(max / 2));
  const chosen = new Set(best);
  const rest = Array.from({ length: n }, (_, i) => i).filter((i) => !chosen.has(i));
  const need = max - best.length;
  for (let k = 0; k < need; k++) chosen.add(rest[Math.floor((k * rest.length) / need)]!);
  return [...chosen].sort((a, b) => a - b);
}

/**
 * Past this many observations the GP is conditioned on a subset of this size (see {@link modelSubset}), so an
 * ask costs the same at any history size. Conditioning costs ~n³/6 and every acquisition evaluation ~n²; one
 * `gp` ask on a 10-D float space (bench/samplers/gp-cost.ts, shared 2-core box) took 0.34 s at 300
 * observations, 0.42 s at 500, 0.92 s at 1,000, 15 s at 3,000 and 414 s at 10,000 when conditioned on all of
 * them; with the subset, 0.38–0.45 s of CPU at 1,000–10,000. At or below this size nothing changes: every observation is used, bit for bit as before.
 */
export const defaultMaxModelPoints = 500;

/**
 * Encoded width (one column per float or integer parameter, one per categorical choice) up to which the GP is
 * conditioned on up to {@link defaultMaxModelPoints} observations. Every acquisition evaluation costs ~n·width
 * for the cross-covariances and L-BFGS's gradient as much again, and the fit has a length scale per column: with
 * the choice moves bounded, a `gp` ask over one categorical of 1,000 choices still took 2.1 s at 600 observations
 * (`cd bench && npx tsx samplers/gp-width.ts`). Past this width the model holds proportionally fewer points
 * ({@link maxModelPointsFor}).
 */
export const wideEncodingWidth = 24;
/** The fewest observations a wide space's GP is conditioned on (when it has that many). */
export const minWideModelPoints = 100;

/**
 * How many observations the GP is conditioned on at most for an encoded width: {@link defaultMaxModelPoints} up
 * to {@link wideEncodingWidth} columns (every space of the benchmarks: nothing changes there), then
 * 500 · 24 / width, but at least {@link minWideModelPoints}: 324 at 37 columns, 120 at 100, 100 from 120 on.
 */
export function maxModelPointsFor(width: number): number {
  if (width <= wideEncodingWidth) return defaultMaxModelPoints;
  return Math.max(minWideModelPoints, Math.floor((defaultMaxModelPoints * wideEncodingWidth) / width));
}

/**
 * Observations the GP is conditioned on when there are more than `max`, as sorted indices; all of them
 * otherwise. Deterministic (no random draw, so the seeded stream is untouched): the best half by value (where
 * the acquisition looks and the incumbent lives), then the most recent quarter of the others (what the study is
 * exploring now, so it is not proposed again), then points spread evenly in history order over what is left
 * (the global shape of the function).
 */
export function modelSubset(values: ArrayLike<number>, n: number, max: number): number[] {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`maxModelPoints must be an integer >= 1, got ${max}`);
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  const chosen = new Set(order.slice(0, Math.ceil(max / 2)));
  const recent = Math.floor(max / 4);
  for (let i = n - 1, added = 0; i >= 0 && added < recent; i--) {
    if (chosen.has(i)) continue;
    chosen.add(i);
    added++;
  }
  const rest = Array.from({ length: n }, (_, i) => i).filter((i) => !chosen.has(i));
  const need = max - chosen.size;
  for (let k = 0; k < need; k++) chosen.add(rest[Math.floor((k * rest.length) / need)]!);
  return [...chosen].sort((a, b) => a - b);
}

export function subsetRows(x: Float64Array, width: number, rows: readonly number[]): Float64Array {
  const out = new Float64Array(rows.length * width);
  rows.forEach((r, i) => out.set(x.subarray(r * width, (r + 1) * width), i * width));
  return out;
}
