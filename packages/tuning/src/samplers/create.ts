import { parseSamplerConfig } from './config.ts';
import type { SamplerConfig, TpeSamplerConfig } from './config.ts';
import { adaptHistory, countObservations, spaceDims } from './adapter.ts';
import { createCmaesSampler } from './cmaes-sampler.ts';
import { DEFAULT_GP_STARTUP_TRIALS, createGpSampler, gpAsk } from './gp-sampler.ts';
import { createNsga2Sampler } from './nsga2-sampler.ts';
import { createGridSampler } from './grid.ts';
import { createQmcSampler } from './qmc.ts';
import { createRandomSampler } from './random.ts';
import { createTpeSampler } from './tpe/sampler.ts';
import type { TpeOptions } from './tpe/sampler.ts';
import { askSequentially } from './types.ts';
import type { AskContext, Sampler, SamplerHooks } from './types.ts';
import type { GpFitMemo } from './gp-sampler.ts';

/**
 * `auto` uses the GP while fewer than this many observations exist. From `npm run bench:samplers -- --quick`
 * (docs/benchmarks.md, Samplers): the GP beat TPE at 25, 50 and 100 trials on all six single-objective
 * problems (2–6 parameters), so the switch is about cost, not quality: a GP ask() at 200 trials took ~0.35 s
 * wall clock (~0.4 s CPU) in 6-D and grows as n³ (hyperparameters are fitted on at most 200 points, the model
 * conditioned on all), against a few ms for TPE. 200 keeps every GP ask under the 1 s goal.
 */
export const AUTO_GP_MAX_TRIALS = 200;
/**
 * `auto` uses the GP only for spaces of at most this many parameters: the largest measured. On the six problems
 * of 16–32 parameters of `npm run bench:samplers -- --async=1 --problems=high-dim --kinds=auto,gp` (Levy-16 and
 * -32, Ackley-16, Styblinski–Tang-16 and -32, Branin among 18 parameters that do not matter; 50 trials, 10 seeds)
 * the GP had the lower median regret than TPE (what `auto` used past 12 parameters, the earlier, unmeasured
 * bound) on all six, sequentially and with 8 runners (docs/benchmarks.md, "Where auto stops using the GP"), and
 * an ask at 199 observations in 32-D took 0.36 s (`gp-width.ts f32`). Wider than 32 is not measured.
 */
export const AUTO_GP_MAX_PARAMS = 32;
/**
 * `auto` uses the GP only for spaces of at most this many encoded columns (one per float or int parameter, one
 * per categorical choice): past the widest measured. On `wide-cat-8` (41 columns), `wide-cat-4x20` (81) and
 * `wide-cat-3x40` (121) — settings of 5, 20 and 40 choices with costs between neighbours, `bench/samplers` — the
 * GP's median regret was below TPE's (what `auto` used past 64 columns, the earlier, unmeasured bound) and Optuna
 * TPE's, sequentially and with 8 runners (50 trials, 10–20 seeds; docs/benchmarks.md, "Where auto stops using the
 * GP"). Cost is bounded at any width (the model conditions on fewer observations for wider spaces,
 * `maxModelPointsFor`): an ask at 199 observations took 0.40 s at 80 columns, 0.18 s at 120. A categorical of
 * hundreds of choices stays with TPE: the GP needs observations per choice before it knows anything TPE would not.
 */
export const AUTO_GP_MAX_WIDTH = 128;

/**
 * Which model `auto` uses for a study, for one objective or several: the GP (for several objectives ParEGO, a
 * random scalarisation per ask) for spaces of at most {@link AUTO_GP_MAX_PARAMS} parameters and
 * {@link AUTO_GP_MAX_WIDTH} encoded columns, while fewer than {@link AUTO_GP_MAX_TRIALS} observations exist; TPE
 * past that (MOTPE for several objectives). Conditional spaces take the GP too: it reads inactive parameters at
 * their fill value (`inactiveProjection`), and on the three problems of `--problems=conditional`
 * (`bench/samplers/conditional.ts`, made to decide this) its median regret was 10²–10⁴ times below TPE's with 8
 * runners and sequentially, judged on the held-out `conditional-nn`; with two objectives ParEGO had the larger
 * median hypervolume than MOTPE on `cond-arch-size` and, judged, `conditional-nn-size` (docs/benchmarks.md,
 * "Conditional spaces take the GP"). Until 2026-12-07 `auto` used TPE (MOTPE) on every conditional space. From
 * `npm run bench:samplers` (docs/benchmarks.md, Samplers): on ZDT1, ZDT2 and loss-vs-size the GP reached the
 * largest median hypervolume at 50 and 100 trials, MOTPE came next, and NSGA-II (population 50) was barely above
 * random search at those budgets in both Tuneboard and Optuna, so `auto` never picks NSGA-II: it needs
 * generations of 50, i.e. budgets in the thousands, where MOTPE is also cheap. The 200-observation switch is
 * about cost, as for one objective (a ParEGO ask fits one GP, the same n³ cost).
 */
