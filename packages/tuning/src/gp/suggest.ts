// Turning observations into one suggestion: standardise, fit, fantasise pending points, maximise log-EI.
import type { Dim, DimSlot } from '../numeric/dims.ts';
import { checkPoints, layoutDims, snapPoint } from '../numeric/dims.ts';
import type { RandomSource } from '../rng.ts';
import type { ConstraintModel, InactiveProjection } from './acquisition.ts';
import { LogAcquisition, LowerConfidenceBound, ProjectedAcquisition } from './acquisition.ts';
import type { Acquisition } from './acquisition.ts';
import { defaultAcquisitionCandidates, defaultLocalSearches, incumbentCount, maximiseAcquisition, randomPoint } from './acquisition-search.ts';
import { fitGpHyperparameters } from './fit.ts';
import type { FitOptions } from './fit.ts';
import type { GpHyperparameters, GpModel } from './model.ts';
import { conditionGp, extendGp, gpPredict } from './model.ts';
import { defaultMaxFitPoints, fitSubset, maxModelPointsFor, modelSubset, subsetRows } from './subset.ts';

export { defaultAcquisitionCandidates, defaultLocalSearches } from './acquisition-search.ts';
export { defaultMaxFitPoints, defaultMaxModelPoints, maxModelPointsFor, modelSubset } from './subset.ts';

export interface GpSuggestInput {
  /** Observed points, each of the encoded width of `dims`. */
  X: readonly (readonly number[])[];
  /** Objective value of each observed point. */
  y: readonly number[];
  /** Points asked but not yet observed: a batch is spread out by conditioning on a lie at each. */
  pending?: readonly (readonly number[])[];
  dims: readonly Dim[];
  rng: RandomSource;
  /** Default true. */
  minimize?: boolean;
  /** Per observed point, constraint values (≤ 0 means feasible); all rows the same length. */
  constraints?: readonly (readonly number[])[];
  /** The lie told at pending points (see {@link GpLiar}); default {@link defaultGpLiar}. */
  liar?: GpLiar;
  candidates?: number;
  localSearches?: number;
  fit?: Omit<FitOptions, 'initial'>;
  /**
   * Observations used to fit hyperparameters (default `defaultMaxFitPoints`), chosen among those the model is
   * conditioned on.
   */
  maxFitPoints?: number;
  /**
   * Observations the GP is conditioned on (default {@link maxModelPointsFor} the encoded width: 500 up to 64
   * columns, fewer for wider spaces): past it, a deterministic subset of this size ({@link modelSubset}) bounds the
   * cost of an ask.
   */
  maxModelPoints?: number;
  /** The objective GP's constant prior mean (see {@link GpPriorMean}); default {@link defaultGpPriorMean}. */
  priorMean?: GpPriorMean;
  /**
   * Hyperparameters returned by `gpSuggestDetailed` for an earlier ask (the caller stores them, e.g. with the
   * trial): screened as an extra start, which makes refits converge in a few iterations.
   */
  warmStart?: GpFitResult;
  /**
   * Points whose trials produced no result (FAIL, or a non-finite value); the most recent
   * {@link maxFailedPoints} count. With any, a GP classifier of failure (−1 observed, +1 failed, over the
   * observations and these) joins the constraint models, so the acquisition is weighted by the probability that
   * a point succeeds (Gelbart, Snoek & Adams 2014's unknown constraints), and the objective GP takes them as
   * believed observations (its posterior mean there, no variance left) rather than as values. A region where
   * trials fail (a learning rate that diverges) stops being proposed; failures at random (a lost runner) leave the
   * probability nearly flat. Before, failed points were invisible to the model and the sampler kept asking
   * where they had failed (`cd bench && npx tsx samplers/failures.ts`, docs/benchmarks.md).
   */
  failed?: readonly (readonly number[])[];
  /**
   * A conditional space's inactive coordinates (see {@link InactiveProjection}): the acquisition is read with them
   * at their fill, as the observations carry them. Without it every coordinate counts.
   */
  projection?: InactiveProjection;
}

