import { Fields, defined, isObject } from '../config-fields.ts';
import { ConfigError, show } from '../errors.ts';
import { SAMPLER_KINDS } from './types.ts';
import type { SamplerKind } from './types.ts';

/** Largest number of grid points a continuous float may take. */
export const MAX_GRID_POINTS = 1000;

interface Seeded {
  /** Integer seed of every random choice; 0 when absent. */
  seed?: number;
}

export interface RandomSamplerConfig extends Seeded {
  kind: 'random';
}
export interface GridSamplerConfig extends Seeded {
  kind: 'grid';
  /** Values a float without `step` takes on the grid (default 5). */
  gridPoints?: number;
}
export interface QmcSamplerConfig extends Seeded {
  kind: 'qmc';
}
export interface TpeSamplerConfig extends Seeded {
  kind: 'tpe' | 'auto';
  nStartupTrials?: number;
  nEiCandidates?: number;
  priorWeight?: number;
  multivariate?: boolean;
  constantLiar?: boolean;
}
export interface GpSamplerConfig extends Seeded {
  kind: 'gp';
  /** Quasi-random trials before the GP takes over (default 10). */
  nStartupTrials?: number;
  /** Monotone transform of the objective before the GP sees it: 'none', 'log' (default) or 'copula'. */
  outputWarp?: 'none' | 'log' | 'copula';
  /**
   * The value fantasised at PENDING/RUNNING trials: 'lcb' (default: kriging believer with a lower confidence
   * bound on continuous spaces, EI elsewhere), 'mean' (kriging believer with EI) or 'best' (constant liar with
   * the best observed value).
   */
  liar?: 'mean' | 'best' | 'lcb';
}
export interface CmaesSamplerConfig extends Seeded {
  kind: 'cmaes';
  /** Initial step size in unit-cube coordinates, in (0, 1]. */
  sigma0?: number;
  /** Population size of the first run (>= 2; default 4 + ⌊3 ln d⌋). */
  populationSize?: number;
  /** Sampler of the categorical and conditional parameters CMA-ES does not model: 'tpe' (default) or 'random'. */
  independentSampler?: 'random' | 'tpe';
}
export interface Nsga2SamplerConfig extends Seeded {
  kind: 'nsga2';
  /** Parents and children per generation (>= 2; default 50). */
  populationSize?: number;
}

/** A sampler configuration as the API stores it. */
export type SamplerConfig =
  | RandomSamplerConfig
  | GridSamplerConfig
  | QmcSamplerConfig
  | TpeSamplerConfig
  | GpSamplerConfig
  | CmaesSamplerConfig
  | Nsga2SamplerConfig;

/**
 * Validates a sampler configuration JSON document; throws a {@link ConfigError} naming the field, the rule
 * and the value. Absent optional fields stay absent (defaults apply when the sampler is created).
 */
export function parseSamplerConfig(json: unknown): SamplerConfig {
  if (!isObject(json)) throw new ConfigError('sampler', `must be a JSON object with a \`kind\`, got ${show(json)}`);
  const kind = json.kind;
  if (!SAMPLER_KINDS.includes(kind as SamplerKind)) {
    throw new ConfigError('sampler.kind', `must be one of ${SAMPLER_KINDS.join(', ')}, got kind=${show(kind)}`);
  }
  const f = new Fields(json, 'sampler');
  const seed = f.int('seed', 0);
  switch (kind as SamplerKind) {
    case 'random':
    case 'qmc':
      f.only(['kind', 'seed']);
      return defined({ kind: kind as 'random', seed });
    case 'gp':
      f.only(['kind', 'seed', 'nStartupTrials', 'outputWarp', 'liar']);
      return defined({
        kind: 'gp',
        seed,
        nStartupTrials: f.int('nStartupTrials', 0, 10_000),
        outputWarp: f.oneOf('outputWarp', ['none', 'log', 'copula'] as const),
        liar: f.oneOf('liar', ['mean', 'best', 'lcb'] as const),
      });
    case 'cmaes':
      f.only(['kind', 'seed', 'sigma0', 'populationSize', 'independentSampler']);
      return defined({
        kind: 'cmaes',
        seed,
        sigma0: f.number('sigma0', (v) => v > 0 && v <= 1, '0 < sigma0 <= 1'),
        populationSize: f.int('populationSize', 2, 10_000),
        independentSampler: f.oneOf('independentSampler', ['random', 'tpe'] as const),
      });
    case 'nsga2':
      f.only(['kind', 'seed', 'populationSize']);
      return defined({ kind: 'nsga2', seed, populationSize: f.int('populationSize', 2, 10_000) });
    case 'grid':
      f.only(['kind', 'seed', 'gridPoints']);
      return defined({ kind: 'grid', seed, gridPoints: f.int('gridPoints', 1, MAX_GRID_POINTS) });
    case 'tpe':
    case 'auto':
      f.only(['kind', 'seed', 'nStartupTrials', 'nEiCandidates', 'priorWeight', 'multivariate', 'constantLiar']);
      return defined({
        kind: kind as 'tpe',
        seed,
        nStartupTrials: f.int('nStartupTrials', 0, 10_000),
        nEiCandidates: f.int('nEiCandidates', 1, 10_000),
        priorWeight: f.number('priorWeight', (v) => v > 0, 'priorWeight > 0'),
        multivariate: f.bool('multivariate'),
        constantLiar: f.bool('constantLiar'),
      });
  }
}
