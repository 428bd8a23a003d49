// What the model-based samplers (GP, CMA-ES, NSGA-II) share: never re-proposing a trial of the history, and the
// core's random stream for an ask.
import { createRandomSource, createRng, mixSeed } from '../rng.ts';
import type { RandomSource } from '../rng.ts';
import type { Params } from '../types.ts';
import { sampleUniform } from './random.ts';
import type { AskContext } from './types.ts';

/** Redraws (NSGA-II, CMA-ES) before a suggestion that repeats an existing trial is replaced by a random point. */
export const MAX_REDRAWS = 8;

function paramsKey(p: Readonly<Params>): string {
  return JSON.stringify(Object.keys(p).sort().map((k) => [k, p[k]]));
}

/**
 * Returns the first proposal that repeats no trial of the history (any state, so neither a finished point
 * nor a parallel one), trying `propose(0…MAX_REDRAWS−1)`, then a uniform random point. A model over a
 * discrete space may well rank an evaluated point best; evaluating it twice teaches nothing.
 */
export function distinct(ctx: AskContext, seed: number, tag: number, propose: (attempt: number) => Params | undefined, attempts: number): Params {
  const seen = new Set(ctx.trials.map((t) => paramsKey(t.params)));
  for (let a = 0; a < attempts; a++) {
    const p = propose(a);
    if (p === undefined) break;
    if (!seen.has(paramsKey(p))) return p;
  }
  let fallback: Params = {};
  for (let a = 0; a < MAX_REDRAWS; a++) {
    fallback = sampleUniform(ctx.space, createRng(seed, ctx.trials.length, tag, a));
    if (!seen.has(paramsKey(fallback))) break;
  }
  return fallback;
}

/** The core's random source for an ask: the seed mixed with the history's length and a per-kind tag. */
export function coreRng(seed: number, ctx: AskContext, tag: number, attempt = 0): RandomSource {
  return createRandomSource(mixSeed(seed, ctx.trials.length, tag, attempt));
}
