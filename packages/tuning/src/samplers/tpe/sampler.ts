import { createRng } from '../../rng.ts';
import type { Rng } from '../../rng.ts';
import { conditionHolds } from '../../space.ts';
import type { ParamDef, SearchSpace } from '../../space.ts';
import { decodeValue } from '../../space-codec.ts';
import type { Direction, FrozenTrial, Params } from '../../types.ts';
import { sampleQmc } from '../qmc.ts';
import { sampleUniform } from '../random.ts';
import { askSequentially } from '../types.ts';
import type { AskContext, Sampler } from '../types.ts';
import { motpeWeightsBelow, splitMultiObjective } from './motpe.ts';
import { DEFAULT_BANDWIDTH_FACTOR, ParzenEstimator, estimatorEncoder } from './parzen-estimator.ts';

/** Trials sampled by the start-up strategy before the model takes over (Optuna's default). */
export const DEFAULT_STARTUP_TRIALS = 10;
/** Candidates drawn from l(x) per suggestion; the one maximising l(x)/g(x) wins. */
export const DEFAULT_EI_CANDIDATES = 24;
/** Weight of the prior component relative to one observation. */
export const DEFAULT_PRIOR_WEIGHT = 1;
/** Trials beyond which older observations are down-weighted linearly. */
const FLAT_WEIGHT_WINDOW = 25;

/**
 * Size of the "good" set for n observations: 20 %, rounded up, at most 25. Bergstra et al. 2011 and Optuna
 * take 10 %; with a multivariate kernel 20 % (and a narrower bandwidth, see DEFAULT_BANDWIDTH_FACTOR) found
 * better points at 25–100 trials on every objective of bench/samplers.
 */
export function defaultGamma(n: number): number {
  return Math.min(Math.ceil(0.2 * n), 25);
}

/** Observation weights by age (oldest first): flat for the newest 25, a linear ramp before them. */
export function defaultWeights(n: number): number[] {
  const out = new Array<number>(n);
  const ramp = n - FLAT_WEIGHT_WINDOW;
  for (let i = 0; i < n; i++) out[i] = i >= ramp ? 1 : ramp === 1 ? 1 / n : 1 / n + ((1 - 1 / n) * i) / (ramp - 1);
  return out;
}

export interface TpeOptions {
  seed: number;
  nStartupTrials?: number;
  nEiCandidates?: number;
  priorWeight?: number;
  /** One joint kernel per group of parameters (default) instead of one per parameter. */
  multivariate?: boolean;
  /** Treat PENDING/RUNNING trials as bad observations so parallel asks spread out (default true). */
  constantLiar?: boolean;
  considerMagicClip?: boolean;
  /** How start-up trials are drawn: uniformly at random (default) or from a scrambled Sobol sequence. */
  startup?: 'random' | 'qmc';
  gamma?: (n: number) => number;
  bandwidthFactor?: number;
}

/**
 * A trial placed in the ranking: tier 0 complete, 1 pruned, 2 running/pending (the constant liar); within a
 * tier by `k0`, then `k1`, then trial number.
 */
interface Ranked {
  trial: FrozenTrial;
  tier: 0 | 1 | 2;
  k0: number;
  k1: number;
  /** A complete trial's values, signed so that every objective is minimised. */
  values?: number[];
}

function dominates(a: readonly number[], b: readonly number[]): boolean {
  let strictly = false;
  for (let i = 0; i < a.length; i++) {
    if ((a[i] as number) > (b[i] as number)) return false;
    if ((a[i] as number) < (b[i] as number)) strictly = true;
  }
  return strictly;
}

/** Non-dominated sorting rank of each point (0 = Pareto front); all objectives minimised. */
export function paretoRanks(points: readonly (readonly number[])[]): number[] {
  const ranks = points.map(() => -1);
  let remaining = points.map((_, i) => i);
  for (let r = 0; remaining.length > 0; r++) {
    const front = remaining.filter((i) => !remaining.some((j) => j !== i && dominates(points[j] as number[], points[i] as number[])));
    for (const i of front) ranks[i] = r;
    remaining = remaining.filter((i) => ranks[i] === -1);
  }
  return ranks;
}

/** A finished trial without a usable value (FAIL, non-finite, pruned before any report): after every other. */
const afterEveryFinished = (trial: FrozenTrial): Ranked => ({ trial, tier: 1, k0: Number.POSITIVE_INFINITY, k1: 0 });

/**
 * Orders the usable history best first: complete trials by value (by Pareto rank, then summed ranks, for
 * several objectives), then pruned trials by how far they got and their last intermediate value, then, with
 * the constant liar, PENDING/RUNNING trials. FAIL trials, and COMPLETE ones without a finite value per
 * objective, rank with the pruned trials that reported nothing, after every other.
 */
