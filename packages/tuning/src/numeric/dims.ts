// How a parameter occupies coordinates of the unit cube, shared by the GP, CMA-ES, NSGA-II and importance cores.

/**
 * One parameter of the encoded search space, in order. Coordinates are laid out parameter after parameter:
 * - `continuous`: one coordinate in [0, 1].
 * - `int`: one coordinate holding one of `levels` allowed values, by default the cell centres (k + ½)/levels,
 *   k = 0…levels−1: the encoding of a discrete range widened by half a step on each side (Optuna's, and this
 *   package's space codec for linear steps). `values` overrides the positions (ascending, in [0, 1]), e.g. for
 *   log-scaled steps. Any discrete numeric parameter (an int, or a float with a step) is an `int` here.
 * - `categorical`: `choices` coordinates holding a one-hot vector.
 */
export type Dim =
  | { kind: 'continuous' }
  | { kind: 'int'; levels: number; values?: readonly number[] }
  | { kind: 'categorical'; choices: number };

/** Where a parameter's coordinates start in the encoded vector, and how many there are. */
export interface DimSlot {
  dim: Dim;
  offset: number;
  width: number;
}

/** Lays the parameters out in coordinates; validates each (levels >= 1, choices >= 1, integers, values ascending). */
export function layoutDims(dims: readonly Dim[]): { slots: DimSlot[]; width: number } {
  const slots: DimSlot[] = [];
  let offset = 0;
  dims.forEach((dim, index) => {
    let width = 1;
    if (dim.kind === 'int') {
      if (!(Number.isInteger(dim.levels) && dim.levels >= 1)) {
        throw new RangeError(`dims[${index}].levels must be an integer >= 1, got ${dim.levels}`);
      }
      const v = dim.values;
      if (v) {
        if (v.length !== dim.levels) {
          throw new RangeError(`dims[${index}].values must have levels=${dim.levels} entries, got ${v.length}`);
        }
        for (let k = 0; k < v.length; k++) {
          if (!(v[k]! >= 0 && v[k]! <= 1) || (k > 0 && !(v[k]! > v[k - 1]!))) {
            throw new RangeError(`dims[${index}].values must be strictly ascending within [0, 1], got ${JSON.stringify(v)}`);
          }
        }
      }
    }
    if (dim.kind === 'categorical') {
      if (!(Number.isInteger(dim.choices) && dim.choices >= 1)) {
        throw new RangeError(`dims[${index}].choices must be an integer >= 1, got ${dim.choices}`);
      }
      width = dim.choices;
    }
    slots.push({ dim, offset, width });
    offset += width;
  });
  return { slots, width: offset };
}

/** Checks that every point has the encoded width and finite coordinates; `field` names the input in errors. */
export function checkPoints(points: readonly (readonly number[])[], width: number, field: string): void {
  points.forEach((p, i) => {
    if (p.length !== width) {
      throw new RangeError(`${field}[${i}] must have ${width} coordinates (the encoded width of dims), got ${p.length}`);
    }
    for (let j = 0; j < p.length; j++) {
      if (!Number.isFinite(p[j])) throw new RangeError(`${field}[${i}][${j}] must be finite, got ${p[j]}`);
    }
  });
}

/** Coordinates of a discrete dim's allowed values, ascending: `values`, or the cell centres (k + ½)/levels. */
export function levelValues(dim: { levels: number; values?: readonly number[] }): number[] {
  return dim.values ? [...dim.values] : Array.from({ length: dim.levels }, (_, k) => (k + 0.5) / dim.levels);
}

/** Index of the allowed value nearest to u (binary search; the lower one wins an exact tie). */
export function nearestLevel(u: number, values: readonly number[]): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    // Thresholds are midpoints between neighbours.
    if (u > 0.5 * (values[mid]! + values[mid + 1]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The allowed value nearest to u. */
export function snapToLevels(u: number, values: readonly number[]): number {
  return values[nearestLevel(u, values)]!;
}

/** Index of the largest coordinate of a one-hot group (first wins ties). */
export function argmaxGroup(x: ArrayLike<number>, offset: number, width: number): number {
  let best = 0;
  for (let k = 1; k < width; k++) if (x[offset + k]! > x[offset + best]!) best = k;
  return best;
}

/** Writes a one-hot vector for `choice` into x at the group's offset. */
export function setOneHot(x: number[] | Float64Array, offset: number, width: number, choice: number): void {
  for (let k = 0; k < width; k++) x[offset + k] = k === choice ? 1 : 0;
}

/** Makes a point valid for its dims: clamps to [0, 1], snaps ints to their grid and categoricals to one-hot. */
export function snapPoint(x: ArrayLike<number>, slots: readonly DimSlot[]): number[] {
  const out = Array.from(x, (v) => Math.min(1, Math.max(0, v)));
  for (const { dim, offset, width } of slots) {
    if (dim.kind === 'int') out[offset] = snapToLevels(out[offset]!, levelValues(dim));
    else if (dim.kind === 'categorical') setOneHot(out, offset, width, argmaxGroup(out, offset, width));
  }
  return out;
}
