// PED-ANOVA hyperparameter importance (Watanabe, Bansal & Hutter 2023, "PED-ANOVA: Efficiently Quantifying
// Hyperparameter Importance in Arbitrary Subspaces"): how much the marginal distribution of each parameter among
// the top-γ trials differs from its distribution among all trials, measured by the Pearson divergence.
import type { Dim } from '../numeric/dims.ts';
import { argmaxGroup, checkPoints, layoutDims, levelValues, nearestLevel } from '../numeric/dims.ts';

/** Fraction of trials (best first) that forms the "good" set (the paper's γ; Optuna's default 0.1). */
export const defaultTargetQuantile = 0.1;
/** Grid cells per continuous parameter on which densities are compared. */
export const defaultGridSize = 50;
/** Pseudo-observations of a uniform prior added to every density, so empty cells never divide by zero. */
export const priorWeight = 1;

export interface ImportanceInput {
  /** Completed trials' points in the encoded unit cube. */
  X: readonly (readonly number[])[];
  /** One objective value per trial. */
  y: readonly number[];
  dims: readonly Dim[];
  /** Default true. */
  minimize?: boolean;
  targetQuantile?: number;
  gridSize?: number;
}

interface Binning {
  bins: number;
  /** Cell of each trial. */
  cell: Int32Array;
  /** Cell centres on [0, 1] for smoothing, or null for categories (no notion of distance). */
  centres: Float64Array | null;
}

function binParameter(
  X: readonly (readonly number[])[],
  dim: Dim,
  offset: number,
  width: number,
  gridSize: number,
): Binning {
  const n = X.length;
  const cell = new Int32Array(n);
  if (dim.kind === 'categorical') {
    for (let i = 0; i < n; i++) cell[i] = argmaxGroup(X[i]!, offset, width);
    return { bins: width, cell, centres: null };
  }
  if (dim.kind === 'int' && dim.levels <= gridSize) {
    const values = levelValues(dim);
    for (let i = 0; i < n; i++) cell[i] = nearestLevel(X[i]![offset]!, values);
    return { bins: values.length, cell, centres: Float64Array.from(values) };
  }
  for (let i = 0; i < n; i++) {
    cell[i] = Math.min(gridSize - 1, Math.floor(Math.min(1, Math.max(0, X[i]![offset]!)) * gridSize));
  }
  return { bins: gridSize, cell, centres: Float64Array.from({ length: gridSize }, (_, k) => (k + 0.5) / gridSize) };
}

/**
 * Density on the cells from per-cell counts: a Gaussian kernel of Scott's bandwidth 1.059·min(sd, IQR/1.34)·n^(−1/5)
 * (no smaller than one cell), truncated to [0, 1] and renormalised per source cell, plus a uniform prior of
 * `priorWeight` observations. Categories get counts plus the prior only.
 */
function density(counts: Float64Array, total: number, binning: Binning): Float64Array {
  const { bins, centres } = binning;
  const out = new Float64Array(bins);
  if (!centres) {
    for (let b = 0; b < bins; b++) out[b] = (counts[b]! + priorWeight / bins) / (total + priorWeight);
    return out;
  }
  let mean = 0;
  for (let b = 0; b < bins; b++) mean += counts[b]! * centres[b]!;
  mean /= total;
  let variance = 0;
  for (let b = 0; b < bins; b++) variance += counts[b]! * (centres[b]! - mean) ** 2;
  const sd = Math.sqrt(variance / Math.max(1, total - 1));
  // Interquartile range from the cumulative counts.
  const quantile = (q: number): number => {
    let acc = 0;
    for (let b = 0; b < bins; b++) {
      acc += counts[b]!;
      if (acc >= q * total) return centres[b]!;
    }
    return centres[bins - 1]!;
  };
  const iqr = quantile(0.75) - quantile(0.25);
  const spread = iqr > 0 ? Math.min(sd, iqr / 1.34) : sd;
  const cellWidth = bins > 1 ? centres[1]! - centres[0]! : 1;
  const h = Math.max(cellWidth, 1.059 * spread * total ** -0.2);
  const kernel = new Float64Array(bins);
  for (let s = 0; s < bins; s++) {
    const c = counts[s]!;
    if (c === 0) continue;
    let z = 0;
    for (let b = 0; b < bins; b++) {
      const k = Math.exp(-0.5 * ((centres[b]! - centres[s]!) / h) ** 2);
      kernel[b] = k;
      z += k;
    }
    for (let b = 0; b < bins; b++) out[b] = out[b]! + (c * kernel[b]!) / z;
  }
  for (let b = 0; b < bins; b++) out[b] = (out[b]! + priorWeight / bins) / (total + priorWeight);
  return out;
}

