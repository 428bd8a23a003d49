import { parseSamplerConfig } from './config';
import type { SamplerConfig } from './config';
import { adaptHistory } from './adapter';
import { DEFAULT_GP_STARTUP_TRIALS, createCmaesSampler, createGpSampler, createNsga2Sampler, gpAsk, hasConditions } from './core-samplers';
import { createGridSampler } from './grid';
import { createQmcSampler } from './qmc';
import { createRandomSampler } from './random';
import { createTpeSampler } from './tpe/sampler';
import { askSequentially } from './types';
import type { AskContext, Sampler } from './types';

/**
 * `auto` uses the GP while fewer than this many observations exist. Chosen from `npm run bench:samplers`
 * (see docs/benchmarks.md, Samplers): at 25–100 trials the GP beat TPE on every numeric objective, while its
 * ask() cost grows as n³ (hyperparameter fits are capped at 200 points; ~0.3–1 s CPU per ask at 200 trials
 * in 6-D on the shared benchmark box). Past the threshold TPE's ~ms asks win on time per unit of progress.
 */
export const AUTO_GP_MAX_TRIALS = 200;
/**
 * `auto` uses the GP only for spaces of at most this many parameters (a GP with ARD length scales needs
 * several observations per dimension before it beats TPE); larger spaces go to TPE from the start.
 */
export const AUTO_GP_MAX_PARAMS = 12;

/**
 * Which model `auto` uses for a study: the GP for one objective, no conditional parameters, at most
 * {@link AUTO_GP_MAX_PARAMS} parameters and fewer than {@link AUTO_GP_MAX_TRIALS} observations; TPE otherwise
 * (multivariate, with its Pareto ranking for several objectives, which did better than NSGA-II at 50–100
 * trials on the benchmark's ZDT problems).
 */
export function autoChoice(ctx: AskContext, observed: number): 'gp' | 'tpe' {
  if (ctx.directions.length !== 1) return 'tpe';
  if (hasConditions(ctx.space) || ctx.space.params.length > AUTO_GP_MAX_PARAMS) return 'tpe';
  return observed < AUTO_GP_MAX_TRIALS ? 'gp' : 'tpe';
}

/**
 * Creates a sampler from its configuration (validated with {@link parseSamplerConfig}). `auto`, the default
 * strategy, starts with scrambled-Sobol points, then uses the GP while the problem suits it (see
 * {@link autoChoice}) and TPE past that.
 */
export function createSampler(config: SamplerConfig = { kind: 'auto' }): Sampler {
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
      return createTpeSampler({
        seed,
        nStartupTrials: c.nStartupTrials,
        nEiCandidates: c.nEiCandidates,
        priorWeight: c.priorWeight,
        multivariate: c.multivariate,
        constantLiar: c.constantLiar,
        startup: 'random',
      });
    case 'auto': {
      const tpe = createTpeSampler(
        {
          seed,
          nStartupTrials: c.nStartupTrials,
          nEiCandidates: c.nEiCandidates,
          priorWeight: c.priorWeight,
          multivariate: c.multivariate,
          constantLiar: c.constantLiar,
          startup: 'qmc',
        },
        'auto',
      );
      const gpStartup = c.nStartupTrials ?? DEFAULT_GP_STARTUP_TRIALS;
      const one = (ctx: AskContext) => {
        if (ctx.directions.length === 1 && !hasConditions(ctx.space) && ctx.space.params.length <= AUTO_GP_MAX_PARAMS) {
          const problem = adaptHistory(ctx.space, ctx.trials, ctx.directions);
          if (autoChoice(ctx, problem.X.length) === 'gp') return gpAsk(ctx, seed, gpStartup, problem);
        }
        return tpe.ask(ctx, 1)[0];
      };
      return { kind: 'auto', ask: (ctx, n = 1) => askSequentially(ctx, n, one), remaining: () => undefined };
    }
    case 'gp':
      return createGpSampler({ seed, nStartupTrials: c.nStartupTrials, outputWarp: c.outputWarp });
    case 'cmaes':
      return createCmaesSampler({ seed, sigma0: c.sigma0, populationSize: c.populationSize });
    case 'nsga2':
      return createNsga2Sampler({ seed, populationSize: c.populationSize });
  }
}
