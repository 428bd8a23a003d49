// GP hyperparameters fitted by maximising the log marginal likelihood plus weak log-normal priors
// (Rasmussen & Williams 2006, ch. 5).
import { choleskyInverse, choleskyWithJitter, solveLower, solveLowerTransposed } from '../numeric/linalg.ts';
import type { DimSlot } from '../numeric/dims.ts';
import { lbfgsMinimize } from '../numeric/optimize.ts';
import type { RandomSource } from '../rng.ts';
import { normal } from '../rng.ts';
import { pairwiseParamDistances } from './kernel.ts';
import type { GpHyperparameters } from './model.ts';

/** Noise variance never goes below this (standardised units): keeps K well conditioned on duplicates. */
export const minNoiseVariance = 1e-6;

/**
 * Weak log-normal priors on the log-parameters. Length scales: median 0.25·√P on the unit cube, growing with
 * the number of parameters P as Hvarfner et al. 2024 ("Vanilla Bayesian optimization performs great in high
 * dimensions") recommend, with σ = 1 in log space. Chosen on seeded runs (5 seeds, 60 evaluations): on
 * Hartmann-6 the best values were −3.320 −3.319 −3.322 −3.322 −3.322 against −2.36 −1.71 −3.32 −3.08 −3.32 for
 * median 0.5·√P, σ = 1.5 (long length scales mistook a relevant dimension for an irrelevant one and stalled);
 * Branin, 4-D Rosenbrock and 5-D Levy were no worse on average. Signal variance: median 1 (outputs are
 * standardised). Noise: median 1e-2, wide, so noiseless data can drive it to the floor.
 */
export const gpPriors = {
  logLengthScaleSd: 1,
  logSignalVarianceMean: 0,
  logSignalVarianceSd: 1,
  logNoiseMean: Math.log(1e-2),
  logNoiseSd: 2,
} as const;

/** Box on the log-parameters: keeps the optimiser out of numerically meaningless regions. */
const logBounds = {
  lengthScale: [Math.log(1e-3), Math.log(1e3)],
  signalVariance: [Math.log(1e-3), Math.log(1e2)],
  noise: [Math.log(1e-9), Math.log(2)],
} as const;

function logLengthScaleMean(params: number): number {
  return Math.log(0.25 * Math.sqrt(params));
}

export interface FitOptions {
  /** L-BFGS runs from the best of the screened starting points (default `defaultFitRestarts(n)`). */
  restarts?: number;
  /**
   * Hyperparameters from an earlier fit (e.g. stored with the previous trial): screened with the other starts,
   * so a warm start costs one likelihood evaluation and usually converges in a few iterations.
   */
  initial?: GpHyperparameters;
  /** Prior draws screened by likelihood before the L-BFGS runs. */
  screened?: number;
  maxIterations?: number;
}

/**
 * L-BFGS restarts by data size. Each likelihood gradient costs ~n³/2 multiply-adds, so restarts are nearly free
 * for small n, where the likelihood is also most multi-modal, and dear for large n, where the data pin it down:
 * at n = 200 in 8-D a second restart from the next-best start never beat the first in our runs but added
 * ~0.3 s. Every run starts from the best of the screened points (prior median, prior draws, warm start).
 */
export function defaultFitRestarts(n: number): number {
  return n <= 64 ? 3 : n <= 128 ? 2 : 1;
}
/** Default number of prior draws screened (one Cholesky each) to pick the restart points. */
export const defaultFitScreened = 8;
/** L-BFGS iterations per restart: at n = 200 in 8-D the log-likelihood is within 0.4 nats of its optimum after 20. */
export const defaultFitIterations = 25;
/**
 * Log-likelihood gain per iteration (nats) below which, twice in a row, a hyperparameter fit stops. Halves a
 * warm-started refit at n = 200 (~0.5 → ~0.22 s CPU). On Hartmann-6 (10 seeds, 60 evaluations) the mean best
 * was −3.23 with 1e-2, −3.20 with 1e-3 and −3.30 with no early stop: single stalled seeds decide these
 * means, so the difference is within run-to-run noise.
 */
export const fitValueTolerance = 1e-2;

/**
 * Fits length scales, signal variance and noise by maximising log p(y | X, θ) + log p(θ) over log-parameters
 * (Rasmussen & Williams 2006, eq. 5.8–5.9, analytic gradient ½ tr((ααᵀ − K⁻¹) ∂K/∂θ)) with L-BFGS, from the
 * best few of: the prior median, a handful of prior draws and an optional warm start. `y` must already be standardised.
 */
