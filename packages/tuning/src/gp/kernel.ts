// Matérn-5/2 kernel with one length scale per parameter (ARD), on the encoded unit cube.
import type { DimSlot } from '../numeric/dims.ts';

const SQRT5 = Math.sqrt(5);

/**
 * Matérn-5/2 correlation m(r) = (1 + √5 r + 5r²/3)·exp(−√5 r) from r² (Rasmussen & Williams 2006, eq. 4.17).
 */
export function matern52(r2: number): number {
  const r = Math.sqrt(r2);
  return (1 + SQRT5 * r + (5 / 3) * r2) * Math.exp(-SQRT5 * r);
}

/**
 * −2·dm/d(r²) = (5/3)(1 + √5 r)·exp(−√5 r): finite at r = 0, which is why gradients are taken in r² and not r.
 */
export function matern52Slope(r2: number): number {
  const r = Math.sqrt(r2);
  return (5 / 3) * (1 + SQRT5 * r) * Math.exp(-SQRT5 * r);
}

/**
 * Per-coordinate weights w_j so that r² = Σ_j w_j (x_j − x'_j)². A continuous or integer coordinate gets 1/ℓ²;
 * each coordinate of a one-hot group gets 1/(2ℓ²), so two different one-hot vectors are at distance 1/ℓ²
 * (the Hamming kernel on categories, as in Garrido-Merchán & Hernández-Lobato 2020).
 */
export function coordinateWeights(slots: readonly DimSlot[], lengthScales: ArrayLike<number>, width: number): Float64Array {
  const w = new Float64Array(width);
  slots.forEach(({ dim, offset, width: span }, p) => {
    const inv = 1 / lengthScales[p]! ** 2;
    for (let k = 0; k < span; k++) w[offset + k] = dim.kind === 'categorical' ? 0.5 * inv : inv;
  });
  return w;
}

/**
 * Squared per-parameter distances for all pairs i < j, laid out [parameter][pair], pair index
 * i·n − i(i+1)/2 + (j − i − 1). Precomputed once so each likelihood evaluation is a weighted sum.
 */
export function pairwiseParamDistances(x: Float64Array, n: number, width: number, slots: readonly DimSlot[]): Float64Array[] {
  const pairs = (n * (n - 1)) / 2;
  return slots.map(({ dim, offset, width: span }) => {
    const out = new Float64Array(pairs);
    const scale = dim.kind === 'categorical' ? 0.5 : 1;
    let idx = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let s = 0;
        for (let k = 0; k < span; k++) {
          const diff = x[i * width + offset + k]! - x[j * width + offset + k]!;
          s += diff * diff;
        }
        out[idx++] = scale * s;
      }
    }
    return out;
  });
}