/** Fitted hyperparameters of the objective GP and of each constraint GP. */
export interface GpFitResult {
  objective: GpHyperparameters;
  constraints: GpHyperparameters[];
}

interface Standardised {
  values: Float64Array;
  mean: number;
  std: number;
}

function standardise(values: readonly number[], field: string): Standardised {
  const n = values.length;
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new RangeError(`${field}[${i}] must be finite, got ${v}`);
  });
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
  // A flat objective has no scale: keep unit scale so the GP stays well defined and EI becomes pure exploration.
  const std = variance > 1e-24 * Math.max(1, mean * mean) ? Math.sqrt(variance) : 1;
  return { values: Float64Array.from(values, (v) => (v - mean) / std), mean, std };
}

function flatten(points: readonly (readonly number[])[], width: number): Float64Array {
  const out = new Float64Array(points.length * width);
  points.forEach((p, i) => out.set(p, i * width));
  return out;
}

function lieValues(model: GpModel, pending: readonly (readonly number[])[], liar: GpLiar, best: number): number[] {
  return pending.map((p) => (liar === 'best' ? best : gpPredict(model, p).mean));
}

/**
 * Suggests the next point in [0,1]^width by Gaussian-process Bayesian optimisation: a Matérn-5/2 ARD GP
 * (Rasmussen & Williams 2006) on standardised outputs, hyperparameters by maximum a posteriori marginal
 * likelihood, and log expected improvement (Ament et al. 2023) times the probability of feasibility of each
 * constraint (one GP per constraint), maximised from quasi-random (R_d) candidates and perturbations of the best
 * observations, refined by projected L-BFGS. The model is conditioned on at most `maxModelPoints` observations
 * (all of them up to that size, a deterministic subset past it: {@link modelSubset}) and its hyperparameters
 * are fitted on at most `maxFitPoints` of those, so an ask costs the same at any history size. Pending points are fantasised observations (kriging believer, with a lower confidence bound on continuous spaces, by
 * default, see {@link GpLiar}) so parallel asks do not repeat each other; they never change the fitted
 * hyperparameters. Integer coordinates are snapped to their grid and categorical groups returned one-hot. With no observations, returns a uniform random point.
 */
export function gpSuggest(input: GpSuggestInput): number[] {
  return gpSuggestDetailed(input).point;
}

/** `gpSuggest` that also returns the fitted hyperparameters, to be passed back as `warmStart` next time. */
export function gpSuggestDetailed(input: GpSuggestInput): { point: number[]; fit: GpFitResult | null } {
  const prepared = gpPrepare(input);
  return { point: gpPropose(prepared, input.pending ?? [], input.rng), fit: prepared.fit };
}

/**
 * A GP fitted to the observations, ready to propose points for any set of pending points: what an ask costs
 * most (the hyperparameter fit, ~n³ per likelihood gradient) done once, so a batch of asks over the same
 * observations fits once (see {@link gpPropose}).
 */
export interface GpPrepared {
  slots: readonly DimSlot[];
  width: number;
  /** The objective GP conditioned on the observations only; null with no observation. */
  objective: GpModel | null;
  constraintModels: ConstraintModel[];
  /** Best feasible standardised value (null when none is feasible); the EI threshold. */
  best: number | null;
  /** Fallback lie when no observation is feasible: the best standardised value. */
  bestAny: number;
  incumbents: Float64Array[];
  fit: GpFitResult | null;
  /** Observations given, the number the GP is conditioned on, and the number its hyperparameters were fitted on. */
  sizes: GpFitSizes;
  liar: GpLiar;
  candidates: number;
  localSearches: number;
  projection: InactiveProjection | undefined;
}

/** How many observations a GP fit saw: all given, those conditioned on (the model), those fitted on. */
export interface GpFitSizes {
  observations: number;
  modelPoints: number;
  fitPoints: number;
}

