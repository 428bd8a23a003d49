// Log expected improvement and log probability of feasibility, with gradients, on conditioned GPs.
import { logH, logNormalCdf, logNormalPdf } from '../numeric/special.ts';
import type { GpModel } from './model.ts';
import { gpPredict, gpPredictWithGradient } from './model.ts';

/** Variances below this (standardised units) are treated as zero: EI there is driven by the mean alone. */
export const minPredictiveVariance = 1e-12;

/**
 * log EI for minimisation at a predictive N(mean, variance), EI = E[max(best − f, 0)], via the numerically
 * stable log h of Ament et al. 2023 ("Unexpected Improvements to Expected Improvement for Bayesian
 * Optimization"). Finite even where EI underflows to 0 in double precision.
 */
export function logExpectedImprovement(mean: number, variance: number, best: number): number {
  const sigma = Math.sqrt(Math.max(variance, minPredictiveVariance));
  return Math.log(sigma) + logH((best - mean) / sigma).value;
}

/** A GP of one constraint, feasible where its value ≤ `threshold` (in the model's standardised units). */
export interface ConstraintModel {
  model: GpModel;
  threshold: number;
}

/**
 * Where a point's coordinates do not matter: the conditional parameters inactive there (their `when` does not
 * hold), which every observation carries at a fill value. `apply` returns null when every coordinate is active,
 * else the point with the inactive coordinates at their fill and the list of those coordinates.
 */
export interface InactiveProjection {
  apply(x: ArrayLike<number>): { point: Float64Array; inactive: readonly number[] } | null;
}

/**
 * An acquisition read where the point would be evaluated: the inactive coordinates at their fill, so that moving
 * them neither changes the value (their gradient is zero) nor buys the model variance of points no trial can
 * be (observations of a conditional space carry the fill there).
 */
export class ProjectedAcquisition implements Acquisition {
  constructor(
    private readonly inner: Acquisition,
    private readonly projection: InactiveProjection,
  ) {}

  value(x: ArrayLike<number>): number {
    return this.inner.value(this.projection.apply(x)?.point ?? x);
  }

  valueAndGradient(x: ArrayLike<number>, grad: Float64Array): number {
    const projected = this.projection.apply(x);
    if (!projected) return this.inner.valueAndGradient(x, grad);
    const v = this.inner.valueAndGradient(projected.point, grad);
    for (const c of projected.inactive) grad[c] = 0;
    return v;
  }
}

/** What the acquisition search maximises: a value and, for L-BFGS, the value with its gradient. */
export interface Acquisition {
  value(x: ArrayLike<number>): number;
  /** Value and gradient (written into `grad`). */
  valueAndGradient(x: ArrayLike<number>, grad: Float64Array): number;
}

/**
 * The lower confidence bound for minimisation, maximised as −(mean − β·σ) (GP-UCB, Srinivas et al. 2010). On a
 * model conditioned on fantasised values at running trials, so that σ shrinks there while the mean stays, it is
 * GP-BUCB (Desautels, Krause & Burdick 2014): a batch spreads over the low-mean region instead of leaving it.
 */
export class LowerConfidenceBound implements Acquisition {
  private readonly gMean: Float64Array;
  private readonly gVar: Float64Array;

  constructor(
    readonly model: GpModel,
    readonly beta: number,
  ) {
    if (!(beta >= 0)) throw new RangeError(`beta must be >= 0, got ${beta}`);
    this.gMean = new Float64Array(model.width);
    this.gVar = new Float64Array(model.width);
  }

  value(x: ArrayLike<number>): number {
    const { mean, variance } = gpPredict(this.model, x);
    return -mean + this.beta * Math.sqrt(Math.max(variance, minPredictiveVariance));
  }

  valueAndGradient(x: ArrayLike<number>, grad: Float64Array): number {
    const { mean, variance } = gpPredictWithGradient(this.model, x, this.gMean, this.gVar);
    const floored = variance < minPredictiveVariance;
    const sigma = Math.sqrt(floored ? minPredictiveVariance : variance);
    for (let c = 0; c < grad.length; c++) grad[c] = -this.gMean[c]! + (floored ? 0 : (this.beta * this.gVar[c]!) / (2 * sigma));
    return -mean + this.beta * sigma;
  }
}

/**
 * The acquisition log EI(x) + Σ_c log P(c(x) ≤ 0) (constrained EI of Gardner et al. 2014, in log space);
 * with no feasible observation yet (`best` null), only the log probability of feasibility, which steers
 * the search to the feasible region first.
 */
export class LogAcquisition implements Acquisition {
  private readonly gMean: Float64Array;
  private readonly gVar: Float64Array;

  constructor(
    readonly objective: GpModel,
    readonly best: number | null,
    readonly constraints: readonly ConstraintModel[],
  ) {
    this.gMean = new Float64Array(objective.width);
    this.gVar = new Float64Array(objective.width);
  }

  value(x: ArrayLike<number>): number {
    let total = 0;
    if (this.best !== null) {
      const { mean, variance } = gpPredict(this.objective, x);
      total += logExpectedImprovement(mean, variance, this.best);
    }
    for (const { model, threshold } of this.constraints) {
      const { mean, variance } = gpPredict(model, x);
      total += logNormalCdf((threshold - mean) / Math.sqrt(Math.max(variance, minPredictiveVariance)));
    }
    return total;
  }

  /** Value and gradient (written into `grad`). */
  valueAndGradient(x: ArrayLike<number>, grad: Float64Array): number {
    grad.fill(0);
    const width = grad.length;
    let total = 0;
    if (this.best !== null) {
      const { mean, variance } = gpPredictWithGradient(this.objective, x, this.gMean, this.gVar);
      const floored = variance < minPredictiveVariance;
      const sigma = Math.sqrt(floored ? minPredictiveVariance : variance);
      const z = (this.best - mean) / sigma;
      const h = logH(z);
      total += Math.log(sigma) + h.value;
      for (let c = 0; c < width; c++) {
        const dSigma = floored ? 0 : this.gVar[c]! / (2 * sigma);
        const dz = -this.gMean[c]! / sigma - (z * dSigma) / sigma;
        grad[c] = grad[c]! + dSigma / sigma + h.grad * dz;
      }
    }
    for (const { model, threshold } of this.constraints) {
      const { mean, variance } = gpPredictWithGradient(model, x, this.gMean, this.gVar);
      const floored = variance < minPredictiveVariance;
      const sigma = Math.sqrt(floored ? minPredictiveVariance : variance);
      const u = (threshold - mean) / sigma;
      const logCdf = logNormalCdf(u);
      total += logCdf;
      const dLogCdf = Math.exp(logNormalPdf(u) - logCdf);
      for (let c = 0; c < width; c++) {
        const dSigma = floored ? 0 : this.gVar[c]! / (2 * sigma);
        const du = -this.gMean[c]! / sigma - (u * dSigma) / sigma;
        grad[c] = grad[c]! + dLogCdf * du;
      }
    }
    return total;
  }
}
