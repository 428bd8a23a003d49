import { describe, expect, it } from 'vitest';
import { buildConfig, prunerKinds, samplerKinds, samplerLabel } from './study-options';

const kind = (list: typeof samplerKinds, name: string) => {
  const spec = list.find((k) => k.kind === name);
  if (!spec) throw new Error(`no kind ${name}`);
  return spec;
};

describe('sampler and pruner settings', () => {
  it('keeps only filled options, as numbers and booleans', () => {
    const config = buildConfig(kind(samplerKinds, 'tpe'), {
      seed: '7',
      nStartupTrials: '',
      multivariate: 'true',
      other: '1',
    });
    expect(config).toEqual({ kind: 'tpe', seed: 7, multivariate: true });
  });

  it('passes text that is not a number through so the API names the value', () => {
    expect(buildConfig(kind(prunerKinds, 'median'), { warmupSteps: 'two' })).toEqual({
      kind: 'median',
      warmupSteps: 'two',
    });
  });

  it('labels a stored sampler by kind and seed', () => {
    expect(samplerLabel({ kind: 'cmaes', seed: 3 })).toBe('cmaes (seed 3)');
    expect(samplerLabel({ kind: 'random' })).toBe('random');
    expect(samplerLabel(null)).toBe('—');
  });
});