/**
 * The lie told at pending points. 'mean' (kriging believer, Ginsbourger et al. 2010): the posterior mean, which
 * leaves the mean where it was and only removes the uncertainty there, so a batch stays near promising regions
 * but does not repeat itself; the believed values join the incumbent of EI. 'best' (constant liar with the best
 * observed value): EI vanishes around every pending point, which pushes a batch away from the incumbent.
 * 'lcb': the believer's model, and on purely continuous spaces without constraints the lower confidence bound
 * mean − {@link batchLcbBeta}·σ in place of EI while trials are pending (GP-BUCB, Desautels et al. 2014); other
 * spaces take 'mean'. Default {@link defaultGpLiar}.
 */
export type GpLiar = 'best' | 'mean' | 'lcb';
/**
 * 'lcb': on `npm run bench:samplers -- --async=8` (8 runners, 50 trials, 20 seeds) it cut the median regret of
 * the GP against 'mean' on Branin (1.3e-4 → 4.9e-5) and Hartmann-6 (0.17 → 0.13); 'mean' itself had cut it
 * against 'best' (docs/benchmarks.md, Samplers). Sequential asks are unaffected (no pending point).
 */
export const defaultGpLiar: GpLiar = 'lcb';
/**
 * β of the batch lower confidence bound ('lcb'). On Hartmann-6 (8 runners, seeds 0–9) β = 0.5, 1, 2 gave median
 * regret 0.120, 0.068, 0.203 (the believer with EI: 0.121): a larger β explores more, which costs refinement.
 */
export const batchLcbBeta = 1;

/**
 * The constant prior mean of the objective GP, the value it predicts far from every observation. 'average': the
 * mean of the (warped) observations, as standardising puts it. 'worst': the worst observation (the largest, as
 * the GP minimises), the "max" mean function of De Ath, Fieldsend & Everson 2020 ("What do you mean? The role of
 * the mean function in Bayesian optimisation"): a region without data is predicted no better than the worst point
 * seen, so expected improvement there has to come from the variance alone, and the search stops buying variance
 * in the corners of the box. Default {@link defaultGpPriorMean}.
 */
export type GpPriorMean = 'average' | 'worst';
/**
 * 'worst': with 'average' on Zakharov-6 (optimum inside, a narrow oblique valley of good values) 71 % of
 * the GP's sequential asks (seeds 0–9) put two or more coordinates on a bound and the median regret was 75.1
 * sequentially and 106 with 8 runners (random search: 106 sequentially); 'worst' puts 12.5 % there and reaches
 * 41.0 and 36.8. On the 13 tuning and held-out problems (20 seeds, 50 trials, `cd bench && npx tsx
 * samplers/async-ratio.ts …`) no median was significantly worse (Mann–Whitney p > 0.3 for every one, largest rise
 * Hartmann-6 with 8 runners 0.127 → 0.161) and many were significantly better (sequentially Hartmann-6 0.0746 →
 * 1.0e-3, Rosenbrock-4 7.11 → 3.99, Ackley-5 5.92 → 4.12, Styblinski–Tang-4 18.8 → 14.2, Levy-4 0.357 →
 * 0.089; with 8 runners Rosenbrock-4 25.3 → 7.07). It costs global exploration where the optimum is on the edge
 * of a rugged box: Schwefel-3 (optimum at 0.92 of each range) 346 → 475 sequentially (p = 0.05).
 */
export const defaultGpPriorMean: GpPriorMean = 'worst';

/** Failed points the failure classifier is conditioned on at most (the most recent), besides the observations. */
export const maxFailedPoints = 100;

