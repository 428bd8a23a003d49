import { describe, expect, it } from 'vitest';
import { parseSpace } from '../space.ts';
import type { FrozenTrial } from '../types.ts';
import { adaptHistory, countObservations, decodeParams, encodeParams, inactiveProjection, spaceDims } from './adapter.ts';

const space = parseSpace({
  lr: { type: 'float', low: 1e-4, high: 1, log: true },
  dropout: { type: 'float', low: 0, high: 0.5, step: 0.1 },
  layers: { type: 'int', low: 1, high: 8, log: true },
  opt: { type: 'categorical', choices: ['adam', 'sgd'] },
  momentum: { type: 'float', low: 0, high: 1, when: { opt: ['sgd'] } },
});

describe('adaptHistory', () => {
  it('lays out one coordinate per number, one-hot groups for categoricals, and levels for stepped parameters', () => {
    const { dims, width } = spaceDims(space);
    expect(dims[0]).toEqual({ kind: 'continuous' });
    expect(dims[1]).toEqual({ kind: 'int', levels: 6 });
    expect(dims[2]!.kind).toBe('int');
    expect((dims[2] as { levels: number }).levels).toBe(8);
    expect((dims[2] as { values?: number[] }).values).toHaveLength(8);
    expect(dims[3]).toEqual({ kind: 'categorical', choices: 2 });
    expect(width).toBe(6);
  });

  it('round-trips parameters through the core coordinates, log scale by its log', () => {
    const { slots, width } = spaceDims(space);
    const params = { lr: 0.01, dropout: 0.3, layers: 4, opt: 'sgd', momentum: 0.9 };
    const x = encodeParams(space, slots, width, params);
    expect(x[0]).toBeCloseTo(0.5, 12);
    expect(x.slice(3, 5)).toEqual([0, 1]);
    const back = decodeParams(space, slots, x);
    expect(back.dropout).toBe(0.3);
    expect(back.layers).toBe(4);
    expect(back.opt).toBe('sgd');
    expect(back.lr as number).toBeCloseTo(0.01, 12);
    expect(back.momentum as number).toBeCloseTo(0.9, 12);
  });

  it('fills an inactive parameter with the centre of its range and leaves it out when decoding', () => {
    const { slots, width } = spaceDims(space);
    const x = encodeParams(space, slots, width, { lr: 0.01, dropout: 0, layers: 1, opt: 'adam' });
    expect(x[5]).toBe(0.5);
    expect('momentum' in decodeParams(space, slots, x)).toBe(false);
  });

  it('projects a point of a conditional space onto what it would be observed as: inactive coordinates at their fill', () => {
    const { slots, width } = spaceDims(space);
    const projection = inactiveProjection(space, slots)!;
    // opt = sgd: momentum (coordinate 5) is active, nothing changes.
    expect(projection.apply([0.3, 0.2, 0.1, 0, 1, 0.9])).toBeNull();
    // opt = adam: momentum is inactive, set to the fill encodeParams writes for a missing parameter.
    const adam = [0.3, 0.2, 0.1, 1, 0, 0.9];
    const projected = projection.apply(adam)!;
    expect(projected.inactive).toEqual([5]);
    expect(Array.from(projected.point)).toEqual(encodeParams(space, slots, width, decodeParams(space, slots, adam)).map((v, i) => (i === 5 ? v : adam[i])));
    expect(projected.point[5]).toBe(0.5);
    expect(adam[5]).toBe(0.9);
    // A space without conditions needs none.
    const plain = parseSpace({ a: { type: 'float', low: 0, high: 1 } });
    expect(inactiveProjection(plain, spaceDims(plain).slots)).toBeUndefined();
  });

  it('projects an inactive integer onto its nearest level and an inactive categorical onto its first choice', () => {
    const nested = parseSpace({
      arch: { type: 'categorical', choices: ['mlp', 'cnn'] },
      depth: { type: 'int', low: 1, high: 4, when: { arch: ['mlp'] } },
      kernel: { type: 'categorical', choices: ['k3', 'k5', 'k7'], when: { arch: ['cnn'] } },
    });
    const { slots, width } = spaceDims(nested);
    const projection = inactiveProjection(nested, slots)!;
    const mlp = [1, 0, 0.9, 0, 0, 1];
    const cnn = [0, 1, 0.9, 0, 1, 0];
    expect(Array.from(projection.apply(mlp)!.point)).toEqual(encodeParams(nested, slots, width, decodeParams(nested, slots, mlp)).map((v, i) => (i < 3 ? mlp[i] : v)));
    expect(projection.apply(mlp)!.inactive).toEqual([3, 4, 5]);
    const projectedCnn = projection.apply(cnn)!;
    expect(projectedCnn.inactive).toEqual([2]);
    // depth's fill is a level (1…4 encoded on their levels), not 0.5, and not the 0.9 it was moved to.
    expect(projectedCnn.point[2]).toBe(encodeParams(nested, slots, width, { arch: 'cnn', kernel: 'k5' })[2]);
    expect(projectedCnn.point[2]).not.toBe(0.5);
  });

  it('signs values per direction, keeps failures apart as failed points, pruned trials by their last value and pending ones apart', () => {
    const p = { lr: 0.01, dropout: 0.1, layers: 2, opt: 'adam' };
    const trials: FrozenTrial[] = [
      { number: 3, state: 'PRUNED', params: p, intermediate: [{ step: 1, value: 5 }, { step: 2, value: 4 }] },
      { number: 0, state: 'COMPLETE', params: p, values: [2], constraints: [0.5] },
      { number: 1, state: 'FAIL', params: p },
      { number: 2, state: 'COMPLETE', params: p, values: [Number.NaN] },
      { number: 4, state: 'RUNNING', params: p },
      { number: 5, state: 'PENDING', params: p },
    ];
    const max = adaptHistory(space, trials, ['maximize']);
    expect(max.numbers).toEqual([0, 3]);
    expect(max.y).toEqual([[-2], [-4]]);
    expect(max.pending).toHaveLength(2);
    expect(max.constraints).toEqual([[0.5], [0]]);
    // The FAIL trial and the COMPLETE one without a finite value: where no result came back.
    const { slots, width } = spaceDims(space);
    expect(max.failed).toEqual([encodeParams(space, slots, width, p), encodeParams(space, slots, width, p)]);
    expect(adaptHistory(space, trials, ['minimize'], { pruned: false }).numbers).toEqual([0]);
    expect(adaptHistory(space, trials.slice(0, 2), ['minimize']).failed).toEqual([]);
  });

  it('leaves pruned trials out when there are several objectives', () => {
    const p = { lr: 0.01, dropout: 0.1, layers: 2, opt: 'adam' };
    const trials: FrozenTrial[] = [
      { number: 0, state: 'COMPLETE', params: p, values: [1, 2] },
      { number: 1, state: 'PRUNED', params: p, intermediate: [{ step: 1, value: 5 }] },
    ];
    const problem = adaptHistory(space, trials, ['minimize', 'maximize']);
    expect(problem.y).toEqual([[1, -2]]);
    expect(problem.constraints).toBeUndefined();
  });

  it('counts the observations it would return without encoding them (how auto chooses its model)', () => {
    const p = { lr: 0.01, dropout: 0.1, layers: 2, opt: 'adam' };
    const trials: FrozenTrial[] = [
      { number: 0, state: 'COMPLETE', params: p, values: [2, 1] },
      { number: 1, state: 'PRUNED', params: p, intermediate: [{ step: 1, value: 5 }] },
      { number: 2, state: 'PRUNED', params: p },
      { number: 3, state: 'FAIL', params: p },
      { number: 4, state: 'COMPLETE', params: p, values: [Number.POSITIVE_INFINITY, 1] },
      { number: 5, state: 'COMPLETE', params: p, values: [3] },
      { number: 6, state: 'RUNNING', params: p },
      { number: 7, state: 'PENDING', params: p },
      { number: 8, state: 'COMPLETE', params: p },
    ];
    for (const directions of [['minimize'], ['maximize'], ['minimize', 'minimize']] as const) {
      for (const pruned of [true, false]) {
        const counted = countObservations(trials, directions, { pruned });
        expect(counted).toBe(adaptHistory(space, trials, directions, { pruned }).X.length);
      }
    }
    expect(countObservations(trials, ['minimize'])).toBe(3); // trials 0, 1 and 5
    expect(countObservations(trials, ['minimize', 'minimize'])).toBe(1); // trial 0: 5 has one value, 4 is not finite
  });
});
