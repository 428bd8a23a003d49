// Gaussian-process regression (Rasmussen & Williams 2006, ch. 2): conditioning on observations with fixed
// hyperparameters, extending the conditioning, and predicting with gradients. The fit is in ./fit.ts.
import { choleskyWithJitter, solveLower, solveLowerTransposed } from '../numeric/linalg.ts';
import type { DimSlot } from '../numeric/dims.ts';
import { coordinateWeights, matern52, matern52Slope } from './kernel.ts';

/** Kernel hyperparameters, in standardised-output units. */
export interface GpHyperparameters {
  /** One length scale per parameter (not per coordinate: a one-hot group shares one). */
  lengthScales: number[];
  /** Kernel amplitude s² (prior variance of the latent function). */
  signalVariance: number;
  /** Observation noise variance σ²ₙ (includes `minNoiseVariance`). */
  noiseVariance: number;
}

/** A conditioned GP: everything needed to predict, in standardised units. */
export interface GpModel {
  /** Training inputs, row-major n × width. */
  x: Float64Array;
  n: number;
  width: number;
  hyper: GpHyperparameters;
  /** Squared-distance weight per coordinate (from the length scales). */
  weights: Float64Array;
  /** Cholesky factor of K + σ²ₙI (+ jitter). */
  factor: Float64Array;
  /** (K + σ²ₙI)⁻¹ y. */
  alpha: Float64Array;
  /** The (standardised) targets the model is conditioned on. */
  y: Float64Array;
}

/** Conditions a GP with fixed hyperparameters on (x, y). */
export function conditionGp(
  x: Float64Array,
  n: number,
  width: number,
  y: ArrayLike<number>,
  slots: readonly DimSlot[],
  hyper: GpHyperparameters,
): GpModel {
  const weights = coordinateWeights(slots, hyper.lengthScales, width);
  const k = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    k[i * n + i] = hyper.signalVariance + hyper.noiseVariance;
    for (let j = 0; j < i; j++) {
      let r2 = 0;
      for (let c = 0; c < width; c++) {
        const d = x[i * width + c]! - x[j * width + c]!;
        r2 += weights[c]! * d * d;
      }
      k[i * n + j] = hyper.signalVariance * matern52(r2);
    }
  }
  const { factor } = choleskyWithJitter(k, n);
  const tmp = solveLower(factor, n, y);
  const alpha = solveLowerTransposed(factor, n, tmp, tmp);
  return { x, n, width, hyper, weights, factor, alpha, y: Float64Array.from(y) };
}

/**
 * The model conditioned on `points` with targets `values` as well (same hyperparameters), by extending its
 * Cholesky factor block-wise instead of refactorising: with L the old factor, B = L⁻¹K(old, new) and
 * C = chol(K(new, new) + σ²ₙI − BᵀB), the new factor is [[L, 0], [Bᵀ, C]]. Costs O(n²p + p³) for p new points
 * against O((n + p)³/6) for `conditionGp` on everything; fantasised observations of running trials (kriging
 * believer, constant liar) take this path.
 */
export function extendGp(model: GpModel, points: readonly (readonly number[])[], values: readonly number[]): GpModel {
  const { n, width, weights, hyper } = model;
  const p = points.length;
  if (p === 0) return model;
  if (values.length !== p) throw new RangeError(`points and values must have the same length, got ${p} and ${values.length}`);
  const m = n + p;
  const x = new Float64Array(m * width);
  x.set(model.x.subarray(0, n * width));
  points.forEach((pt, i) => x.set(pt, (n + i) * width));
  const kernel = (a: number, b: number): number => {
    let r2 = 0;
    for (let c = 0; c < width; c++) {
      const d = x[a * width + c]! - x[b * width + c]!;
      r2 += weights[c]! * d * d;
    }
    return hyper.signalVariance * matern52(r2);
  };
  // B (n × p), column by column: L b_j = K(old, new_j).
  const bCols: Float64Array[] = [];
  const col = new Float64Array(n);
  for (let j = 0; j < p; j++) {
    for (let i = 0; i < n; i++) col[i] = kernel(i, n + j);
    bCols.push(solveLower(model.factor, n, col));
  }
  // Schur complement S = K(new, new) + σ²ₙI − BᵀB.
  const schur = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b <= a; b++) {
      let v = a === b ? hyper.signalVariance + hyper.noiseVariance : kernel(n + a, n + b);
      const ba = bCols[a]!;
      const bb = bCols[b]!;
      for (let i = 0; i < n; i++) v -= ba[i]! * bb[i]!;
      schur[a * p + b] = v;
      schur[b * p + a] = v;
    }
  }
  const c = choleskyWithJitter(schur, p).factor;
  const factor = new Float64Array(m * m);
  for (let i = 0; i < n; i++) factor.set(model.factor.subarray(i * n, i * n + i + 1), i * m);
  for (let a = 0; a < p; a++) {
    const row = (n + a) * m;
    const ba = bCols[a]!;
    for (let i = 0; i < n; i++) factor[row + i] = ba[i]!;
    for (let b = 0; b <= a; b++) factor[row + n + b] = c[a * p + b]!;
  }
  const y = new Float64Array(m);
  y.set(model.y);
  values.forEach((v, i) => (y[n + i] = v));
  const tmp = solveLower(factor, m, y);
  const alpha = solveLowerTransposed(factor, m, tmp, tmp);
  return { x, n: m, width, hyper, weights, factor, alpha, y };
}

