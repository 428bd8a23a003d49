import { ConfigError, parsePrunerConfig, parseSamplerConfig, PRUNER_KINDS, SAMPLER_KINDS } from '@tuneboard/tuning';
import { describe, expect, it } from 'vitest';
import { buildConfig, kindSpec, prunerKinds, samplerKinds, type KindSpec } from './options.ts';

/** The fields a parser allows for `kind`, read from the error it gives for a field it does not know. */
function allowedFields(parse: (json: unknown) => unknown, kind: string): string[] {
  try {
    parse({ kind, notAnOption: 1 });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const listed = /\(allowed: ([^)]*)\)/.exec(error.message)?.[1];
    if (listed) return listed.split(', ').filter((field) => field !== 'kind').sort();
  }
  throw new Error(`the parser took an unknown field for kind ${kind}`);
}

/** A value of the option's type that the parser should accept, if it accepts the option at all. */
function sample(option: KindSpec['options'][number]): unknown {
  if (option.type === 'boolean') return true;
  if (option.type === 'choice') return option.choices?.[0];
  return ({ percentile: 50, reductionFactor: 3, sigma0: 0.5 } as Record<string, number>)[option.name] ?? 2;
}

describe('sampler and pruner descriptions agree with the parsers the API applies', () => {
  const cases = [
    ['sampler', samplerKinds, SAMPLER_KINDS, parseSamplerConfig],
    ['pruner', prunerKinds, PRUNER_KINDS, parsePrunerConfig],
  ] as const;
  for (const [what, described, kinds, parse] of cases) {
    it(`describes every ${what} kind and each kind's fields, no more and no fewer`, () => {
      expect(described.map((k) => k.kind).sort()).toEqual([...kinds].sort());
      for (const spec of described) {
        // 'none' allows only `kind`: its error lists nothing else.
        const allowed = spec.options.length === 0 ? [] : allowedFields(parse as (json: unknown) => unknown, spec.kind);
        expect(spec.options.map((o) => o.name).sort(), `${what} ${spec.kind}`).toEqual(allowed);
      }
    });

    it(`builds ${what} documents the parser accepts from every option filled in`, () => {
      for (const spec of described) {
        const values = Object.fromEntries(spec.options.map((o) => [o.name, String(sample(o))]));
        const config = buildConfig(spec, values);
        expect(() => (parse as (json: unknown) => unknown)(config), `${what} ${spec.kind}`).not.toThrow();
      }
    });
  }

  it('keeps only filled options, as numbers and booleans', () => {
    expect(buildConfig(kindSpec(samplerKinds, 'tpe'), { seed: '7', nStartupTrials: '', multivariate: 'true', other: '1' })).toEqual({
      kind: 'tpe',
      seed: 7,
      multivariate: true,
    });
  });

  it('passes text that is not a number through, so the parser names the field and the value', () => {
    const config = buildConfig(kindSpec(prunerKinds, 'median'), { warmupSteps: 'two' });
    expect(config).toEqual({ kind: 'median', warmupSteps: 'two' });
    expect(() => parsePrunerConfig(config)).toThrow('must be an integer with `0 <= warmupSteps <= 9007199254740991`, got warmupSteps="two"');
  });

  it('falls back to the first kind for a kind it does not describe', () => {
    expect(kindSpec(samplerKinds, 'nope').kind).toBe('auto');
  });
});
