// GP, CMA-ES and NSGA-II samplers: the history goes through the adapter to the numerical cores and back.
import { cmaesSuggest } from '../cmaes/suggest';
import { defaultMaxFitPoints, defaultMaxModelPoints, gpPrepare, gpPropose, gpSuggestMulti } from '../gp/suggest';
import type { GpLiar, GpPrepared } from '../gp/suggest';
import { nsga2Suggest } from '../multi/nsga2';
import { createRandomSource } from '../numeric/rng';
import { normalQuantile } from '../numeric/special';
import type { RandomSource } from '../numeric/rng';
import { createRng, mixSeed } from '../rng';
import { conditionHolds } from '../space';
import type { ParamDef, SearchSpace } from '../space';
import { decodeValue } from '../space-codec';
import type { Params } from '../types';
import { adaptHistory, decodeParams, spaceDims } from './adapter';
import type { CoreProblem } from './adapter';
import { sampleQmc } from './qmc';
import { sampleUniform } from './random';
import { createTpeSampler } from './tpe/sampler';
import { askSequentially } from './types';
import type { AskContext, Sampler, SamplerHooks } from './types';

/** Quasi-random (scrambled Sobol) trials before the GP takes over (Optuna's GPSampler also starts with 10). */
export const DEFAULT_GP_STARTUP_TRIALS = 10;
/** NSGA-II population size (Optuna's default). */
export const DEFAULT_NSGA2_POPULATION = 50;
/** Redraws (NSGA-II, CMA-ES) before a suggestion that repeats an existing trial is replaced by a random point. */
const MAX_REDRAWS = 8;

function paramsKey(p: Readonly<Params>): string {
  return JSON.stringify(Object.keys(p).sort().map((k) => [k, p[k]]));
}

/**
 * Returns the first proposal that repeats no trial of the history (any state, so neither a finished point
 * nor a parallel one), trying `propose(0…MAX_REDRAWS−1)`, then a uniform random point. A model over a
 * discrete space may well rank an evaluated point best; evaluating it twice teaches nothing.
 */
function distinct(ctx: AskContext, seed: number, tag: number, propose: (attempt: number) => Params | undefined, attempts: number): Params {
  const seen = new Set(ctx.trials.map((t) => paramsKey(t.params)));
  for (let a = 0; a < attempts; a++) {
    const p = propose(a);
    if (p === undefined) break;
    if (!seen.has(paramsKey(p))) return p;
  }
  let fallback: Params = {};
  for (let a = 0; a < MAX_REDRAWS; a++) {
    fallback = sampleUniform(ctx.space, createRng(seed, ctx.trials.length, tag, a));
    if (!seen.has(paramsKey(fallback))) break;
  }
  return fallback;
}

/** The core's random source for an ask: the seed mixed with the history's length and a per-kind tag. */
function coreRng(seed: number, ctx: AskContext, tag: number, attempt = 0): RandomSource {
  return createRandomSource(mixSeed(seed, ctx.trials.length, tag, attempt));
}

function observedCount(problem: CoreProblem): number {
  return problem.X.length;
}

/**
 * Whether a GP ask is still in its quasi-random start: while observations and running (PENDING/RUNNING)
 * trials together number fewer than `nStartupTrials`, or observations alone fewer than half of it. Running
 * trials count because they will be observations: with 8 runners, counting observations only spent 17 of 50
 * trials on the Sobol start (every ask before the 10th result), this spends 12. Sequentially nothing is
 * running, so the start is the first `nStartupTrials` observations, as before.
 */
function inStartup(problem: CoreProblem, nStartupTrials: number): boolean {
  const observed = observedCount(problem);
  const start = Math.max(1, nStartupTrials);
  return observed + problem.pending.length < start || observed < Math.max(1, Math.ceil(start / 2));
}

export interface GpSamplerOptions {
  seed: number;
  /** Quasi-random trials first (default {@link DEFAULT_GP_STARTUP_TRIALS}). */
  nStartupTrials?: number;
  /** Monotone transform of the objective before the GP sees it (default {@link DEFAULT_OUTPUT_WARP}). */
  outputWarp?: OutputWarp;
  /** The lie told at PENDING/RUNNING trials (default {@link defaultGpLiar}: the kriging believer). */
  liar?: GpLiar;
  hooks?: SamplerHooks;
}