export function rankTrials(trials: readonly FrozenTrial[], directions: readonly Direction[], constantLiar: boolean): Ranked[] {
  const signs = directions.map((d) => (d === 'maximize' ? -1 : 1));
  const ranked: Ranked[] = [];
  const complete: { trial: FrozenTrial; v: number[] }[] = [];
  for (const t of trials) {
    if (t.state === 'COMPLETE') {
      const v = signs.map((s, i) => s * (t.values?.[i] ?? Number.NaN));
      if (v.length > 0 && v.every(Number.isFinite)) complete.push({ trial: t, v });
      else ranked.push(afterEveryFinished(t));
    } else if (t.state === 'PRUNED') {
      const last = (t.intermediate ?? []).filter((x) => Number.isFinite(x.value)).reduce<{ step: number; value: number } | undefined>(
        (m, x) => (m === undefined || x.step > m.step ? x : m),
        undefined,
      );
      ranked.push(last ? { trial: t, tier: 1, k0: -last.step, k1: (signs[0] ?? 1) * last.value } : afterEveryFinished(t));
    } else if (t.state === 'FAIL') {
      // Last of the finished trials, so always in the bad group: where trials fail (a diverging learning
      // rate), l(x)/g(x) falls (bench/samplers/failures.ts: Branin failing on 5/9 of its box, `tpe` run
      // sequentially failed 40 of 50 trials when FAIL trials were left out, 10.5 now).
      ranked.push(afterEveryFinished(t));
    } else if ((t.state === 'PENDING' || t.state === 'RUNNING') && constantLiar) {
      ranked.push({ trial: t, tier: 2, k0: t.number, k1: 0 });
    }
  }
  if (signs.length <= 1) {
    for (const c of complete) ranked.push({ trial: c.trial, tier: 0, k0: c.v[0] as number, k1: 0, values: c.v });
  } else {
    const ranks = paretoRanks(complete.map((c) => c.v));
    const perObjectiveRank = signs.map((_, m) => {
      const order = complete.map((c, i) => [c.v[m] as number, i] as const).sort((a, b) => a[0] - b[0]);
      const r = new Array<number>(complete.length);
      order.forEach(([, i], pos) => (r[i] = pos));
      return r;
    });
    complete.forEach((c, i) => {
      const sum = perObjectiveRank.reduce((s, r) => s + (r[i] as number), 0);
      ranked.push({ trial: c.trial, tier: 0, k0: ranks[i] as number, k1: sum, values: c.v });
    });
  }
  return ranked.sort((a, b) => {
    if (a.tier !== b.tier) return a.tier - b.tier;
    const d0 = a.k0 - b.k0;
    if (d0 !== 0) return d0;
    const d1 = a.k1 - b.k1;
    if (d1 !== 0) return d1;
    return a.trial.number - b.trial.number;
  });
}

/** Groups of parameters that always appear together: same chain of conditions (Optuna's group decomposition). */
export function conditionGroups(space: SearchSpace, multivariate: boolean): ParamDef[][] {
  if (!multivariate) return space.params.map((p) => [p]);
  const signature = new Map<string, string>();
  const groups = new Map<string, ParamDef[]>();
  for (const p of space.params) {
    const own = p.when
      ? Object.keys(p.when)
          .sort()
          .map((parent) => `${parent}∈${JSON.stringify(p.when?.[parent])}|${signature.get(parent) ?? ''}`)
          .join('&')
      : '';
    signature.set(p.name, own);
    const g = groups.get(own);
    if (g) g.push(p);
    else groups.set(own, [p]);
  }
  return [...groups.values()];
}

/** The given rows of a row-major matrix with `width` columns, in the given order. */
function pickRows(matrix: Float64Array, width: number, rows: readonly number[]): Float64Array {
  const out = new Float64Array(rows.length * width);
  rows.forEach((r, i) => out.set(matrix.subarray(r * width, (r + 1) * width), i * width));
  return out;
}

function observationWeights(trials: readonly FrozenTrial[]): number[] {
  // Weights follow age: rank the trials by number, oldest first (ties keep their order).
  const n = trials.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (trials[a] as FrozenTrial).number - (trials[b] as FrozenTrial).number);
  const w = defaultWeights(n);
  const out = new Array<number>(n);
  order.forEach((i, pos) => (out[i] = w[pos] as number));
  return out;
}

/**
 * The Tree-structured Parzen Estimator sampler (Bergstra, Bardenet, Bengio & Kégl, "Algorithms for
 * hyper-parameter optimization", NeurIPS 2011; multivariate form after Falkner et al., ICML 2018, with
 * Optuna's group decomposition for conditional spaces). The history is split into the best γ(n) trials and
 * the rest; a Parzen estimator l(x) is fitted to the first, g(x) to the second, and the candidate drawn from
 * l with the highest l(x)/g(x) is proposed. Pruned trials rank after complete ones by their last
 * intermediate value; PENDING/RUNNING trials join g(x) (the constant liar), so a parallel batch spreads out.
 * Several objectives: MOTPE (Ozaki et al. 2020/2022, as Optuna) — l(x) takes whole non-domination fronts of the
 * complete trials and cuts the first front that does not fit by greedy hypervolume subset selection; its
 * observations weigh their hypervolume contribution (`motpe.ts`); the rest, pruned and pending trials form g(x).
 */
