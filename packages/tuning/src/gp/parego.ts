// Several objectives through the one-objective GP: ParEGO's random scalarisations.
import { gpSuggest } from './suggest.ts';
import type { GpSuggestInput } from './suggest.ts';

export interface GpSuggestMultiInput extends Omit<GpSuggestInput, 'y' | 'minimize'> {
  /** Objective values per observed point (one per direction). */
  values: readonly (readonly number[])[];
  directions: readonly ('minimize' | 'maximize')[];
}

/** Weight of the linear term in the augmented Chebyshev scalarisation (Knowles 2006 uses 0.05). */
export const parEgoRho = 0.05;

/**
 * Multi-objective suggestion by ParEGO (Knowles 2006): objectives are normalised to [0, 1], scalarised with
 * the augmented Chebyshev function max_k(w_k f_k) + ρ Σ_k w_k f_k under fresh random simplex weights each ask,
 * and the scalar is optimised by `gpSuggest`.
 */
export function gpSuggestMulti(input: GpSuggestMultiInput): number[] {
  const { values, directions, rng } = input;
  const m = directions.length;
  values.forEach((row, i) => {
    if (row.length !== m) throw new RangeError(`values[${i}] must have ${m} entries (one per direction), got ${row.length}`);
  });
  const signs = directions.map((d) => (d === 'maximize' ? -1 : 1));
  const lo = signs.map((s, k) => Math.min(...values.map((row) => s * row[k]!)));
  const hi = signs.map((s, k) => Math.max(...values.map((row) => s * row[k]!)));
  const raw = Array.from({ length: m }, () => -Math.log(1 - rng()));
  const total = raw.reduce((a, b) => a + b, 0);
  const weights = raw.map((r) => r / total);
  const scalar = values.map((row) => {
    let maxTerm = -Infinity;
    let sum = 0;
    for (let k = 0; k < m; k++) {
      const range = hi[k]! - lo[k]!;
      const f = range > 0 ? (signs[k]! * row[k]! - lo[k]!) / range : 0;
      maxTerm = Math.max(maxTerm, weights[k]! * f);
      sum += weights[k]! * f;
    }
    return maxTerm + parEgoRho * sum;
  });
  const { values: _values, directions: _directions, ...rest } = input;
  return gpSuggest({ ...rest, y: scalar, minimize: true });
}
