import { describe, expect, it } from 'vitest';
import { SpaceError } from './errors.ts';
import { refineSpace, suggestRefinement, trialsInside } from './refine.ts';
import { getParam, parseSpace, spaceToJson } from './space.ts';
import type { FrozenTrial } from './types.ts';

const space = parseSpace({
  learningRate: { type: 'float', low: 1e-5, high: 0.1, log: true },
  dropout: { type: 'float', low: 0, high: 0.5, step: 0.05 },
  layers: { type: 'int', low: 1, high: 8 },
  optimizer: { type: 'categorical', choices: ['adam', 'sgd', 'rmsprop'] },
  momentum: { type: 'float', low: 0, high: 0.99, when: { optimizer: ['sgd', 'rmsprop'] } },
  nesterov: { type: 'categorical', choices: [true, false], when: { optimizer: ['sgd'] } },
});

describe('refineSpace', () => {
  it('keeps log scales and narrows to the brushed range', () => {
    const json = spaceToJson(refineSpace(space, { learningRate: [1e-4, 1e-2] }));
    expect(json.learningRate).toEqual({ type: 'float', low: 1e-4, high: 1e-2, log: true });
  });

  it('moves stepped bounds inward onto the grid and rounds ints', () => {
    const json = spaceToJson(refineSpace(space, { dropout: [0.12, 0.33], layers: [1.4, 3.6] }));
    expect(json.dropout).toEqual({ type: 'float', low: 0.15, high: 0.3, step: 0.05 });
    expect(json.layers).toEqual({ type: 'int', low: 2, high: 3 });
  });

  it('snaps a range inside one step to the nearest grid value', () => {
    expect(spaceToJson(refineSpace(space, { dropout: [0.11, 0.12] })).dropout).toEqual({ type: 'float', low: 0.1, high: 0.1, step: 0.05 });
  });

  it('clips ranges to the original bounds', () => {
    expect(spaceToJson(refineSpace(space, { layers: [-5, 3], learningRate: [1e-3, 7] }))).toMatchObject({
      layers: { low: 1, high: 3 },
      learningRate: { low: 1e-3, high: 0.1 },
    });
  });

  it('keeps conditions, narrowing their values, and drops children that can no longer exist', () => {
    const sgdOnly = refineSpace(space, { optimizer: ['rmsprop', 'sgd'] });
    expect(getParam(sgdOnly, 'optimizer')).toMatchObject({ choices: ['sgd', 'rmsprop'] });
    expect(getParam(sgdOnly, 'momentum')?.when).toEqual({ optimizer: ['sgd', 'rmsprop'] });
    const adamOnly = refineSpace(space, { optimizer: ['adam'] });
    expect(getParam(adamOnly, 'momentum')).toBeUndefined();
    expect(getParam(adamOnly, 'nesterov')).toBeUndefined();
    const rms = refineSpace(space, { optimizer: ['adam', 'rmsprop'] });
    expect(getParam(rms, 'momentum')?.when).toEqual({ optimizer: ['rmsprop'] });
    expect(getParam(rms, 'nesterov')).toBeUndefined();
  });

  const bad: [string, Record<string, never>, RegExp][] = [
    ['an unknown parameter', { width: [1, 2] } as never, /parameter "width": cannot refine an unknown parameter/],
    ['a reversed range', { layers: [5, 2] } as never, /parameter "layers": `low <= high` must hold for the range, got low=5, high=2/],
    ['a range outside the parameter', { layers: [10, 12] } as never, /the range \[10, 12\] must overlap the parameter's \[1, 8\]/],
    ['a numeric range that is not a pair', { layers: [1] } as never, /must be \[low, high\] with numbers, got \[1\]/],
    ['a numeric range that is an object', { layers: { a: 1 } } as never, /parameter "layers": a numeric range must be \[low, high\] with numbers, got \{"a":1\}/],
    ['a numeric range that is a number or null', { layers: 5, dropout: null } as never, /parameter "(layers|dropout)": a numeric range must be \[low, high\] with numbers/],
    ['an empty choice list', { optimizer: [] } as never, /parameter "optimizer": a categorical range must be a non-empty list/],
    ['an unknown choice', { optimizer: ['lion'] } as never, /cannot keep "lion", which is not one of/],
  ];
  it.each(bad)('rejects %s, naming the parameter and the values', (_label, ranges, message) => {
    expect(() => refineSpace(space, ranges)).toThrow(SpaceError);
    expect(() => refineSpace(space, ranges)).toThrow(message);
  });
});

describe('suggestRefinement and trialsInside', () => {
  const trials: FrozenTrial[] = Array.from({ length: 40 }, (_, i) => {
    const layers = 1 + (i % 8);
    const optimizer = (['adam', 'sgd', 'rmsprop'] as const)[i % 3] as string;
    const params: Record<string, number | string | boolean> = { learningRate: 10 ** (-5 + (4 * i) / 39), dropout: 0.05 * (i % 11), layers, optimizer };
    if (optimizer !== 'adam') params.momentum = 0.5;
    if (optimizer === 'sgd') params.nesterov = true;
    const value = Math.abs(layers - 4) + (optimizer === 'adam' ? 0 : 10);
    return { number: i, state: 'COMPLETE', params, values: [value] };
  });

  it('proposes the region of the best trials with a margin', () => {
    const { ranges, space: refined } = suggestRefinement(space, trials, { topQuantile: 0.1, margin: 0.1 });
    // The 4 best are adam trials with layers 4, 3 or 5.
    expect(ranges.optimizer).toEqual(['adam']);
    const layers = ranges.layers as [number, number];
    expect(layers[0]).toBeLessThanOrEqual(3);
    expect(layers[1]).toBeGreaterThanOrEqual(5);
    expect(getParam(refined, 'momentum')).toBeUndefined();
    const best = trials.filter((t) => t.values?.[0] === 0);
    expect(trialsInside(refined, best)).toHaveLength(best.length);
  });

  it('refuses a history without a complete trial', () => {
    expect(() => suggestRefinement(space, [{ number: 0, state: 'FAIL', params: {} }])).toThrow(/at least one COMPLETE trial/);
  });

  it('inherits only complete trials that are points of the refined space', () => {
    const refined = refineSpace(space, { optimizer: ['adam'], layers: [3, 5] });
    const inside = trialsInside(refined, trials);
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.every((t) => t.params.optimizer === 'adam' && (t.params.layers as number) >= 3 && (t.params.layers as number) <= 5)).toBe(true);
    const running: FrozenTrial = { ...(inside[0] as FrozenTrial), state: 'RUNNING' };
    expect(trialsInside(refined, [running])).toHaveLength(0);
    expect(trialsInside(refined, [running], ['RUNNING'])).toHaveLength(1);
  });
});
