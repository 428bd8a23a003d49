// NSGA-II (Deb et al. 2002) as a stateless sampler: the parent population is rebuilt from the ordered history.
import type { Dim, DimSlot } from '../numeric/dims.ts';
import { checkPoints, layoutDims, setOneHot, snapPoint } from '../numeric/dims.ts';
import type { RandomSource } from '../rng.ts';
import { randInt } from '../rng.ts';
import type { Direction } from './pareto.ts';
import { crowdingDistance, nonDominatedSort, toMinimization } from './pareto.ts';

/** Distribution indices of SBX and polynomial mutation (Deb & Agrawal 1995; NSGA-II's defaults). */
export const defaultCrossoverEta = 20;
export const defaultMutationEta = 20;
/** Probability that two parents are recombined at all (otherwise the child copies parent 1). */
export const defaultCrossoverProbability = 0.9;

export interface Nsga2Trial {
  /** Evaluated point in the encoded unit cube. */
  x: readonly number[];
  /** One value per direction. */
  values: readonly number[];
  /** Constraint values, ≤ 0 feasible; omitted means feasible. */
  constraints?: readonly number[];
}

export interface Nsga2SuggestInput {
  /**
   * Completed trials in the order they were asked (the samplers pass trial-number order, as `adaptHistory`
   * sorts): consecutive blocks form the generations, so with parallel runners a generation is the trials asked
   * together, not the first to finish; the history stays a pure function of the trials, whatever order they
   * finished in. Failed trials must be left out.
   */
  history: readonly Nsga2Trial[];
  /**
   * Points asked but not yet completed. Children are independent draws from the parents, so pending points
   * need no coordination; accepted for the common sampler signature.
   */
  pending?: readonly (readonly number[])[];
  directions: readonly Direction[];
  dims: readonly Dim[];
  populationSize: number;
  rng: RandomSource;
  crossoverProbability?: number;
  /** Per-parameter mutation probability (default 1/number of parameters). */
  mutationProbability?: number;
  crossoverEta?: number;
  mutationEta?: number;
}

/** A member of the parent population, with its rank and crowding distance (for tournaments). */
export interface Nsga2Member {
  index: number;
  rank: number;
  crowding: number;
}

/**
 * Elitist survival (Deb et al. 2002, §III-C): sort `candidates` (indices into history) into fronts by
 * constraint-domination, fill by whole fronts, break the last by crowding distance (larger first, then index).
 */
function survive(
  candidates: readonly number[],
  objectives: readonly number[][],
  constraints: readonly (readonly number[] | undefined)[],
  directions: readonly Direction[],
  size: number,
): Nsga2Member[] {
  const minimise = directions.map(() => 'minimize' as const);
  const fronts = nonDominatedSort(
    candidates.map((i) => objectives[i]!),
    minimise,
    candidates.map((i) => constraints[i]),
  );
  const out: Nsga2Member[] = [];
  for (let r = 0; r < fronts.length && out.length < size; r++) {
    const front = fronts[r]!;
    const crowding = crowdingDistance(front.map((j) => objectives[candidates[j]!]!));
    const members = front.map((j, k) => ({ index: candidates[j]!, rank: r, crowding: crowding[k]! }));
    if (out.length + members.length > size) members.sort((a, b) => b.crowding - a.crowding || a.index - b.index);
    out.push(...members.slice(0, size - out.length));
  }
  return out;
}

/**
 * The parent population after replaying the history: generation 0 is the first `populationSize` trials, each
 * further block of `populationSize` trials is a generation of children, and survival keeps the best
 * `populationSize` of parents ∪ children. Null while generation 0 is incomplete.
 */
export function nsga2Population(
  history: readonly Nsga2Trial[],
  directions: readonly Direction[],
  populationSize: number,
): Nsga2Member[] | null {
  if (!(Number.isInteger(populationSize) && populationSize >= 2)) {
    throw new RangeError(`populationSize must be an integer >= 2, got ${populationSize}`);
  }
  const objectives = toMinimization(
    history.map((t) => t.values),
    directions,
  );
  const constraints = history.map((t) => t.constraints);
  const generations = Math.floor(history.length / populationSize);
  if (generations === 0) return null;
  const first = Array.from({ length: populationSize }, (_, i) => i);
  let population = survive(first, objectives, constraints, directions, populationSize);
  for (let g = 1; g < generations; g++) {
    const children = Array.from({ length: populationSize }, (_, i) => g * populationSize + i);
    population = survive(
      [...population.map((m) => m.index), ...children],
      objectives,
      constraints,
      directions,
      populationSize,
    );
  }
  return population;
}