/**
 * 'none': values as they are. 'log': log(1 + (y − min)/s) with s the median distance to the minimum, which
 * squeezes the heavy upper tail of functions such as Rosenbrock. 'copula': ranks mapped to normal quantiles
 * (Φ⁻¹((rank + ½)/n), the Gaussian-copula transform of Salinas et al. 2020), scale-free. All keep the order
 * of the observations, so the best point stays the best.
 */
export const OUTPUT_WARPS = ['none', 'log', 'copula'] as const;
export type OutputWarp = (typeof OUTPUT_WARPS)[number];
/**
 * 'log': on bench/samplers (10 seeds, 50 trials) it cut the GP's median regret on Rosenbrock-4 from ~300 to
 * 7.9 and on Styblinski–Tang-4 from ~30 to 17, cost a little on Hartmann-6 (0.005 → 0.025) and Ackley-5
 * (5.4 → 6.6), and left Branin and mixed-nn within noise; 'copula' was worse than both.
 */
export const DEFAULT_OUTPUT_WARP: OutputWarp = 'log';

/** Applies an {@link OutputWarp} to minimised values. */
export function warpOutputs(y: readonly number[], warp: OutputWarp): number[] {
  if (warp === 'none' || y.length < 2) return [...y];
  if (warp === 'log') {
    const min = Math.min(...y);
    const gaps = y.map((v) => v - min).sort((a, b) => a - b);
    const scale = gaps[Math.floor(gaps.length / 2)]! || 1;
    return y.map((v) => Math.log1p((v - min) / scale));
  }
  const order = y.map((_, i) => i).sort((a, b) => y[a]! - y[b]!);
  const rank = new Array<number>(y.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && y[order[j + 1]!] === y[order[i]!]) j++;
    for (let k = i; k <= j; k++) rank[order[k]!] = (i + j) / 2;
    i = j + 1;
  }
  return rank.map((r) => normalQuantile((r + 0.5) / y.length));
}

/**
 * GP fits of one `ask(ctx, n)` call, by the number of settled (not PENDING/RUNNING) trials: a batch only adds
 * PENDING points, so every point of it reuses the first point's fit.
 */
export type GpFitMemo = Map<number, GpPrepared>;

export interface GpAskOptions {
  outputWarp?: OutputWarp;
  liar?: GpLiar;
  memo?: GpFitMemo;
  hooks?: SamplerHooks;
}

/**
 * One GP suggestion for the study: a Sobol point during the start ({@link inStartup}). The
 * hyperparameters are fitted on the observations with a random stream keyed by the number of settled trials
 * (so the PENDING/RUNNING ones change nothing in the fit, and a batch fits once, through `memo`, with the same
 * answer as sequential asks); the acquisition is maximised with the same stream when nothing is pending (the
 * sequential case, unchanged), else with one keyed by the whole history's length.
 */
export function gpAsk(
  ctx: AskContext,
  seed: number,
  nStartupTrials: number,
  problem = adaptHistory(ctx.space, ctx.trials, ctx.directions),
  options: GpAskOptions = {},
): Params {
  const { space } = ctx;
  const { outputWarp = DEFAULT_OUTPUT_WARP, liar, memo, hooks } = options;
  if (inStartup(problem, nStartupTrials)) return sampleQmc(space, seed, ctx.trials.length);
  const { slots } = spaceDims(space);
  return distinct(
    ctx,
    seed,
    0x69,
    () => {
      const common = { X: problem.X, pending: problem.pending, dims: problem.dims, constraints: problem.constraints, liar };
      if (ctx.directions.length !== 1) {
        // ParEGO draws fresh weights per ask, so each point of a batch has its own scalarisation and fit.
        const observations = problem.X.length;
        const modelPoints = Math.min(observations, defaultMaxModelPoints);
        hooks?.onModelFit?.({ observations, modelPoints, fitPoints: Math.min(modelPoints, defaultMaxFitPoints) });
        const rng = coreRng(seed, ctx, 0x69);
        return decodeParams(space, slots, gpSuggestMulti({ ...common, rng, values: problem.y, directions: ctx.directions.map(() => 'minimize' as const) }));
      }
      const pendingCount = problem.pending.length;
      const settled = ctx.trials.length - pendingCount;
      const fitRng = createRandomSource(mixSeed(seed, settled, 0x69, 0));
      let prepared = pendingCount > 0 ? memo?.get(settled) : undefined;
      if (!prepared) {
        prepared = gpPrepare({ ...common, rng: fitRng, y: warpOutputs(problem.y.map((v) => v[0]!), outputWarp), minimize: true });
        hooks?.onModelFit?.(prepared.sizes);
        memo?.set(settled, prepared);
      }
      const rng = pendingCount === 0 ? fitRng : createRandomSource(mixSeed(seed, ctx.trials.length, 0x6a, 0));
      return decodeParams(space, slots, gpPropose(prepared, problem.pending, rng));
    },
    1,
  );
}

