import { createRng } from '../rng';
import { decodeFromUnitCube } from '../space-codec';
import type { SearchSpace } from '../space';
import type { Params } from '../types';
import type { Rng } from '../rng';
import { askSequentially } from './types';
import type { Sampler } from './types';

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
  return {
    kind: 'random',
    reads: 'count',
    ask: (ctx, n = 1) =>
      askSequentially(ctx, n, (c) => sampleUniform(c.space, createRng(seed, c.trials.length, 0x7a2d))),
    remaining: () => undefined,
  };
}
