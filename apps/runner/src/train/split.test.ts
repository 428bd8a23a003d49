import { describe, expect, it } from 'vitest';
import type { Dataset } from './datasets.ts';
import { prepareDataset } from './prepare.ts';
import { fitScaler, stratifiedSplit } from './split.ts';

function counts(labels: Int32Array, rows: Int32Array, numClasses: number): number[] {
  const out = new Array<number>(numClasses).fill(0);
  for (const row of rows) out[labels[row]!]!++;
  return out;
}

describe('stratifiedSplit', () => {
  // 3 classes of 100, 60 and 40 rows.
  const labels = Int32Array.from([...Array(100).fill(0), ...Array(60).fill(1), ...Array(40).fill(2)]);

  it('keeps every class in proportion in each part', () => {
    const split = stratifiedSplit(labels, 3, { validation: 0.2, test: 0.1 }, 7);
    expect(counts(labels, split.validation, 3)).toEqual([20, 12, 8]);
    expect(counts(labels, split.test, 3)).toEqual([10, 6, 4]);
    expect(counts(labels, split.train, 3)).toEqual([70, 42, 28]);
  });

  it('uses every row exactly once', () => {
    const split = stratifiedSplit(labels, 3, { validation: 0.15, test: 0.15 }, 1);
    const all = [...split.train, ...split.validation, ...split.test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  it('gives the same rows for the same seed and different rows for another seed', () => {
    const a = stratifiedSplit(labels, 3, undefined, 42);
    const b = stratifiedSplit(labels, 3, undefined, 42);
    const c = stratifiedSplit(labels, 3, undefined, 43);
    expect([...a.validation]).toEqual([...b.validation]);
    expect([...a.validation]).not.toEqual([...c.validation]);
  });

  it('rejects fractions that leave nothing to train on', () => {
    expect(() => stratifiedSplit(labels, 3, { validation: 0.6, test: 0.4 })).toThrow(/validation \+ test < 1, got validation=0.6, test=0.4/);
  });
});

describe('standardisation', () => {
  // Feature 0 is the row number, feature 1 constant; labels alternate so both classes span all rows.
  const numRows = 100;
  const features = new Float32Array(numRows * 2);
  for (let r = 0; r < numRows; r++) {
    features[r * 2] = r;
    features[r * 2 + 1] = 5;
  }
  const data: Dataset = {
    name: 'synthetic',
    features,
    labels: Int32Array.from({ length: numRows }, (_, r) => r % 2),
    numRows,
    numFeatures: 2,
    numClasses: 2,
    classNames: ['a', 'b'],
  };

  it('uses statistics of the training rows only', () => {
    const trainRows = Int32Array.from({ length: 50 }, (_, i) => i); // rows 0..49: mean 24.5
    const scaler = fitScaler(data, trainRows, 'feature');
    expect(scaler.mean[0]).toBeCloseTo(24.5, 5);
    expect(scaler.std[0]).toBeCloseTo(Math.sqrt((50 * 50 - 1) / 12), 4);
    expect(scaler.std[1]).toBe(1); // constant feature: left unscaled instead of dividing by zero
  });

  it('gives the training split mean 0 and standard deviation 1 while held-out splits differ', () => {
    const prepared = prepareDataset(data, { split: { validation: 0.2, test: 0.2 }, splitSeed: 3 });
    const column = (x: Float32Array) => Array.from({ length: x.length / 2 }, (_, i) => x[i * 2]!);
    const train = column(prepared.train.x);
    const mean = train.reduce((s, v) => s + v, 0) / train.length;
    const variance = train.reduce((s, v) => s + (v - mean) ** 2, 0) / train.length;
    expect(mean).toBeCloseTo(0, 5);
    expect(variance).toBeCloseTo(1, 4);
    const validation = column(prepared.validation.x);
    const validationMean = validation.reduce((s, v) => s + v, 0) / validation.length;
    expect(Math.abs(validationMean)).toBeGreaterThan(1e-3);
  });
});