/**
 * Gaussian-process Bayesian optimisation (Matérn-5/2 ARD GP, Rasmussen & Williams 2006; log expected
 * improvement, Ament et al. 2023; constrained EI, Gardner et al. 2014; running trials as fantasised
 * observations, the kriging believer of Ginsbourger et al. 2010 by default; ParEGO for several objectives,
 * Knowles 2006). The first `nStartupTrials` observations come from a scrambled Sobol sequence. Conditional
 * parameters are modelled with fixed fill values while inactive (see {@link adaptHistory}); PRUNED trials count
 * with their last intermediate value; constraints come from `FrozenTrial.constraints`. `ask(ctx, n)` fits the
 * model once for the whole batch. Cost grows as n³ up to `defaultMaxModelPoints` (500) observations; past
 * that the GP is conditioned on a deterministic subset of 500 (the best half, the most recent, the rest spread
 * over the history), so an ask stays under a second at any history size (README, "Cost of the GP").
 */
export function createGpSampler(options: GpSamplerOptions): Sampler {
  const { seed, nStartupTrials = DEFAULT_GP_STARTUP_TRIALS, outputWarp, liar, hooks } = options;
  return {
    kind: 'gp',
    ask: (ctx, n = 1) => {
      const memo: GpFitMemo = new Map();
      return askSequentially(ctx, n, (c) => gpAsk(c, seed, nStartupTrials, undefined, { outputWarp, liar, memo, hooks }));
    },
    remaining: () => undefined,
  };
}

export interface CmaesSamplerOptions {
  seed: number;
  /** Initial step size in unit-cube coordinates. */
  sigma0?: number;
  /** Population size of the first run (default 4 + ⌊3 ln d⌋). */
  populationSize?: number;
  /**
   * Sampler of the parameters CMA-ES does not model (categoricals and conditional parameters): 'tpe'
   * (default; univariate TPE over the whole history) or 'random' (Optuna's CmaEsSampler default). On
   * bench/samplers' mixed-nn (one 4-way categorical), 10 seeds at 50 trials: median regret 0.060 with 'tpe',
   * 0.177 with 'random'; Branin (no categorical) is the same with both.
   */
  independentSampler?: 'random' | 'tpe';
}

/**
 * The parameters CMA-ES searches (Optuna's "relative search space"): float and int parameters without a
 * condition, so present in every trial. Categoricals have no order for a Gaussian to move along, and a
 * conditional parameter is missing from part of the history.
 */
export function cmaesRelativeParams(space: SearchSpace): ParamDef[] {
  return space.params.filter((p) => p.type !== 'categorical' && p.when === undefined);
}

function subSpace(params: readonly ParamDef[]): SearchSpace {
  return { params, index: Object.fromEntries(params.map((p, i) => [p.name, i])) };
}

/**
 * CMA-ES (Hansen 2016) with IPOP restarts (Auger & Hansen 2005) and the integer margin (Hamano et al. 2022)
 * over the numeric, unconditional parameters ({@link cmaesRelativeParams}); every other parameter (categoricals,
 * conditional parameters) comes from the independent sampler — univariate TPE by default, or uniform random as
 * in Optuna's CmaEsSampler — and CMA-ES never sees it. The state is replayed from the history on every
 * ask: observations in trial-number order form consecutive generations. With no numeric unconditional
 * parameter, every parameter comes from the independent sampler. Single objective only. The configured seed goes
 * to the core unmixed: the core derives each generation's candidate stream from (seed, generation), and the k-th
 * trial of a generation takes candidate k, so the same history still gives the same suggestion.
 */
