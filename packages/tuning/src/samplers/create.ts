import { parseSamplerConfig } from './config';
import type { SamplerConfig } from './config';
import { createGridSampler } from './grid';
import { createQmcSampler } from './qmc';
import { createRandomSampler } from './random';
import { createTpeSampler } from './tpe/sampler';
import type { Sampler } from './types';

/**
 * Creates a sampler from its configuration (validated with {@link parseSamplerConfig}). `auto`, the
 * default strategy, is TPE after a scrambled-Sobol start; 'gp', 'cmaes' and 'nsga2' throw until they land.
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
    case 'auto':
      return createTpeSampler(
        {
          seed,
          nStartupTrials: c.nStartupTrials,
          nEiCandidates: c.nEiCandidates,
          priorWeight: c.priorWeight,
          multivariate: c.multivariate,
          constantLiar: c.constantLiar,
          startup: c.kind === 'auto' ? 'qmc' : 'random',
        },
        c.kind,
      );
    case 'gp':
    case 'cmaes':
    case 'nsga2':
      throw new Error(`sampler kind "${c.kind}" is not available yet (available: random, grid, qmc, tpe, auto)`);
  }
}
