// The NSGA-II sampler: the history goes through the adapter to the NSGA-II core (src/multi) and back.
import { nsga2Suggest } from '../multi/nsga2.ts';
import type { Params } from '../types.ts';
import { adaptHistory, decodeParams, spaceDims } from './adapter.ts';
import { MAX_REDRAWS, coreRng, distinct } from './distinct.ts';
import { askSequentially } from './types.ts';
import type { AskContext, Sampler } from './types.ts';

/** NSGA-II population size (Optuna's default). */
export const DEFAULT_NSGA2_POPULATION = 50;
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