export function createCmaesSampler(options: CmaesSamplerOptions): Sampler {
  const { seed, sigma0, populationSize, independentSampler = 'tpe' } = options;
  const relativeCache = new WeakMap<SearchSpace, SearchSpace>();
  const tpe = independentSampler === 'tpe' ? createTpeSampler({ seed, multivariate: false, constantLiar: true }) : undefined;
  const independent = (ctx: AskContext, attempt: number): Params =>
    tpe && attempt === 0 ? (tpe.ask(ctx, 1)[0] as Params) : sampleUniform(ctx.space, createRng(seed, ctx.trials.length, 0x63, attempt));
  const one = (ctx: AskContext): Params => {
    if (ctx.directions.length !== 1) {
      throw new RangeError(`sampler kind "cmaes" optimises one objective, got directions=${JSON.stringify(ctx.directions)}`);
    }
    let relative = relativeCache.get(ctx.space);
    if (!relative) {
      relative = subSpace(cmaesRelativeParams(ctx.space));
      relativeCache.set(ctx.space, relative);
    }
    const rel = relative;
    const problem = rel.params.length > 0 ? adaptHistory(rel, ctx.trials, ctx.directions) : undefined;
    const { slots } = spaceDims(rel);
    const history = problem ? problem.X.map((x, i) => ({ x, y: problem.y[i]![0]! })) : [];
    return distinct(
      ctx,
      seed,
      0x63,
      (attempt) => {
        const other = independent(ctx, attempt);
        if (!problem) return other;
        // Redraws take later candidates of the same generation (the core indexes them by pending count).
        const pending = [...problem.pending, ...Array.from({ length: attempt }, () => problem.pending[0] ?? history[0]?.x ?? new Array<number>(problem.width).fill(0.5))];
        const x = cmaesSuggest({ history, pending, dims: problem.dims, seed, minimize: true, sigma0, populationSize });
        const numeric = decodeParams(rel, slots, x);
        // Space order: a parameter's parents come first, so conditions are checked against the merged point.
        const out: Params = {};
        for (const p of ctx.space.params) {
          if (p.name in rel.index) out[p.name] = numeric[p.name]!;
          else if (conditionHolds(p, out)) out[p.name] = other[p.name] ?? decodeValue(p, createRng(seed, ctx.trials.length, 0x64, attempt, ctx.space.index[p.name]!).next());
        }
        return out;
      },
      MAX_REDRAWS,
    );
  };
  return { kind: 'cmaes', ask: (ctx, n = 1) => askSequentially(ctx, n, one), remaining: () => undefined };
}

export interface Nsga2SamplerOptions {
  seed: number;
  /** Parents kept per generation and children per generation (default {@link DEFAULT_NSGA2_POPULATION}). */
  populationSize?: number;
}

/**
 * NSGA-II (Deb, Pratap, Agarwal & Meyarivan 2002): elitist non-dominated sorting with crowding distance,
 * SBX crossover and polynomial mutation (Deb & Agrawal 1995), constraint-domination from
 * `FrozenTrial.constraints`. Generations are consecutive blocks of `populationSize` observations in
 * trial-number order; the first generation is uniformly random. PRUNED trials are left out for several
 * objectives (see {@link adaptHistory}). Works for one objective too.
 */
export function createNsga2Sampler(options: Nsga2SamplerOptions): Sampler {
  const { seed, populationSize = DEFAULT_NSGA2_POPULATION } = options;
  const one = (ctx: AskContext): Params => {
    const problem = adaptHistory(ctx.space, ctx.trials, ctx.directions);
    const { slots } = spaceDims(ctx.space);
    const history = problem.X.map((x, i) => ({ x, values: problem.y[i]!, constraints: problem.constraints?.[i] }));
    return distinct(
      ctx,
      seed,
      0x6e,
      (attempt) => {
        const x = nsga2Suggest({
          history,
          pending: problem.pending,
          directions: ctx.directions.map(() => 'minimize' as const),
          dims: problem.dims,
          populationSize,
          rng: coreRng(seed, ctx, 0x6e, attempt),
        });
        return decodeParams(ctx.space, slots, x);
      },
      MAX_REDRAWS,
    );
  };
  return { kind: 'nsga2', ask: (ctx, n = 1) => askSequentially(ctx, n, one), remaining: () => undefined };
}

/** Whether any parameter of the space is conditional (`when`). */
export function hasConditions(space: SearchSpace): boolean {
  return space.params.some((p) => p.when !== undefined);
}
