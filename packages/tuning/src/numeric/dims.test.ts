import { describe, expect, it } from 'vitest';
import { layoutDims, levelValues, nearestLevel, snapPoint } from './dims.ts';

describe('layoutDims', () => {
  it('lays parameters out one after another, a categorical taking one coordinate per choice', () => {
    const { slots, width } = layoutDims([{ kind: 'continuous' }, { kind: 'categorical', choices: 3 }, { kind: 'int', levels: 4 }]);
    expect(width).toBe(5);
    expect(slots.map((s) => [s.offset, s.width])).toEqual([
      [0, 1],
      [1, 3],
      [4, 1],
    ]);
  });

  it('names the dim, the rule and the value when a dim is invalid', () => {
    expect(() => layoutDims([{ kind: 'int', levels: 0 }])).toThrow('dims[0].levels must be an integer >= 1, got 0');
    expect(() => layoutDims([{ kind: 'continuous' }, { kind: 'int', levels: 2, values: [0.5, 0.2] }])).toThrow(
      'dims[1].values must be strictly ascending within [0, 1], got [0.5,0.2]',
    );
  });
});

describe('levels', () => {
  it('default to cell centres (k + ½)/levels and snap to the nearest', () => {
    expect(levelValues({ levels: 4 })).toEqual([0.125, 0.375, 0.625, 0.875]);
    expect(nearestLevel(0.49, [0.125, 0.375, 0.625, 0.875])).toBe(1);
    expect(nearestLevel(0.51, [0.125, 0.375, 0.625, 0.875])).toBe(2);
    expect(nearestLevel(-3, [0.125, 0.375])).toBe(0);
  });

  it('snapPoint clamps, snaps integers and makes categoricals one-hot', () => {
    const { slots } = layoutDims([{ kind: 'continuous' }, { kind: 'int', levels: 2 }, { kind: 'categorical', choices: 3 }]);
    expect(snapPoint([1.4, 0.6, 0.2, 0.7, 0.1], slots)).toEqual([1, 0.75, 0, 1, 0]);
  });
});
