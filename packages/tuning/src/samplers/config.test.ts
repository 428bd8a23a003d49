import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors';
import { parseSamplerConfig } from './config';
import { createSampler } from './create';

describe('parseSamplerConfig', () => {
  const bad: [string, unknown, RegExp][] = [
    ['a non-object', null, /sampler: must be a JSON object with a `kind`, got null/],
    ['an unknown kind', { kind: 'bayes' }, /sampler.kind: must be one of random, grid, qmc, tpe, auto, gp, cmaes, nsga2, got kind="bayes"/],
    ['a fractional seed', { kind: 'random', seed: 1.5 }, /sampler.seed: must be an integer with `0 <= seed/],
    ['an unknown field', { kind: 'qmc', gridPoints: 3 }, /sampler.gridPoints: unknown field for kind "qmc"/],
    ['zero grid points', { kind: 'grid', gridPoints: 0 }, /sampler.gridPoints: must be an integer with `1 <= gridPoints <= 1000`, got gridPoints=0/],
    ['a non-positive prior weight', { kind: 'tpe', priorWeight: 0 }, /sampler.priorWeight: `priorWeight > 0` must hold, got priorWeight=0/],
    ['a non-boolean multivariate', { kind: 'tpe', multivariate: 'yes' }, /sampler.multivariate: must be true or false, got multivariate="yes"/],
  ];
  it.each(bad)('rejects %s, naming the field and the value', (_label, json, message) => {
    expect(() => parseSamplerConfig(json)).toThrow(ConfigError);
    expect(() => parseSamplerConfig(json)).toThrow(message);
  });

  it('accepts a valid config and keeps only the given fields', () => {
    expect(parseSamplerConfig({ kind: 'tpe', seed: 7, nStartupTrials: 20 })).toEqual({ kind: 'tpe', seed: 7, nStartupTrials: 20 });
  });

  it('says the samplers still to come are not available yet', () => {
    expect(() => createSampler({ kind: 'cmaes' })).toThrow(/sampler kind "cmaes" is not available yet/);
    expect(createSampler().kind).toBe('auto');
  });
});