/** Binary tournament by rank, then crowding distance (Deb et al. 2002's crowded-comparison operator). */
function tournament(population: readonly Nsga2Member[], rng: RandomSource): Nsga2Member {
  const a = population[randInt(rng, population.length)]!;
  const b = population[randInt(rng, population.length)]!;
  if (a.rank !== b.rank) return a.rank < b.rank ? a : b;
  if (a.crowding !== b.crowding) return a.crowding > b.crowding ? a : b;
  return rng() < 0.5 ? a : b;
}

/**
 * Simulated binary crossover on [0, 1] for one coordinate (Deb & Agrawal 1995, the bounded form used in the
 * NSGA-II reference code): returns one of the two children at random.
 */
export function sbx(x1: number, x2: number, eta: number, rng: RandomSource): number {
  if (Math.abs(x1 - x2) < 1e-14) return x1;
  const y1 = Math.min(x1, x2);
  const y2 = Math.max(x1, x2);
  const u = rng();
  const child = (beta: number, sign: -1 | 1): number => {
    const alpha = 2 - beta ** -(eta + 1);
    const betaq = u <= 1 / alpha ? (u * alpha) ** (1 / (eta + 1)) : (1 / (2 - u * alpha)) ** (1 / (eta + 1));
    return 0.5 * (y1 + y2 + sign * betaq * (y2 - y1));
  };
  const c1 = child(1 + (2 * y1) / (y2 - y1), -1);
  const c2 = child(1 + (2 * (1 - y2)) / (y2 - y1), 1);
  const c = rng() < 0.5 ? c1 : c2;
  return Math.min(1, Math.max(0, c));
}

/** Bounded polynomial mutation on [0, 1] (Deb & Goyal 1996, as in the NSGA-II reference code). */
export function polynomialMutation(x: number, eta: number, rng: RandomSource): number {
  const u = rng();
  const power = 1 / (eta + 1);
  let delta: number;
  if (u < 0.5) {
    const xy = 1 - x;
    const val = 2 * u + (1 - 2 * u) * xy ** (eta + 1);
    delta = val ** power - 1;
  } else {
    const xy = x;
    const val = 2 * (1 - u) + 2 * (u - 0.5) * xy ** (eta + 1);
    delta = 1 - val ** power;
  }
  return Math.min(1, Math.max(0, x + delta));
}

function randomPoint(slots: readonly DimSlot[], width: number, rng: RandomSource): number[] {
  const x = new Array<number>(width).fill(0);
  for (const { dim, offset, width: span } of slots) {
    if (dim.kind === 'categorical') setOneHot(x, offset, span, randInt(rng, span));
    else x[offset] = rng();
  }
  return snapPoint(x, slots);
}

/**
 * Suggests the next point by NSGA-II (Deb et al. 2002): the parent population is rebuilt from the history
 * (generations are consecutive blocks of `populationSize` trials), two parents are chosen by binary
 * tournaments on (constraint-)rank and crowding distance, combined by SBX per continuous/integer coordinate and
 * uniform crossover per categorical group, and mutated (polynomial mutation; a categorical is redrawn
 * uniformly). Integers are snapped to their grid. Uniform random while the first generation is incomplete.
 */
export function nsga2Suggest(input: Nsga2SuggestInput): number[] {
  const { slots, width } = layoutDims(input.dims);
  const { history, rng, directions } = input;
  checkPoints(
    history.map((t) => t.x),
    width,
    'history[*].x',
  );
  checkPoints(input.pending ?? [], width, 'pending');
  const population = nsga2Population(history, directions, input.populationSize);
  if (!population) return randomPoint(slots, width, rng);
  const pc = input.crossoverProbability ?? defaultCrossoverProbability;
  const pm = input.mutationProbability ?? 1 / Math.max(1, slots.length);
  const etaC = input.crossoverEta ?? defaultCrossoverEta;
  const etaM = input.mutationEta ?? defaultMutationEta;
  const p1 = history[tournament(population, rng).index]!.x;
  const p2 = history[tournament(population, rng).index]!.x;
  const cross = rng() < pc;
  const child = [...p1];
  for (const { dim, offset, width: span } of slots) {
    if (dim.kind === 'categorical') {
      if (cross && rng() < 0.5) for (let k = 0; k < span; k++) child[offset + k] = p2[offset + k]!;
      if (rng() < pm) setOneHot(child, offset, span, randInt(rng, span));
    } else {
      if (cross && rng() < 0.5) child[offset] = sbx(p1[offset]!, p2[offset]!, etaC, rng);
      if (rng() < pm) child[offset] = polynomialMutation(child[offset]!, etaM, rng);
    }
  }
  return snapPoint(child, slots);
}