/**
 * Per-parameter importance by PED-ANOVA (Watanabe et al. 2023): for each parameter, the Pearson divergence
 * Σ_cells p_global·(p_good/p_global − 1)² between its marginal density among the best `targetQuantile` of
 * trials and among all trials, normalised to sum to 1 over parameters (uniform when no parameter matters).
 * Linear in the number of trials after one sort, and deterministic: no random forest, so no seed is needed.
 * For several objectives, call it once per objective.
 */
export function pedAnovaImportance(input: ImportanceInput): number[] {
  const { slots, width } = layoutDims(input.dims);
  const { X, y } = input;
  if (X.length !== y.length) throw new RangeError(`X and y must have the same length, got ${X.length} and ${y.length}`);
  checkPoints(X, width, 'X');
  y.forEach((v, i) => {
    if (Number.isNaN(v)) throw new RangeError(`y[${i}] must be a number, got NaN`);
  });
  const gamma = input.targetQuantile ?? defaultTargetQuantile;
  if (!(gamma > 0 && gamma <= 1)) throw new RangeError(`targetQuantile must be in (0, 1], got ${gamma}`);
  const gridSize = input.gridSize ?? defaultGridSize;
  const P = slots.length;
  const n = X.length;
  if (P === 0) return [];
  if (n < 2) return new Array<number>(P).fill(1 / P);
  const sign = input.minimize === false ? -1 : 1;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => sign * (y[a]! - y[b]!) || a - b);
  const good = Math.max(2, Math.ceil(gamma * n));
  const divergences = slots.map(({ dim, offset, width: span }) => {
    const binning = binParameter(X, dim, offset, span, gridSize);
    const all = new Float64Array(binning.bins);
    const top = new Float64Array(binning.bins);
    for (let i = 0; i < n; i++) all[binning.cell[i]!]!++;
    for (let r = 0; r < good; r++) top[binning.cell[order[r]!]!]!++;
    const pAll = density(all, n, binning);
    const pTop = density(top, good, binning);
    let d = 0;
    for (let b = 0; b < binning.bins; b++) d += (pTop[b]! * pTop[b]!) / pAll[b]!;
    return Math.max(0, d - 1);
  });
  const total = divergences.reduce((a, b) => a + b, 0);
  return total > 0 ? divergences.map((d) => d / total) : new Array<number>(P).fill(1 / P);
}

/** Importances for each objective of a multi-objective study: one row per direction. */
export function pedAnovaImportancePerObjective(input: {
  X: readonly (readonly number[])[];
  values: readonly (readonly number[])[];
  directions: readonly ('minimize' | 'maximize')[];
  dims: readonly Dim[];
  targetQuantile?: number;
}): number[][] {
  return input.directions.map((direction, k) =>
    pedAnovaImportance({
      X: input.X,
      y: input.values.map((row, i) => {
        if (row.length !== input.directions.length) {
          throw new RangeError(`values[${i}] must have ${input.directions.length} entries, got ${row.length}`);
        }
        return row[k]!;
      }),
      dims: input.dims,
      minimize: direction === 'minimize',
      targetQuantile: input.targetQuantile,
    }),
  );
}
