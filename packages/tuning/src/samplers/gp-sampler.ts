// The GP sampler: the history goes through the adapter to the GP core (src/gp) and back.
import { gpSuggestMulti } from '../gp/parego.ts';
import { defaultMaxFitPoints, gpPrepare, gpPropose, maxModelPointsFor } from '../gp/suggest.ts';
import type { GpLiar, GpPrepared } from '../gp/suggest.ts';
import { createRandomSource, mixSeed } from '../rng.ts';
import type { SearchSpace } from '../space.ts';
import type { Params } from '../types.ts';
import { adaptHistory, decodeParams, inactiveProjection, spaceDims } from './adapter.ts';
import type { CoreProblem } from './adapter.ts';
import { coreRng, distinct } from './distinct.ts';
import { DEFAULT_OUTPUT_WARP, boundOutputs, warpOutputs } from './output-warp.ts';
import type { OutputWarp } from './output-warp.ts';
import { sampleQmc } from './qmc.ts';
import { askSequentially } from './types.ts';
import type { AskContext, Sampler, SamplerHooks } from './types.ts';

/** Quasi-random (scrambled Sobol) trials before the GP takes over (Optuna's GPSampler also starts with 10). */
export const DEFAULT_GP_STARTUP_TRIALS = 10;
/**
 * The widest encoding (one column per float or integer parameter, one per categorical choice) the GP models. Its
 * ARD kernel has a length scale per column, so the fit grows with the width even on a bounded subset: a `gp` ask
 * took ~1 s of CPU with two categoricals of 1,000 choices (2,002 columns), 4.7 s with ten (10,010) and 46 s with
 * a hundred (`cd bench && npx tsx samplers/gp-width.ts`, docs/benchmarks.md). A wider space is refused with
 * this reason (a study asking for it is refused when it is created); `tpe` and `auto` handle it.
 */
export const MAX_GP_WIDTH = 2048;

/** Throws when the space is wider than the GP models ({@link MAX_GP_WIDTH}), naming the widest parameters. */
export function checkGpWidth(space: SearchSpace, width: number): void {
  if (width <= MAX_GP_WIDTH) return;
  const widest = space.params
    .flatMap((p) => (p.type === 'categorical' ? [{ name: p.name, choices: p.choices.length }] : []))
    .sort((a, b) => b.choices - a.choices)
    .slice(0, 3)
    .map((p) => `${p.name}: ${p.choices} choices`);
  throw new RangeError(
    `the GP models at most ${MAX_GP_WIDTH} encoded columns (one per float or int parameter, one per categorical choice); this space has ${width} (${widest.join(', ')}); use the tpe or auto sampler`,
  );
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
  /** The lie told at PENDING/RUNNING trials (default {@link defaultGpLiar}: the kriging believer, with a lower confidence bound on continuous spaces). */
  liar?: GpLiar;
  hooks?: SamplerHooks;
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
  const { slots, width } = spaceDims(space);
  checkGpWidth(space, width);
  if (inStartup(problem, nStartupTrials)) return sampleQmc(space, seed, ctx.trials.length);
  return distinct(
    ctx,
    seed,
    0x69,
    () => {
      const common = {
        X: problem.X,
        pending: problem.pending,
        failed: problem.failed,
        dims: problem.dims,
        constraints: problem.constraints,
        liar,
        projection: inactiveProjection(space, slots),
      };
      if (ctx.directions.length !== 1) {
        // ParEGO draws fresh weights per ask, so each point of a batch has its own scalarisation and fit.
        const observations = problem.X.length;
        const modelPoints = Math.min(observations, maxModelPointsFor(width));
        hooks?.onModelFit?.({ observations, modelPoints, fitPoints: Math.min(modelPoints, defaultMaxFitPoints) });
        const rng = coreRng(seed, ctx, 0x69);
        // Each objective bounded on its own: ParEGO scales each by its range, which a value of 1e308 overflows.
        const columns = ctx.directions.map((_, k) => boundOutputs(problem.y.map((v) => v[k]!)));
        const values = problem.y.map((_, i) => columns.map((column) => column[i]!));
        return decodeParams(space, slots, gpSuggestMulti({ ...common, rng, values, directions: ctx.directions.map(() => 'minimize' as const) }));
      }
      const pendingCount = problem.pending.length;
      const settled = ctx.trials.length - pendingCount;
      const fitRng = createRandomSource(mixSeed(seed, settled, 0x69, 0));
      let prepared = pendingCount > 0 ? memo?.get(settled) : undefined;
      if (!prepared) {
        prepared = gpPrepare({ ...common, rng: fitRng, y: warpOutputs(boundOutputs(problem.y.map((v) => v[0]!)), outputWarp), minimize: true });
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
 * Gaussian-process Bayesian optimisation (Matérn-5/2 ARD GP, Rasmussen & Williams 2006, whose prior mean is the
 * worst observation, De Ath et al. 2020, see `defaultGpPriorMean`; log expected
 * improvement, Ament et al. 2023; constrained EI, Gardner et al. 2014; running trials as fantasised
 * observations, the kriging believer of Ginsbourger et al. 2010 by default, asked with a lower confidence bound on
 * continuous spaces (GP-BUCB, Desautels et al. 2014); ParEGO for several objectives,
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