export function fitGpHyperparameters(
  x: Float64Array,
  n: number,
  width: number,
  y: ArrayLike<number>,
  slots: readonly DimSlot[],
  rng: RandomSource,
  options: FitOptions = {},
): GpHyperparameters {
  const params = slots.length;
  const dist = pairwiseParamDistances(x, n, width, slots);
  const pairs = (n * (n - 1)) / 2;
  const lsMean = logLengthScaleMean(params);
  const dim = params + 2;
  const kf = new Float64Array(pairs);
  const slopes = new Float64Array(pairs);
  const kmat = new Float64Array(n * n);
  const invLs2 = new Float64Array(params);
  const logTwoPi = Math.log(2 * Math.PI);

  // The line search asks for values only; the gradient request at an accepted point reuses its factorisation.
  let cached: { theta: Float64Array; value: number; factor: Float64Array; alpha: Float64Array } | null = null;
  const objective = (theta: Float64Array, grad: Float64Array | null): number => {
    if (grad && cached && cached.theta.every((t, i) => t === theta[i])) {
      return gradientAt(theta, cached.value, cached.factor, cached.alpha, grad);
    }
    cached = null;
    for (let p = 0; p < params; p++) invLs2[p] = Math.exp(-2 * theta[p]!);
    const s2 = Math.exp(theta[params]!);
    const noiseRaw = Math.exp(theta[params + 1]!);
    const noise = minNoiseVariance + noiseRaw;
    let idx = 0;
    for (let i = 0; i < n; i++) {
      kmat[i * n + i] = s2 + noise;
      for (let j = i + 1; j < n; j++) {
        let r2 = 0;
        for (let p = 0; p < params; p++) r2 += dist[p]![idx]! * invLs2[p]!;
        const r = Math.sqrt(r2);
        const e = Math.exp(-Math.sqrt(5) * r);
        const kv = s2 * (1 + Math.sqrt(5) * r + (5 / 3) * r2) * e;
        kf[idx] = kv;
        slopes[idx] = s2 * (5 / 3) * (1 + Math.sqrt(5) * r) * e;
        kmat[j * n + i] = kv;
        idx++;
      }
    }
    let factor: Float64Array;
    try {
      factor = choleskyWithJitter(kmat, n).factor;
    } catch {
      return Infinity;
    }
    const tmp = solveLower(factor, n, y);
    const alpha = solveLowerTransposed(factor, n, tmp);
    let value = 0.5 * n * logTwoPi;
    for (let i = 0; i < n; i++) value += 0.5 * y[i]! * alpha[i]! + Math.log(factor[i * n + i]!);
    // Negative log prior (log-normal in each log-parameter, up to a constant).
    for (let p = 0; p < params; p++) value += (theta[p]! - lsMean) ** 2 / (2 * gpPriors.logLengthScaleSd ** 2);
    value += (theta[params]! - gpPriors.logSignalVarianceMean) ** 2 / (2 * gpPriors.logSignalVarianceSd ** 2);
    value += (theta[params + 1]! - gpPriors.logNoiseMean) ** 2 / (2 * gpPriors.logNoiseSd ** 2);
    if (!grad) {
      cached = { theta: Float64Array.from(theta), value, factor, alpha };
      return value;
    }
    return gradientAt(theta, value, factor, alpha, grad);
  };

  const gradientAt = (theta: Float64Array, value: number, factor: Float64Array, alpha: Float64Array, grad: Float64Array): number => {
    // kf and slopes still hold this theta's kernel: the value was computed last (cache hit) or just now.
    const s2 = Math.exp(theta[params]!);
    const noiseRaw = Math.exp(theta[params + 1]!);
    for (let p = 0; p < params; p++) invLs2[p] = Math.exp(-2 * theta[p]!);
    // d(−log p)/dθ = ½ tr((K⁻¹ − ααᵀ) ∂K/∂θ) + prior terms; W = K⁻¹ − ααᵀ.
    const kinv = choleskyInverse(factor, n);
    grad.fill(0);
    let diagW = 0;
    for (let i = 0; i < n; i++) diagW += kinv[i * n + i]! - alpha[i]! * alpha[i]!;
    let gS2 = 0.5 * diagW * s2;
    let idx = 0;
    for (let i = 0; i < n; i++) {
      const ai = alpha[i]!;
      for (let j = i + 1; j < n; j++) {
        const w = kinv[i * n + j]! - ai * alpha[j]!;
        gS2 += w * kf[idx]!;
        const ws = w * slopes[idx]!;
        // ∂K_ij/∂log ℓ_p = s²·(5/3)(1+√5r)e^{−√5r}·D_p,ij/ℓ_p²
        for (let p = 0; p < params; p++) grad[p] = grad[p]! + ws * dist[p]![idx]!;
        idx++;
      }
    }
    for (let p = 0; p < params; p++) {
      grad[p] = grad[p]! * invLs2[p]! + (theta[p]! - lsMean) / gpPriors.logLengthScaleSd ** 2;
    }
    grad[params] = gS2 + (theta[params]! - gpPriors.logSignalVarianceMean) / gpPriors.logSignalVarianceSd ** 2;
    grad[params + 1] = 0.5 * diagW * noiseRaw + (theta[params + 1]! - gpPriors.logNoiseMean) / gpPriors.logNoiseSd ** 2;
    return value;
  };

  const lower = new Float64Array(dim);
  const upper = new Float64Array(dim);
  for (let p = 0; p < params; p++) [lower[p], upper[p]] = logBounds.lengthScale;
  [lower[params], upper[params]] = logBounds.signalVariance;
  [lower[params + 1], upper[params + 1]] = logBounds.noise;
  const clampTheta = (t: Float64Array): Float64Array => {
    for (let i = 0; i < dim; i++) t[i] = Math.min(upper[i]!, Math.max(lower[i]!, t[i]!));
    return t;
  };

  const median = new Float64Array(dim);
  median.fill(lsMean, 0, params);
  median[params] = gpPriors.logSignalVarianceMean;
  median[params + 1] = gpPriors.logNoiseMean;
  const screenedCount = options.screened ?? defaultFitScreened;
  const candidates: Float64Array[] = [median];
  if (options.initial) {
    const { lengthScales, signalVariance, noiseVariance } = options.initial;
    if (lengthScales.length !== params) {
      throw new RangeError(`initial.lengthScales must have ${params} entries (one per parameter), got ${lengthScales.length}`);
    }
    const warm = new Float64Array(dim);
    for (let p = 0; p < params; p++) warm[p] = Math.log(lengthScales[p]!);
    warm[params] = Math.log(signalVariance);
    warm[params + 1] = Math.log(Math.max(noiseVariance - minNoiseVariance, 1e-12));
    candidates.push(clampTheta(warm));
  }
  for (let s = 0; s < screenedCount; s++) {
    const theta = new Float64Array(dim);
    for (let p = 0; p < params; p++) theta[p] = lsMean + gpPriors.logLengthScaleSd * normal(rng);
    theta[params] = gpPriors.logSignalVarianceMean + gpPriors.logSignalVarianceSd * normal(rng);
    theta[params + 1] = gpPriors.logNoiseMean + gpPriors.logNoiseSd * normal(rng);
    candidates.push(clampTheta(theta));
  }
  // Stable order: equal values keep the median first.
  const screened = candidates.map((theta, i) => ({ theta, value: objective(theta, null), i }));
  screened.sort((a, b) => a.value - b.value || a.i - b.i);
  const restarts = Math.max(1, options.restarts ?? defaultFitRestarts(n));
  const starts = screened.slice(0, restarts).map((d) => d.theta);
  let best: { x: Float64Array; value: number } | null = null;
  for (const start of starts) {
    const result = lbfgsMinimize((t, g) => objective(t, g), start, {
      maxIterations: options.maxIterations ?? defaultFitIterations,
      gradientTolerance: 1e-4,
      // Hundredths of a nat move the suggestion far less than the data do; stopping there halves warm refits.
      valueTolerance: fitValueTolerance,
      lower,
      upper,
    });
    if (Number.isFinite(result.value) && (!best || result.value < best.value)) best = result;
  }
  const theta = best ? best.x : median;
  return {
    lengthScales: Array.from({ length: params }, (_, p) => Math.exp(theta[p]!)),
    signalVariance: Math.exp(theta[params]!),
    noiseVariance: minNoiseVariance + Math.exp(theta[params + 1]!),
  };
}
