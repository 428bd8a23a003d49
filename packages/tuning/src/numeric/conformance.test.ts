// One suite over every numerical core that suggests points: same inputs and seed → same point, and the point
// is valid for its dims (inside the cube, integers on their levels, categoricals one-hot).
import { describe, expect, it } from 'vitest';
import { cmaesSuggest } from '../cmaes/index.ts';
import { gpSuggest, gpSuggestMulti } from '../gp/index.ts';
import { nsga2Suggest } from '../multi/index.ts';
import type { Dim } from './dims.ts';
import { layoutDims, levelValues, snapPoint } from './dims.ts';
import type { RandomSource } from '../rng.ts';
import { createRandomSource } from '../rng.ts';

const spaces: Dim[][] = [
  [{ kind: 'continuous' }],
  [{ kind: 'continuous' }, { kind: 'int', levels: 3 }, { kind: 'categorical', choices: 4 }],
  [{ kind: 'int', levels: 2 }, { kind: 'int', levels: 5, values: [0, 0.1, 0.3, 0.6, 1] }, { kind: 'categorical', choices: 1 }],
  [{ kind: 'categorical', choices: 3 }, { kind: 'continuous' }, { kind: 'continuous' }, { kind: 'continuous' }],
];

function expectValid(x: readonly number[], dims: readonly Dim[]): void {
  const { slots, width } = layoutDims(dims);
  expect(x).toHaveLength(width);
  for (const { dim, offset, width: span } of slots) {
    if (dim.kind === 'continuous') {
      expect(x[offset]).toBeGreaterThanOrEqual(0);
      expect(x[offset]).toBeLessThanOrEqual(1);
    } else if (dim.kind === 'int') {
      expect(levelValues(dim)).toContain(x[offset]);
    } else {
      const group = x.slice(offset, offset + span);
      expect(group.filter((v) => v === 1)).toHaveLength(1);
      expect(group.filter((v) => v === 0)).toHaveLength(span - 1);
    }
  }
}

function randomValidPoint(dims: readonly Dim[], rng: RandomSource): number[] {
  const { slots, width } = layoutDims(dims);
  return snapPoint(
    Array.from({ length: width }, rng),
    slots,
  );
}

type Suggest = (dims: Dim[], points: number[][], values: number[][], pending: number[][], seed: number) => number[];

const suggesters: [string, Suggest][] = [
  ['gpSuggest', (dims, X, values, pending, seed) => gpSuggest({ X, y: values.map((v) => v[0]!), pending, dims, rng: createRandomSource(seed) })],
  [
    'gpSuggest with constraints',
    (dims, X, values, pending, seed) =>
      gpSuggest({ X, y: values.map((v) => v[0]!), constraints: values.map((v) => [v[1]! - 0.5]), pending, dims, rng: createRandomSource(seed) }),
  ],
  [
    'gpSuggestMulti',
    (dims, X, values, pending, seed) =>
      gpSuggestMulti({ X, values, directions: ['minimize', 'maximize'], pending, dims, rng: createRandomSource(seed) }),
  ],
  ['cmaesSuggest', (dims, X, values, pending, seed) => cmaesSuggest({ history: X.map((x, i) => ({ x, y: values[i]![0]! })), pending, dims, seed })],
  [
    'nsga2Suggest',
    (dims, X, values, pending, seed) =>
      nsga2Suggest({
        history: X.map((x, i) => ({ x, values: values[i]!, constraints: [values[i]![0]! - 0.8] })),
        pending,
        directions: ['minimize', 'maximize'],
        dims,
        populationSize: 6,
        rng: createRandomSource(seed),
      }),
  ],
];

describe.each(suggesters)('%s', (_name, suggest) => {
  it.each(spaces.map((dims, i) => [i, dims] as const))('is reproducible and valid on space %i, duplicates included', (_i, dims) => {
    const rng = createRandomSource(100);
    const X = Array.from({ length: 20 }, () => randomValidPoint(dims, rng));
    X.push([...X[0]!], [...X[0]!]); // repeated trials
    const values = X.map((x) => [x.reduce((a, v, k) => a + (k + 1) * v, 0) / x.length, x[0]!]);
    const pending = [randomValidPoint(dims, rng), [...X[1]!]];
    const a = suggest(dims, X, values, pending, 7);
    expectValid(a, dims);
    expect(suggest(dims, X, values, pending, 7)).toEqual(a);
  });

  it('is valid with no history at all', () => {
    const dims = spaces[1]!;
    expectValid(suggest(dims, [], [], [], 1), dims);
  });
});
