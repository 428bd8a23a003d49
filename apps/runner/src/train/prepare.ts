import type { BuiltinDatasetName, TemplateName } from '@tuneboard/contract';
import { loadBuiltinDataset, loadCsvDataset } from './datasets.ts';
import type { Dataset } from './datasets.ts';
import { defaultSplit, fitScaler, gatherRows, stratifiedSplit } from './split.ts';
import type { Scaler, SplitFractions, Standardization } from './split.ts';

export interface Split {
  /** Standardised features, row-major. */
  x: Float32Array;
  y: Int32Array;
}

/** A dataset split and standardised, ready to train on; independent of the backend (plain arrays). */
export interface PreparedData {
  name: string;
  numFeatures: number;
  numClasses: number;
  classNames: string[];
  imageShape?: [number, number, number];
  train: Split;
  validation: Split;
  test: Split;
  /** How features were standardised (from the training rows): `(x - mean) / std`, per feature or one for all. */
  scaler?: Scaler;
}

export type DataSource = { dataset: BuiltinDatasetName } | { csv: { path: string; label: string } };

export interface PrepareOptions {
  split?: SplitFractions;
  /** Seed of the split: keep it fixed across a study's trials so they compare on the same rows. */
  splitSeed?: number;
  /** Default: one global scale for image datasets (keeps the picture), per feature for tables. */
  standardization?: Standardization;
  /** Use at most this many rows (stratified sample), e.g. to keep tests short. */
  maxRows?: number;
}

/** Splits (stratified, seeded) and standardises with statistics from the training rows only. */
export function prepareDataset(data: Dataset, options: PrepareOptions = {}): PreparedData {
  let source = data;
  if (options.maxRows !== undefined && options.maxRows < data.numRows) source = subsample(data, options.maxRows, options.splitSeed ?? 0);
  const fractions = options.split ?? defaultSplit;
  const parts = stratifiedSplit(source.labels, source.numClasses, fractions, options.splitSeed ?? 0);
  const mode = options.standardization ?? (source.imageShape ? 'global' : 'feature');
  const scaler = fitScaler(source, parts.train, mode);
  return {
    name: source.name,
    numFeatures: source.numFeatures,
    numClasses: source.numClasses,
    classNames: source.classNames,
    imageShape: source.imageShape,
    train: gatherRows(source, parts.train, scaler),
    validation: gatherRows(source, parts.validation, scaler),
    test: gatherRows(source, parts.test, scaler),
    scaler,
  };
}

function subsample(data: Dataset, rows: number, seed: number): Dataset {
  const fraction = rows / data.numRows;
  // Reuse the stratified split to draw a class-balanced sample: its "validation" part is the sample.
  const picked = stratifiedSplit(data.labels, data.numClasses, { validation: fraction, test: 0 }, seed ^ 0x9e3779b9).validation;
  const f = data.numFeatures;
  const features = new Float32Array(picked.length * f);
  picked.forEach((row, i) => features.set(data.features.subarray(row * f, (row + 1) * f), i * f));
  return { ...data, features, labels: Int32Array.from(picked, (row) => data.labels[row]!), numRows: picked.length };
}

/** Loads a built-in dataset or a CSV file and prepares it. */
export async function loadPreparedData(source: DataSource, template: TemplateName, options: PrepareOptions = {}): Promise<PreparedData> {
  const data = 'dataset' in source ? await loadBuiltinDataset(source.dataset) : await loadCsvDataset(source.csv.path, source.csv.label);
  if (template === 'cnn' && !data.imageShape) {
    throw new Error(`template cnn needs an image dataset (digits, mnist); "${data.name}" is a table — use mlp`);
  }
  return prepareDataset(data, options);
}