export function autoChoice(ctx: AskContext, observed: number): 'gp' | 'tpe' {
  if (!gpSuits(ctx)) return 'tpe';
  return observed < AUTO_GP_MAX_TRIALS ? 'gp' : 'tpe';
}

/** Whether the space suits the GP at all: at most {@link AUTO_GP_MAX_PARAMS} parameters and {@link AUTO_GP_MAX_WIDTH} encoded columns. */
function gpSuits(ctx: AskContext): boolean {
  return ctx.space.params.length <= AUTO_GP_MAX_PARAMS && spaceDims(ctx.space).width <= AUTO_GP_MAX_WIDTH;
}

/** The TPE options of a `tpe` or `auto` configuration; `auto` draws its start-up points from Sobol, `tpe` at random. */
function tpeOptions(c: TpeSamplerConfig, seed: number, startup: 'random' | 'qmc'): TpeOptions {
  return {
    seed,
    nStartupTrials: c.nStartupTrials,
    nEiCandidates: c.nEiCandidates,
    priorWeight: c.priorWeight,
    multivariate: c.multivariate,
    constantLiar: c.constantLiar,
    startup,
  };
}

/**
 * Creates a sampler from its configuration (validated with {@link parseSamplerConfig}). `auto`, the default
 * strategy, starts with scrambled-Sobol points, then uses the GP while the problem suits it (see
 * {@link autoChoice}) and TPE (MOTPE for several objectives) past that.
 */
export function createSampler(config: SamplerConfig = { kind: 'auto' }, hooks: SamplerHooks = {}): Sampler {
  const c = parseSamplerConfig(config);
  const seed = c.seed ?? 0;
  switch (c.kind) {
    case 'random':
      return createRandomSampler(seed);
    case 'qmc':
      return createQmcSampler(seed);
    case 'grid':
      return createGridSampler(seed, c.gridPoints);
    case 'tpe':
      return createTpeSampler(tpeOptions(c, seed, 'random'));
    case 'auto': {
      const tpe = createTpeSampler(tpeOptions(c, seed, 'qmc'), 'auto');
      const gpStartup = c.nStartupTrials ?? DEFAULT_GP_STARTUP_TRIALS;
      const one = (ctx: AskContext, memo: GpFitMemo) => {
        // Counted first: encoding 10,000 trials only to find that TPE's turn has come cost ~20 ms an ask.
        if (autoChoice(ctx, countObservations(ctx.trials, ctx.directions)) === 'gp') {
          return gpAsk(ctx, seed, gpStartup, adaptHistory(ctx.space, ctx.trials, ctx.directions), { memo, hooks });
        }
        return tpe.ask(ctx, 1)[0];
      };
      return {
        kind: 'auto',
        ask: (ctx, n = 1) => {
          // One GP fit for the whole batch (see gpAsk).
          const memo: GpFitMemo = new Map();
          return askSequentially(ctx, n, (c) => one(c, memo));
        },
        remaining: () => undefined,
      };
    }
    case 'gp':
      return createGpSampler({ seed, nStartupTrials: c.nStartupTrials, outputWarp: c.outputWarp, liar: c.liar, hooks });
    case 'cmaes':
      return createCmaesSampler({ seed, sigma0: c.sigma0, populationSize: c.populationSize, independentSampler: c.independentSampler });
    case 'nsga2':
      return createNsga2Sampler({ seed, populationSize: c.populationSize });
  }
}
