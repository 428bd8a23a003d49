import type { Dataset } from './datasets.ts';
import { createRandom, shuffleInPlace } from './random.ts';

export interface SplitFractions {
  validation: number;
  test: number;
}

export const defaultSplit: SplitFractions = { validation: 0.15, test: 0.15 };

/** Row indices of each part. */
export interface SplitIndices {
  train: Int32Array;
  validation: Int32Array;
  test: Int32Array;
}

/**
 * Stratified split: each class is shuffled with the seeded source and cut by the fractions, so every part keeps
 * the class proportions (up to rounding) and the same seed gives the same rows. A class with at least 3 rows
 * puts at least one row in each held-out part that has a non-zero fraction.
 */
export function stratifiedSplit(
  labels: Int32Array,
  numClasses: number,
  fractions: SplitFractions = defaultSplit,
  seed = 0,
): SplitIndices {
  const { validation, test } = fractions;
  if (!(validation > 0 && test >= 0 && validation + test < 1)) {
    throw new Error(`split fractions need validation > 0, test >= 0 and validation + test < 1, got validation=${validation}, test=${test}`);
  }
  const random = createRandom(seed);
  const byClass: number[][] = Array.from({ length: numClasses }, () => []);
  labels.forEach((label, row) => byClass[label]!.push(row));
  const parts = { train: [] as number[], validation: [] as number[], test: [] as number[] };
  for (const rows of byClass) {
    shuffleInPlace(rows, random);
    const n = rows.length;
    let nVal = Math.round(n * validation);
    let nTest = Math.round(n * test);
    if (n >= 3) {
      nVal = Math.max(nVal, 1);
      if (test > 0) nTest = Math.max(nTest, 1);
    }
    while (n - nVal - nTest < 1 && nVal + nTest > 0) {
      if (nTest >= nVal && nTest > 0) nTest--;
      else nVal--;
    }
    parts.validation.push(...rows.slice(0, nVal));
    parts.test.push(...rows.slice(nVal, nVal + nTest));
    parts.train.push(...rows.slice(nVal + nTest));
  }
  return {
    train: shuffleInPlace(Int32Array.from(parts.train), random),
    validation: shuffleInPlace(Int32Array.from(parts.validation), random),
    test: shuffleInPlace(Int32Array.from(parts.test), random),
  };
}

/** Per-feature (tabular) or one global mean and scale (images, so pixels keep their relative values). */
export type Standardization = 'feature' | 'global' | 'none';

export interface Scaler {
  mean: Float32Array;
  std: Float32Array;
}

/** Mean and standard deviation over the training rows only; a constant feature gets std 1. */
export function fitScaler(data: Dataset, trainRows: Int32Array, mode: Standardization): Scaler {
  const f = data.numFeatures;
  const width = mode === 'feature' ? f : 1;
  const mean = new Float64Array(width);
  const sq = new Float64Array(width);
  if (mode === 'none') return { mean: new Float32Array(f), std: new Float32Array(f).fill(1) };
  for (const row of trainRows) {
    for (let c = 0; c < f; c++) {
      const v = data.features[row * f + c]!;
      const k = mode === 'feature' ? c : 0;
      mean[k]! += v;
      sq[k]! += v * v;
    }
  }
  const count = trainRows.length * (mode === 'feature' ? 1 : f);
  const outMean = new Float32Array(f);
  const outStd = new Float32Array(f);
  for (let c = 0; c < f; c++) {
    const k = mode === 'feature' ? c : 0;
    const m = mean[k]! / count;
    const variance = Math.max(sq[k]! / count - m * m, 0);
    const std = Math.sqrt(variance);
    outMean[c] = m;
    outStd[c] = std > 1e-8 ? std : 1;
  }
  return { mean: outMean, std: outStd };
}

/** The rows' features, standardised with `scaler`, as one row-major block. */
export function gatherRows(data: Dataset, rows: Int32Array, scaler: Scaler): { x: Float32Array; y: Int32Array } {
  const f = data.numFeatures;
  const x = new Float32Array(rows.length * f);
  const y = new Int32Array(rows.length);
  rows.forEach((row, i) => {
    for (let c = 0; c < f; c++) x[i * f + c] = (data.features[row * f + c]! - scaler.mean[c]!) / scaler.std[c]!;
    y[i] = data.labels[row]!;
  });
  return { x, y };
}