/** Fits the objective (and constraint) GPs to the observations of `input`, ignoring `pending`. */
export function gpPrepare(input: Omit<GpSuggestInput, 'pending'>): GpPrepared {
  const { slots, width } = layoutDims(input.dims);
  const { X, y, rng } = input;
  if (X.length !== y.length) throw new RangeError(`X and y must have the same length, got ${X.length} and ${y.length}`);
  checkPoints(X, width, 'X');
  const n = X.length;
  const base = {
    slots,
    width,
    liar: input.liar ?? defaultGpLiar,
    candidates: input.candidates ?? defaultAcquisitionCandidates,
    localSearches: input.localSearches ?? defaultLocalSearches,
    projection: input.projection,
  };
  if (n === 0) {
    const sizes = { observations: 0, modelPoints: 0, fitPoints: 0 };
    return { ...base, objective: null, constraintModels: [], best: null, bestAny: 0, incumbents: [], fit: null, sizes };
  }
  const sign = input.minimize === false ? -1 : 1;
  const target = standardise(
    y.map((v) => sign * v),
    'y',
  );
  if ((input.priorMean ?? defaultGpPriorMean) === 'worst') {
    // The GP has a zero prior mean: shifting the standardised values by their largest puts it at the worst one.
    // Order, gaps and the EI threshold move together, so only what the model predicts away from the data changes.
    let worst = -Infinity;
    for (let i = 0; i < n; i++) worst = Math.max(worst, target.values[i]!);
    for (let i = 0; i < n; i++) target.values[i] = target.values[i]! - worst;
  }
  const modelRows = modelSubset(target.values, n, input.maxModelPoints ?? maxModelPointsFor(width));
  // Below the threshold `modelRows` is every row and `pick` the identity: the same arrays as without a subset.
  const whole = modelRows.length === n;
  const nModel = modelRows.length;
  const pick = (values: Float64Array): Float64Array => (whole ? values : Float64Array.from(modelRows, (i) => values[i]!));
  const x = whole ? flatten(X, width) : flatten(modelRows.map((i) => X[i]!), width);
  const modelTarget = pick(target.values);
  const subset = fitSubset(modelTarget, nModel, input.maxFitPoints ?? defaultMaxFitPoints);
  const xFit = subset.length === nModel ? x : subsetRows(x, width, subset);
  const hyper = fitGpHyperparameters(
    xFit,
    subset.length,
    width,
    subset.map((i) => modelTarget[i]!),
    slots,
    rng,
    { ...input.fit, initial: input.warmStart?.objective },
  );
  const constraintHypers: GpHyperparameters[] = [];
  const objective = conditionGp(x, nModel, width, modelTarget, slots, hyper);

  const constraintRows = input.constraints;
  const constraintModels: ConstraintModel[] = [];
  const feasible = new Array<boolean>(n).fill(true);
  if (constraintRows && constraintRows.length > 0) {
    if (constraintRows.length !== n) {
      throw new RangeError(`constraints must have one row per observed point (${n}), got ${constraintRows.length}`);
    }
    const m = constraintRows[0]!.length;
    constraintRows.forEach((row, i) => {
      if (row.length !== m) throw new RangeError(`constraints[${i}] must have ${m} values like constraints[0], got ${row.length}`);
      if (row.some((c) => c > 0)) feasible[i] = false;
    });
    for (let c = 0; c < m; c++) {
      const s = standardise(
        constraintRows.map((row) => row[c]!),
        `constraints[*][${c}]`,
      );
      const modelValues = pick(s.values);
      const h = fitGpHyperparameters(
        xFit,
        subset.length,
        width,
        subset.map((i) => modelValues[i]!),
        slots,
        rng,
        { ...input.fit, initial: input.warmStart?.constraints[c] },
      );
      constraintHypers.push(h);
      constraintModels.push({ model: conditionGp(x, nModel, width, modelValues, slots, h), threshold: -s.mean / s.std });
    }
  }
  const failed = input.failed ?? [];
  checkPoints(failed, width, 'failed');
  // The most recent failures, at most maxFailedPoints: the classifier's cost stays bounded.
  const keptFailed = failed.slice(-maxFailedPoints);
  if (keptFailed.length > 0) {
    const total = nModel + keptFailed.length;
    const xAll = new Float64Array(total * width);
    xAll.set(x);
    keptFailed.forEach((p, i) => xAll.set(p, (nModel + i) * width));
    const s = standardise(
      Array.from({ length: total }, (_, i) => (i < nModel ? -1 : 1)),
      'failed',
    );
    const fitRows = fitSubset(s.values, total, input.maxFitPoints ?? defaultMaxFitPoints);
    const h = fitGpHyperparameters(
      fitRows.length === total ? xAll : subsetRows(xAll, width, fitRows),
      fitRows.length,
      width,
      fitRows.map((i) => s.values[i]!),
      slots,
      rng,
      input.fit,
    );
    constraintModels.push({ model: conditionGp(xAll, total, width, s.values, slots, h), threshold: -s.mean / s.std });
  }
  let best: number | null = null;
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!feasible[i]) continue;
    order.push(i);
    if (best === null || target.values[i]! < best) best = target.values[i]!;
  }
  order.sort((a, b) => target.values[a]! - target.values[b]!);
  return {
    ...base,
    // Failed points as believed observations (their posterior mean, their variance gone): the sampler stops
    // buying variance where trials failed, without a value no trial reported.
    objective: keptFailed.length > 0 ? extendGp(objective, keptFailed, lieValues(objective, keptFailed, 'mean', 0)) : objective,
    constraintModels,
    best,
    bestAny: Math.min(...target.values),
    incumbents: order.slice(0, incumbentCount).map((i) => Float64Array.from(X[i]!)),
    fit: { objective: hyper, constraints: constraintHypers },
    sizes: { observations: n, modelPoints: nModel, fitPoints: subset.length },
  };
}

