import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.ts';
import { parseSamplerConfig } from './config.ts';
import { createSampler } from './create.ts';

describe('parseSamplerConfig', () => {
  const bad: [string, unknown, RegExp][] = [
    ['a non-object', null, /sampler: must be a JSON object with a `kind`, got null/],
    ['an unknown kind', { kind: 'bayes' }, /sampler.kind: must be one of random, grid, qmc, tpe, auto, gp, cmaes, nsga2, got kind="bayes"/],
    ['a fractional seed', { kind: 'random', seed: 1.5 }, /sampler.seed: must be an integer with `0 <= seed/],
    ['an unknown field', { kind: 'qmc', gridPoints: 3 }, /sampler.gridPoints: unknown field for kind "qmc"/],
    ['zero grid points', { kind: 'grid', gridPoints: 0 }, /sampler.gridPoints: must be an integer with `1 <= gridPoints <= 1000`, got gridPoints=0/],
    ['a non-positive prior weight', { kind: 'tpe', priorWeight: 0 }, /sampler.priorWeight: `priorWeight > 0` must hold, got priorWeight=0/],
    ['a non-boolean multivariate', { kind: 'tpe', multivariate: 'yes' }, /sampler.multivariate: must be true or false, got multivariate="yes"/],
    ['a GP start-up count below zero', { kind: 'gp', nStartupTrials: -1 }, /sampler.nStartupTrials: must be an integer with `0 <= nStartupTrials <= 10000`, got nStartupTrials=-1/],
    ['an unknown GP output warp', { kind: 'gp', outputWarp: 'sqrt' }, /sampler.outputWarp: must be one of none, log, copula, got outputWarp="sqrt"/],
    ['a GP option it does not have', { kind: 'gp', populationSize: 8 }, /sampler.populationSize: unknown field for kind "gp"/],
    ['a CMA-ES sigma0 above 1', { kind: 'cmaes', sigma0: 2 }, /sampler.sigma0: `0 < sigma0 <= 1` must hold, got sigma0=2/],
    ['a CMA-ES population of one', { kind: 'cmaes', populationSize: 1 }, /sampler.populationSize: must be an integer with `2 <= populationSize <= 10000`, got populationSize=1/],
    ['an unknown CMA-ES independent sampler', { kind: 'cmaes', independentSampler: 'gp' }, /sampler.independentSampler: must be one of random, tpe, got independentSampler="gp"/],
    ['an NSGA-II population of one', { kind: 'nsga2', populationSize: 1 }, /sampler.populationSize: must be an integer with `2 <= populationSize <= 10000`, got populationSize=1/],
    ['an NSGA-II option it does not have', { kind: 'nsga2', sigma0: 0.3 }, /sampler.sigma0: unknown field for kind "nsga2"/],
  ];
  it.each(bad)('rejects %s, naming the field and the value', (_label, json, message) => {
    expect(() => parseSamplerConfig(json)).toThrow(ConfigError);
    expect(() => parseSamplerConfig(json)).toThrow(message);
  });

  it('accepts a valid config and keeps only the given fields', () => {
    expect(parseSamplerConfig({ kind: 'tpe', seed: 7, nStartupTrials: 20 })).toEqual({ kind: 'tpe', seed: 7, nStartupTrials: 20 });
  });

  it('accepts the options of the GP, CMA-ES and NSGA-II samplers', () => {
    expect(parseSamplerConfig({ kind: 'gp', seed: 1, nStartupTrials: 5 })).toEqual({ kind: 'gp', seed: 1, nStartupTrials: 5 });
    expect(parseSamplerConfig({ kind: 'cmaes', sigma0: 0.2, populationSize: 6 })).toEqual({ kind: 'cmaes', sigma0: 0.2, populationSize: 6 });
    expect(parseSamplerConfig({ kind: 'cmaes', independentSampler: 'random' })).toEqual({ kind: 'cmaes', independentSampler: 'random' });
    expect(parseSamplerConfig({ kind: 'nsga2', populationSize: 20 })).toEqual({ kind: 'nsga2', populationSize: 20 });
  });

  it('creates every kind, auto by default', () => {
    for (const kind of ['gp', 'cmaes', 'nsga2'] as const) expect(createSampler({ kind }).kind).toBe(kind);
    expect(createSampler().kind).toBe('auto');
  });
});
