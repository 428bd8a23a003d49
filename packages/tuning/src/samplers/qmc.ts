import { createRng } from '../rng.ts';
import { decodeFromUnitCube } from '../space-codec.ts';
import type { SearchSpace } from '../space.ts';
import type { Params } from '../types.ts';
import { sampleUniform } from './random.ts';
import { ScrambledSobol, SOBOL_BITS } from './sobol.ts';
import { askFromCountSequentially, askSequentially } from './types.ts';
import type { Sampler } from './types.ts';

const sobolCache = new Map<string, ScrambledSobol>();

function sobolFor(dims: number, seed: number): ScrambledSobol {
  const key = `${dims}:${seed}`;
  let s = sobolCache.get(key);
  if (!s) {
    s = new ScrambledSobol(dims, seed);
    if (sobolCache.size > 64) sobolCache.clear();
    sobolCache.set(key, s);
  }
  return s;
}

/** The `index`-th quasi-random point of the space, or a uniform one past the sequence's period. */
export function sampleQmc(space: SearchSpace, seed: number, index: number): Params {
  if (index >= 2 ** SOBOL_BITS) return sampleUniform(space, createRng(seed, index, 0x9c));
  return decodeFromUnitCube(space, sobolFor(space.params.length, seed).point(index));
}

/**
 * Quasi-random search with a scrambled Sobol sequence (Sobol 1967; Joe & Kuo 2008; Matoušek's scramble
 * 1998): trial i takes point i, where i counts every trial already in the study (PENDING and RUNNING
 * included, so parallel asks take consecutive points). Past 2^32 points it falls back to random sampling.
 */
export function createQmcSampler(seed: number): Sampler {
  return {
    kind: 'qmc',
    ask: (ctx, n = 1) => askSequentially(ctx, n, (c) => sampleQmc(c.space, seed, c.trials.length)),
    askFromCount: (ctx, n = 1) => askFromCountSequentially(ctx, n, (space, length) => sampleQmc(space, seed, length)),
    remaining: () => undefined,
  };
}