/**
 * Proposes one point from a prepared GP, with fantasised observations at the pending points (the lie of
 * `prepared.liar`), conditioned by extending the Cholesky factor (`extendGp`), not refitting: a batch of p
 * points over n observations costs one fit and p extensions of O(n²) each.
 */
export function gpPropose(prepared: GpPrepared, pending: readonly (readonly number[])[], rng: RandomSource): number[] {
  const { slots, width } = prepared;
  checkPoints(pending, width, 'pending');
  if (!prepared.objective) return snapPoint(randomPoint(slots, width, rng), slots);
  let objective = prepared.objective;
  let best = prepared.best;
  if (pending.length > 0 && prepared.liar === 'lcb' && prepared.constraintModels.length === 0 && slots.every((s) => s.dim.kind === 'continuous')) {
    // Mixed spaces keep EI: with the bound, 9 of 20 mixed-nn runs stopped at one level (regret 0.30, against
    // 1.6e-5 for the believer with EI; docs/benchmarks.md).
    const lies = lieValues(objective, pending, 'mean', 0);
    const acq = projected(new LowerConfidenceBound(extendGp(objective, pending, lies), batchLcbBeta), prepared.projection);
    return snapPoint(maximiseAcquisition(acq, slots, width, prepared.incumbents, rng, prepared.candidates, prepared.localSearches), slots);
  }
  if (pending.length > 0) {
    const lies = lieValues(objective, pending, prepared.liar === 'best' ? 'best' : 'mean', prepared.best ?? prepared.bestAny);
    objective = extendGp(objective, pending, lies);
    // A believed value is an observation like the others: when it beats the incumbent it becomes the incumbent,
    // otherwise EI would stay high at the pending point itself (its mean below the best) and repeat it.
    if (best !== null) best = Math.min(best, ...lies);
  }
  const acq = projected(new LogAcquisition(objective, best, prepared.constraintModels), prepared.projection);
  const point = maximiseAcquisition(acq, slots, width, prepared.incumbents, rng, prepared.candidates, prepared.localSearches);
  return snapPoint(point, slots);
}

function projected(acq: Acquisition, projection: InactiveProjection | undefined): Acquisition {
  return projection ? new ProjectedAcquisition(acq, projection) : acq;
}
