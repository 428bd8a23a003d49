import { createRng } from '../../rng.ts';
import type { Rng } from '../../rng.ts';
import { conditionHolds, paramAccepts } from '../../space.ts';
import type { ParamDef, SearchSpace } from '../../space.ts';
import { decodeValue } from '../../space-codec.ts';
import type { Direction, FrozenTrial, Params } from '../../types.ts';
import { sampleQmc } from '../qmc.ts';
import { sampleUniform } from '../random.ts';
import { askSequentially } from '../types.ts';
import type { AskContext, Sampler } from '../types.ts';
import { motpeWeightsBelow, splitMultiObjective } from './motpe.ts';
import { DEFAULT_BANDWIDTH_FACTOR, ParzenEstimator } from './parzen-estimator.ts';

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
  if (n < FLAT_WEIGHT_WINDOW) return Array.from({ length: n }, () => 1);
  const ramp = n - FLAT_WEIGHT_WINDOW;
  return [
    ...Array.from({ length: ramp }, (_, i) => (ramp === 1 ? 1 / n : 1 / n + ((1 - 1 / n) * i) / (ramp - 1))),
    ...Array.from({ length: FLAT_WEIGHT_WINDOW }, () => 1),
  ];
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

/** A trial placed in the ranking: tier 0 complete, 1 pruned, 2 running/pending (the constant liar). */
interface Ranked {
  trial: FrozenTrial;
  tier: 0 | 1 | 2;
  key: number[];
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

/**
 * Orders the usable history best first: complete trials by value (by Pareto rank, then summed ranks, for
 * several objectives), then pruned trials by how far they got and their last intermediate value, then, with
 * the constant liar, PENDING/RUNNING trials. FAIL trials and non-finite values are left out.
 */
export function rankTrials(trials: readonly FrozenTrial[], directions: readonly Direction[], constantLiar: boolean): Ranked[] {
  const signs = directions.map((d) => (d === 'maximize' ? -1 : 1));
  const ranked: Ranked[] = [];
  const complete: { trial: FrozenTrial; v: number[] }[] = [];
  for (const t of trials) {
    if (t.state === 'COMPLETE') {
      const v = signs.map((s, i) => s * (t.values?.[i] ?? Number.NaN));
      if (v.length > 0 && v.every(Number.isFinite)) complete.push({ trial: t, v });
    } else if (t.state === 'PRUNED') {
      const last = (t.intermediate ?? []).filter((x) => Number.isFinite(x.value)).reduce<{ step: number; value: number } | undefined>(
        (m, x) => (m === undefined || x.step > m.step ? x : m),
        undefined,
      );
      ranked.push({ trial: t, tier: 1, key: last ? [-last.step, (signs[0] ?? 1) * last.value] : [Number.POSITIVE_INFINITY, 0] });
    } else if ((t.state === 'PENDING' || t.state === 'RUNNING') && constantLiar) {
      ranked.push({ trial: t, tier: 2, key: [t.number] });
    }
  }
  if (signs.length <= 1) {
    for (const c of complete) ranked.push({ trial: c.trial, tier: 0, key: c.v, values: c.v });
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
      ranked.push({ trial: c.trial, tier: 0, key: [ranks[i] as number, sum], values: c.v });
    });
  }
  return ranked.sort((a, b) => {
    if (a.tier !== b.tier) return a.tier - b.tier;
    for (let i = 0; i < Math.max(a.key.length, b.key.length); i++) {
      const d = (a.key[i] ?? 0) - (b.key[i] ?? 0);
      if (d !== 0) return d;
    }
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

function observationWeights(trials: readonly FrozenTrial[]): number[] {
  // Weights follow age: rank the trials by number, oldest first.
  const order = trials.map((t, i) => [t.number, i] as const).sort((a, b) => a[0] - b[0]);
  const w = defaultWeights(trials.length);
  const out = new Array<number>(trials.length);
  order.forEach(([, i], pos) => (out[i] = w[pos] as number));
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
    const relevant = ranked.filter((r) => group.every((p) => paramAccepts(p, r.trial.params[p.name])));
    const scored = relevant.filter((r) => r.tier < 2);
    if (scored.length < 2) {
      const point: Params = {};
      for (const p of group) point[p.name] = decodeValue(p, rng.next());
      return point;
    }
    const nBelow = Math.max(1, Math.min(scored.length - 1, gamma(scored.length)));
    let below = scored.slice(0, nBelow).map((r) => r.trial);
    let above = relevant.slice(nBelow).map((r) => r.trial);
    let belowWeights = observationWeights(below);
    const complete = relevant.filter((r) => r.tier === 0);
    if (multiObjective && complete.length >= nBelow) {
      // MOTPE: l(x) from non-dominated sorting with a hypervolume tie-break, weighted by hypervolume contribution.
      const split = splitMultiObjective(
        complete.map((r) => r.values as number[]),
        nBelow,
      );
      below = split.below.map((i) => (complete[i] as Ranked).trial);
      above = [...split.above.map((i) => (complete[i] as Ranked).trial), ...relevant.filter((r) => r.tier > 0).map((r) => r.trial)];
      belowWeights = motpeWeightsBelow(split.below.map((i) => (complete[i] as Ranked).values as number[]));
    }
    const l = new ParzenEstimator(group, below.map((t) => t.params), belowWeights, parzen);
    const g = new ParzenEstimator(group, above.map((t) => t.params), observationWeights(above), parzen);
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