/**
 * The covariances k* between `point` and the observations (into `kStar`) and, when `slope` is given, the
 * kernel's radial slope −s²·k'(r²) for gradients; returns the posterior mean k*ᵀα.
 */
function crossCovariance(model: GpModel, point: ArrayLike<number>, kStar: Float64Array, slope?: Float64Array): number {
  const { n, width, x, weights, hyper } = model;
  let mean = 0;
  for (let i = 0; i < n; i++) {
    let r2 = 0;
    for (let c = 0; c < width; c++) {
      const d = point[c]! - x[i * width + c]!;
      r2 += weights[c]! * d * d;
    }
    const kv = hyper.signalVariance * matern52(r2);
    kStar[i] = kv;
    if (slope) slope[i] = -hyper.signalVariance * matern52Slope(r2);
    mean += kv * model.alpha[i]!;
  }
  return mean;
}

/** Posterior mean and latent variance at one point (standardised units). */
export function gpPredict(model: GpModel, point: ArrayLike<number>, kStar: Float64Array = new Float64Array(model.n)): { mean: number; variance: number } {
  const { n, hyper } = model;
  const mean = crossCovariance(model, point, kStar);
  const v = solveLower(model.factor, n, kStar);
  let vv = 0;
  for (let i = 0; i < n; i++) vv += v[i]! * v[i]!;
  return { mean, variance: Math.max(hyper.signalVariance - vv, 0) };
}

/**
 * Posterior mean and variance with their gradients in the point's coordinates (written into gradMean,
 * gradVariance). dk_i/dx_c = −s²·(5/3)(1+√5r)e^{−√5r}·w_c·(x_c − X_ic); dvar = −2 (K⁻¹k*)ᵀ dk*.
 */
export function gpPredictWithGradient(
  model: GpModel,
  point: ArrayLike<number>,
  gradMean: Float64Array,
  gradVariance: Float64Array,
): { mean: number; variance: number } {
  const { n, width, x, weights, hyper } = model;
  const kStar = new Float64Array(n);
  const slope = new Float64Array(n);
  const mean = crossCovariance(model, point, kStar, slope);
  const v = solveLower(model.factor, n, kStar);
  let vv = 0;
  for (let i = 0; i < n; i++) vv += v[i]! * v[i]!;
  const u = solveLowerTransposed(model.factor, n, v);
  gradMean.fill(0);
  gradVariance.fill(0);
  for (let i = 0; i < n; i++) {
    const a = model.alpha[i]! * slope[i]!;
    const b = -2 * u[i]! * slope[i]!;
    const row = i * width;
    for (let c = 0; c < width; c++) {
      const d = point[c]! - x[row + c]!;
      gradMean[c] = gradMean[c]! + a * d;
      gradVariance[c] = gradVariance[c]! + b * d;
    }
  }
  for (let c = 0; c < width; c++) {
    gradMean[c] = gradMean[c]! * weights[c]!;
    gradVariance[c] = gradVariance[c]! * weights[c]!;
  }
  const variance = hyper.signalVariance - vv;
  if (variance <= 0) {
    gradVariance.fill(0);
    return { mean, variance: 0 };
  }
  return { mean, variance };
}

