import { createRng } from '../rng.ts';
import { decodeFromUnitCube } from '../space-codec.ts';
import type { SearchSpace } from '../space.ts';
import type { Params } from '../types.ts';
import type { Rng } from '../rng.ts';
import { askFromCountSequentially, askSequentially } from './types.ts';
import type { Sampler } from './types.ts';

/** Draws one point uniformly (log-uniformly for log parameters) from the space. */
export function sampleUniform(space: SearchSpace, rng: Rng): Params {
  return decodeFromUnitCube(
    space,
    space.params.map(() => rng.next()),
  );
}

/**
 * Random search (Bergstra & Bengio, "Random search for hyper-parameter optimization", JMLR 2012): every
 * parameter independent and uniform in its (log) range. The generator is derived from the seed and the
 * history's length, so the same history always gives the same suggestion.
 */
export function createRandomSampler(seed: number): Sampler {
  const draw = (space: SearchSpace, length: number) => sampleUniform(space, createRng(seed, length, 0x7a2d));
  return {
    kind: 'random',
    ask: (ctx, n = 1) => askSequentially(ctx, n, (c) => draw(c.space, c.trials.length)),
    askFromCount: (ctx, n = 1) => askFromCountSequentially(ctx, n, draw),
    remaining: () => undefined,
  };
}
