import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinDatasetNames, csvToDataset, loadBuiltinDataset, loadCsvDataset } from './datasets.ts';

// Generous limit: the machine is shared and busy; these tests assert results, never durations.
describe('built-in datasets', { timeout: 120_000 }, () => {
  it.each([
    ['digits', 1797, 64, 10],
    ['iris', 150, 4, 3],
    ['wine', 178, 13, 3],
    ['breast-cancer', 569, 30, 2],
    ['mnist', 10000, 784, 10],
  ] as const)('loads %s with %i rows, %i features and %i classes', async (name, rows, features, classes) => {
    const data = await loadBuiltinDataset(name);
    expect(data.numRows).toBe(rows);
    expect(data.numFeatures).toBe(features);
    expect(data.numClasses).toBe(classes);
    expect(data.features.length).toBe(rows * features);
    expect(data.features.every(Number.isFinite)).toBe(true);
    expect(Math.max(...data.labels)).toBe(classes - 1);
  });

  it('lists every built-in dataset the spec accepts', () => {
    expect([...builtinDatasetNames]).toEqual(['digits', 'iris', 'wine', 'breast-cancer', 'mnist']);
  });
});

describe('CSV datasets', () => {
  it('reads numeric features and numbers string classes in sorted order', () => {
    const data = csvToDataset('pets.csv', 'weight,"height, cm",kind\n4.5,30,cat\n30,60,dog\n\n5,25,cat\n', 'kind');
    expect(data.numFeatures).toBe(2);
    expect(data.classNames).toEqual(['cat', 'dog']);
    expect([...data.labels]).toEqual([0, 1, 0]);
    expect([...data.features]).toEqual([4.5, 30, 30, 60, 5, 25]);
  });

  it('names the file, line and column of a value that is not a number', () => {
    expect(() => csvToDataset('pets.csv', 'weight,height,kind\n4.5,30,cat\n30,tall,dog\n', 'kind')).toThrow(
      'pets.csv line 3, column "height": expected a number, got "tall"',
    );
  });

  it('names an empty field', () => {
    expect(() => csvToDataset('pets.csv', 'weight,height,kind\n4.5,,cat\n30,2,dog\n', 'kind')).toThrow(
      'pets.csv line 2, column "height": expected a number, got an empty field',
    );
  });

  it('names the line whose field count differs from the header', () => {
    expect(() => csvToDataset('pets.csv', 'weight,height,kind\n4.5,3,cat\n30,dog\n', 'kind')).toThrow(
      'pets.csv line 3: expected 3 fields like the header, got 2',
    );
  });

  it('lists the columns when the label column does not exist', () => {
    expect(() => csvToDataset('pets.csv', 'weight,height,kind\n1,2,a\n', 'class')).toThrow(
      'pets.csv line 1: no column named "class" for the label; the columns are weight, height, kind',
    );
  });

  it('reports a missing file with its path', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tuneboard-csv-'));
    await expect(loadCsvDataset(path.join(dir, 'absent.csv'), 'y')).rejects.toThrow(`cannot read CSV file ${path.join(dir, 'absent.csv')}`);
    const file = path.join(dir, 'ok.csv');
    await writeFile(file, 'a,y\n1,0\n2,1\n');
    expect((await loadCsvDataset(file, 'y')).numRows).toBe(2);
  });
});
