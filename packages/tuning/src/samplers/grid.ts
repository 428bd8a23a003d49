import { createRng, shuffled } from '../rng.ts';
import { choiceKey, conditionHolds } from '../space.ts';
import type { ParamDef, SearchSpace } from '../space.ts';
import { SpaceError } from '../errors.ts';
import { discreteCount, discreteValues, fromInternal, internalBounds } from '../space-codec.ts';
import type { ParamValue, Params } from '../types.ts';
import type { Sampler } from './types.ts';

/** Points a continuous float takes on the grid when the configuration does not say. */
export const DEFAULT_GRID_POINTS = 5;
/** Largest grid the sampler will enumerate. */
export const MAX_GRID_SIZE = 100_000;

/**
 * The values one parameter takes on the grid. A parameter with more values than a grid may hold is refused
 * by name before they are listed (every value of it is on the grid wherever it is active).
 */
export function gridValuesOf(p: ParamDef, gridPoints: number): ParamValue[] {
  if (p.type === 'categorical') return p.choices.slice();
  const count = discreteCount(p);
  if (count !== undefined && count > MAX_GRID_SIZE) {
    throw new SpaceError(
      p.name,
      'grid size',
      `takes ${count} values on the grid, a grid may hold at most ${MAX_GRID_SIZE} points; use a larger \`step\` or another sampler`,
    );
  }
  const values = discreteValues(p);
  if (values) return values;
  const { low, high } = internalBounds(p);
  if (gridPoints === 1 || low === high) return [fromInternal(p, (low + high) / 2)];
  const out = Array.from({ length: gridPoints }, (_, k) => fromInternal(p, low + ((high - low) * k) / (gridPoints - 1)));
  return out.filter((v, i) => i === 0 || v !== out[i - 1]);
}

/** Canonical identity of a point, so grid points and trials' params compare by value. */
export function pointKey(space: SearchSpace, params: Readonly<Params>): string {
  const parts: string[] = [];
  for (const p of space.params) {
    const v = params[p.name];
    if (v !== undefined) parts.push(`${p.name}=${choiceKey(v)}`);
  }
  return parts.join('\u0000');
}

/** Every point of the grid (conditional parameters only where their condition holds), in document order. */
export function enumerateGrid(space: SearchSpace, gridPoints = DEFAULT_GRID_POINTS): Params[] {
  const values = space.params.map((p) => gridValuesOf(p, gridPoints));
  const out: Params[] = [];
  const walk = (i: number, partial: Params): void => {
    if (i === space.params.length) {
      out.push({ ...partial });
      if (out.length > MAX_GRID_SIZE) {
        throw new RangeError(`a grid may hold at most ${MAX_GRID_SIZE} points, this space has more; add \`step\`s, lower gridPoints or use another sampler`);
      }
      return;
    }
    const p = space.params[i] as ParamDef;
    if (!conditionHolds(p, partial)) {
      walk(i + 1, partial);
      return;
    }
    for (const v of values[i] as ParamValue[]) {
      partial[p.name] = v;
      walk(i + 1, partial);
    }
    delete partial[p.name];
  };
  walk(0, {});
  return out;
}

/**
 * Grid search: every combination of the parameters' values (floats without `step` take `gridPoints`
 * evenly spaced values, log-spaced when `log`), visited in a seeded random order. A point already held by
 * a trial in any state (PENDING and RUNNING included) is never proposed again, so parallel asks never
 * collide; `ask` returns a shorter batch, then an empty one, once the grid is exhausted.
 */
export function createGridSampler(seed: number, gridPoints = DEFAULT_GRID_POINTS): Sampler {
  // Keys are computed once per space: with 15,625 points and 1,000 trials an ask drops from ~90 ms to ~2 ms.
  const cache = new WeakMap<SearchSpace, { points: Params[]; keys: string[] }>();
  const order = (space: SearchSpace): { points: Params[]; keys: string[] } => {
    let grid = cache.get(space);
    if (!grid) {
      const points = shuffled(enumerateGrid(space, gridPoints), createRng(seed, 0x6a1d));
      grid = { points, keys: points.map((p) => pointKey(space, p)) };
      cache.set(space, grid);
    }
    return grid;
  };
  const unvisited = (space: SearchSpace, trials: readonly { params: Params }[]): Params[] => {
    const seen = new Set(trials.map((t) => pointKey(space, t.params)));
    const { points, keys } = order(space);
    return points.filter((_, i) => !seen.has(keys[i] as string));
  };
  return {
    kind: 'grid',
    ask: (ctx, n = 1) => {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`\`n\` must be a non-negative integer, got n=${n}`);
      return unvisited(ctx.space, ctx.trials)
        .slice(0, n)
        .map((p) => ({ ...p }));
    },
    remaining: (ctx) => unvisited(ctx.space, ctx.trials).length,
  };
}