export function createTpeSampler(options: TpeOptions, kind: 'tpe' | 'auto' = 'tpe'): Sampler {
  const {
    seed,
    nStartupTrials = DEFAULT_STARTUP_TRIALS,
    nEiCandidates = DEFAULT_EI_CANDIDATES,
    priorWeight = DEFAULT_PRIOR_WEIGHT,
    multivariate = true,
    constantLiar = true,
    considerMagicClip = true,
    startup = 'random',
    gamma = defaultGamma,
    bandwidthFactor = DEFAULT_BANDWIDTH_FACTOR,
  } = options;
  const parzen = { priorWeight, magicClip: considerMagicClip, bandwidthFactor };
  const groupCache = new WeakMap<SearchSpace, ParamDef[][]>();

  const one = (ctx: AskContext): Params => {
    const { space, trials } = ctx;
    const rng = createRng(seed, trials.length, 0x79e);
    const ranked = rankTrials(trials, ctx.directions, constantLiar);
    const observed = ranked.filter((r) => r.tier < 2).length;
    if (observed < nStartupTrials) {
      return startup === 'qmc' ? sampleQmc(space, seed, trials.length) : sampleUniform(space, rng);
    }
    let groups = groupCache.get(space);
    if (!groups) {
      groups = conditionGroups(space, multivariate);
      groupCache.set(space, groups);
    }
    const out: Params = {};
    for (const group of groups) {
      if (!conditionHolds(group[0] as ParamDef, out)) continue;
      Object.assign(out, sampleGroup(group, ranked, rng, ctx.directions.length > 1));
    }
    return out;
  };

  const sampleGroup = (group: ParamDef[], ranked: Ranked[], rng: Rng, multiObjective: boolean): Params => {
    // One pass over the history reads each trial's values of the group once: checked, and encoded for the
    // estimators (a long history is read once, not once per estimator and parameter).
    const d = group.length;
    const encoders = group.map((p) => estimatorEncoder(p));
    const names = group.map((p) => p.name);
    const encoded = new Float64Array(ranked.length * d);
    const relevant: Ranked[] = [];
    for (const r of ranked) {
      const params = r.trial.params;
      const row = relevant.length * d;
      let ok = true;
      for (let j = 0; j < d && ok; j++) {
        const e = (encoders[j] as (value: unknown) => number)(params[names[j] as string]);
        ok = !Number.isNaN(e);
        encoded[row + j] = e;
      }
      if (ok) relevant.push(r);
    }
    // `ranked` is ordered by tier, so complete, then scored (complete and pruned) trials are prefixes of `relevant`.
    let nScored = 0;
    while (nScored < relevant.length && (relevant[nScored] as Ranked).tier < 2) nScored++;
    if (nScored < 2) {
      const point: Params = {};
      for (const p of group) point[p.name] = decodeValue(p, rng.next());
      return point;
    }
    const rows = (from: number, to: number): Float64Array => encoded.subarray(from * d, to * d);
    const nBelow = Math.max(1, Math.min(nScored - 1, gamma(nScored)));
    let below = rows(0, nBelow);
    let above = rows(nBelow, relevant.length);
    let belowWeights = observationWeights(relevant.slice(0, nBelow).map((r) => r.trial));
    let aboveTrials = relevant.slice(nBelow).map((r) => r.trial);
    let nComplete = 0;
    while (nComplete < relevant.length && (relevant[nComplete] as Ranked).tier === 0) nComplete++;
    if (multiObjective && nComplete >= nBelow) {
      // MOTPE: l(x) from non-dominated sorting with a hypervolume tie-break, weighted by hypervolume contribution.
      const complete = relevant.slice(0, nComplete);
      const split = splitMultiObjective(
        complete.map((r) => r.values as number[]),
        nBelow,
      );
      const aboveRows = [...split.above, ...Array.from({ length: relevant.length - nComplete }, (_, i) => nComplete + i)];
      below = pickRows(encoded, d, split.below);
      above = pickRows(encoded, d, aboveRows);
      aboveTrials = aboveRows.map((i) => (relevant[i] as Ranked).trial);
      belowWeights = motpeWeightsBelow(split.below.map((i) => (complete[i] as Ranked).values as number[]));
    }
    const l = new ParzenEstimator(group, below, belowWeights, parzen);
    const g = new ParzenEstimator(group, above, observationWeights(aboveTrials), parzen);
    const candidates = l.sample(rng, nEiCandidates);
    const ll = l.logPdf(candidates);
    const lg = g.logPdf(candidates);
    let best = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    candidates.forEach((_, i) => {
      const score = (ll[i] as number) - (lg[i] as number);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    });
    return candidates[best] as Params;
  };

  return {
    kind,
    ask: (ctx, n = 1) => askSequentially(ctx, n, one),
    remaining: () => undefined,
  };
}
