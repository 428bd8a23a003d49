// How a parameter occupies coordinates of the unit cube, shared by the GP, CMA-ES, NSGA-II and importance cores.

/**
 * One parameter of the encoded search space, in order. Coordinates are laid out parameter after parameter:
 * - `continuous`: one coordinate in [0, 1].
 * - `int`: one coordinate holding one of `levels` evenly spaced values i/(levels−1), i = 0…levels−1
 *   (an integer range low…high with step s has levels = (high−low)/s + 1 and maps v ↦ (v−low)/(high−low)).
 * - `categorical`: `choices` coordinates holding a one-hot vector.
 */
export type Dim =
  | { kind: 'continuous' }
  | { kind: 'int'; levels: number }
  | { kind: 'categorical'; choices: number };

/** Where a parameter's coordinates start in the encoded vector, and how many there are. */
export interface DimSlot {
  dim: Dim;
  offset: number;
  width: number;
}

/** Lays the parameters out in coordinates; validates each (levels >= 2, choices >= 1, integers). */
export function layoutDims(dims: readonly Dim[]): { slots: DimSlot[]; width: number } {
  const slots: DimSlot[] = [];
  let offset = 0;
  dims.forEach((dim, index) => {
    let width = 1;
    if (dim.kind === 'int' && !(Number.isInteger(dim.levels) && dim.levels >= 2)) {
      throw new RangeError(`dims[${index}].levels must be an integer >= 2, got ${dim.levels}`);
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

/** Nearest grid value i/(levels−1) to u (clamped to [0, 1]). */
export function snapToLevels(u: number, levels: number): number {
  const k = Math.round(Math.min(1, Math.max(0, u)) * (levels - 1));
  return k / (levels - 1);
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
    if (dim.kind === 'int') out[offset] = snapToLevels(out[offset]!, dim.levels);
    else if (dim.kind === 'categorical') setOneHot(out, offset, width, argmaxGroup(out, offset, width));
  }
  return out;
}
