// CMA-ES as a stateless sampler: the state is rebuilt from the seed and the ordered history on every ask.
import type { Dim, DimSlot } from '../numeric/dims.ts';
import { argmaxGroup, checkPoints, layoutDims, levelValues, nearestLevel, setOneHot, snapToLevels } from '../numeric/dims.ts';
import type { CmaesState } from './cmaes.ts';
import { defaultPopulationSize, defaultSigma0, initialCmaesState, sampleCandidates, tellGeneration } from './cmaes.ts';
import { restartState, shouldRestart } from './restarts.ts';

export interface CmaesTrial {
  /** The evaluated point in the encoded unit cube (as the sampler returned it, possibly rounded by the caller). */
  x: readonly number[];
  y: number;
}

export interface CmaesSuggestInput {
  /**
   * Completed trials in the order they were asked (the samplers pass trial-number order, as `adaptHistory`
   * sorts): consecutive blocks form the generations, so with parallel runners a generation is the trials asked
   * together, not the first to finish; the history stays a pure function of the trials, whatever order they
   * finished in. Failed trials must be left out.
   */
  history: readonly CmaesTrial[];
  /** Points asked but not yet completed. */
  pending?: readonly (readonly number[])[];
  dims: readonly Dim[];
  seed: number;
  /** Default true. */
  minimize?: boolean;
  sigma0?: number;
  /** Population size of the first run (default 4 + ⌊3 ln n⌋); IPOP doubles it at each restart. */
  populationSize?: number;
}

/**
 * One internal coordinate per parameter: continuous and integer coordinates as they are, a categorical group as
 * the cell centre (k + ½)/choices of its hot choice k (an ordinal encoding: CMA-ES has no native categories,
 * and the margin keeps every neighbouring choice reachable).
 */
function encode(x: readonly number[], slots: readonly DimSlot[]): number[] {
  return slots.map(({ dim, offset, width }) => {
    if (dim.kind !== 'categorical') return Math.min(1, Math.max(0, x[offset]!));
    return (argmaxGroup(x, offset, width) + 0.5) / width;
  });
}

function categoryLevels(choices: number): number[] {
  return Array.from({ length: choices }, (_, k) => (k + 0.5) / choices);
}

function decode(u: readonly number[], slots: readonly DimSlot[], width: number): number[] {
  const out = new Array<number>(width).fill(0);
  slots.forEach(({ dim, offset, width: span }, p) => {
    const v = Math.min(1, Math.max(0, u[p]!));
    if (dim.kind === 'continuous') out[offset] = v;
    else if (dim.kind === 'int') out[offset] = snapToLevels(v, levelValues(dim));
    else setOneHot(out, offset, span, nearestLevel(v, categoryLevels(span)));
  });
  return out;
}

function levelsOf(slots: readonly DimSlot[]): number[][] {
  return slots.map(({ dim }) =>
    dim.kind === 'int' ? levelValues(dim) : dim.kind === 'categorical' ? categoryLevels(dim.choices) : [],
  );
}

export interface CmaesReplay {
  state: CmaesState;
  /** Completed trials (encoded, sign-adjusted) of the current, unfinished generation. */
  partial: { x: number[]; y: number }[];
}

/**
 * Rebuilds the CMA-ES state by replaying the history: trials are grouped into generations of the current
 * population size in order, each full generation is told, and an IPOP restart (Auger & Hansen 2005) happens
 * whenever a termination criterion fires. Deterministic in (history, dims, seed).
 */
export function replayCmaes(input: Omit<CmaesSuggestInput, 'pending'>): CmaesReplay {
  const { slots, width } = layoutDims(input.dims);
  const n = slots.length;
  if (n === 0) throw new RangeError('dims must describe at least one parameter, got none');
  checkPoints(
    input.history.map((t) => t.x),
    width,
    'history[*].x',
  );
  const sign = input.minimize === false ? -1 : 1;
  const trials = input.history.map((t, i) => {
    if (!Number.isFinite(t.y)) throw new RangeError(`history[${i}].y must be finite, got ${t.y}`);
    return { x: encode(t.x, slots), y: sign * t.y };
  });
  const sigma0 = input.sigma0 ?? defaultSigma0;
  const lambda0 = input.populationSize ?? defaultPopulationSize(Math.max(n, 2));
  if (!(Number.isInteger(lambda0) && lambda0 >= 2)) {
    throw new RangeError(`populationSize must be an integer >= 2, got ${lambda0}`);
  }
  let state = initialCmaesState(new Array<number>(n).fill(0.5), levelsOf(slots), lambda0, sigma0);
  let start = 0;
  while (trials.length - start >= state.params.lambda) {
    const generation = trials.slice(start, start + state.params.lambda);
    start += state.params.lambda;
    const fs = generation.map((t) => t.y);
    state = tellGeneration(
      state,
      generation.map((t) => t.x),
      fs,
    );
    if (shouldRestart(state, fs)) state = restartState(state, input.seed);
  }
  return { state, partial: trials.slice(start) };
}

/**
 * Suggests the next point by CMA-ES (Hansen 2016) with IPOP restarts (Auger & Hansen 2005) and the integer
 * margin (Hamano et al. 2022). Nothing is remembered between asks: the state is replayed from the history,
 * and the suggestion is candidate k of the current generation's seeded stream, where k counts the completed
 * trials of that generation plus the pending ones, so parallel asks get distinct candidates.
 */
export function cmaesSuggest(input: CmaesSuggestInput): number[] {
  const { slots, width } = layoutDims(input.dims);
  const pending = input.pending ?? [];
  checkPoints(pending, width, 'pending');
  const { state, partial } = replayCmaes(input);
  const k = partial.length + pending.length;
  const candidates = sampleCandidates(state, input.seed, k + 1);
  return decode(candidates[k]!, slots, width);
}
