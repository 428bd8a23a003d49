import type { SearchSpace } from '../space.ts';
import type { Direction, FrozenTrial, Params } from '../types.ts';

/** Every sampler kind a configuration may name. */
export const SAMPLER_KINDS = ['random', 'grid', 'qmc', 'tpe', 'auto', 'gp', 'cmaes', 'nsga2'] as const;
export type SamplerKind = (typeof SAMPLER_KINDS)[number];

/** What a sampler reads: the space, the whole history of the study (any state) and the objectives' directions. */
export interface AskContext {
  space: SearchSpace;
  trials: readonly FrozenTrial[];
  directions: readonly Direction[];
}

/**
 * A strategy proposing parameters. Samplers keep no state between calls: a suggestion is a pure function of
 * the configuration (seed included) and the history, so any API replica proposes the same trial.
 */
export interface Sampler {
  readonly kind: SamplerKind;
  /**
   * Proposes `n` (default 1) points. The batch behaves like `n` sequential asks, each seeing the previous
   * suggestions as PENDING trials. A finite sampler (grid) returns fewer, or none once exhausted.
   */
  ask(ctx: AskContext, n?: number): Params[];
  /** How many more distinct points the sampler can propose, or undefined when unbounded. */
  remaining(ctx: AskContext): number | undefined;
  /**
   * Present when the sampler reads nothing of the history but its length (random, qmc): the same `n`
   * suggestions as `ask` given a history of `count` trials, without one. A large random search then costs its
   * caller a count, not a read of every trial, and the call costs O(n) however long the study.
   */
  askFromCount?(ctx: CountContext, n?: number): Params[];
}

/** Sizes reported by {@link SamplerHooks.onModelFit}. */
export interface ModelFitSizes {
  /** Observations the sampler was given. */
  observations: number;
  /** Observations the model was conditioned on. */
  modelPoints: number;
  /** Observations its hyperparameters were fitted on. */
  fitPoints: number;
}

/** Observers a caller may attach to a sampler (tests and benchmarks count model fits with them). */
export interface SamplerHooks {
  /**
   * Called once per model fit (a GP's hyperparameter fit) with how many observations it saw: all of them, the
   * number the GP was conditioned on (bounded past `defaultMaxModelPoints`) and the number its hyperparameters
   * were fitted on. Never changes a suggestion.
   */
  onModelFit?: (fit: ModelFitSizes) => void;
}

/** What a sampler with `askFromCount` reads: the space and how many trials the study holds (any state). */
export interface CountContext {
  space: SearchSpace;
  count: number;
  directions: readonly Direction[];
}

/**
 * `askFromCount` from a function of the space and the history's length: the i-th suggestion sees `count + i`
 * trials, as `askSequentially` adds each suggestion to the history before the next.
 */
export function askFromCountSequentially(ctx: CountContext, n: number, one: (space: SearchSpace, length: number) => Params): Params[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`\`n\` must be a non-negative integer, got n=${n}`);
  if (!Number.isInteger(ctx.count) || ctx.count < 0) throw new RangeError(`\`count\` must be a non-negative integer, got count=${ctx.count}`);
  return Array.from({ length: n }, (_, i) => one(ctx.space, ctx.count + i));
}

/** Runs `one` n times, adding each suggestion to the history as a PENDING trial before the next. */
export function askSequentially(ctx: AskContext, n: number, one: (ctx: AskContext) => Params | undefined): Params[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`\`n\` must be a non-negative integer, got n=${n}`);
  const out: Params[] = [];
  let trials = ctx.trials;
  let next = trials.reduce((m, t) => Math.max(m, t.number + 1), 0);
  for (let i = 0; i < n; i++) {
    const params = one({ ...ctx, trials });
    if (params === undefined) break;
    out.push(params);
    trials = [...trials, { number: next++, state: 'PENDING', params }];
  }
  return out;
}
