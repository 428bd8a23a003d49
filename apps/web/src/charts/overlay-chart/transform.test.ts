import { describe, expect, it } from 'vitest';
import { drawablePoints, overlayExtent } from './transform.ts';

describe('overlay chart transform', () => {
  it('spans every finite point of every series and ignores NaN and infinities', () => {
    const extent = overlayExtent([
      {
        id: 'a',
        name: 'a',
        points: [
          { x: 0, y: 1 },
          { x: 5, y: Number.NaN },
        ],
      },
      {
        id: 'b',
        name: 'b',
        points: [
          { x: 2, y: -3 },
          { x: Number.POSITIVE_INFINITY, y: 100 },
          { x: 9, y: 4 },
        ],
      },
    ]);
    expect(extent).toEqual({ x: [0, 9], y: [-3, 4] });
  });

  it('widens a single value so the scale has a span, and is null without points', () => {
    expect(overlayExtent([{ id: 'a', name: 'a', points: [{ x: 3, y: 7 }] }])).toEqual({
      x: [2.5, 3.5],
      y: [6.5, 7.5],
    });
    expect(overlayExtent([{ id: 'a', name: 'a', points: [] }])).toBeNull();
    expect(overlayExtent([])).toBeNull();
  });

  it('sorts points by x and drops the ones a path cannot draw', () => {
    expect(
      drawablePoints([
        { x: 3, y: 1 },
        { x: 1, y: Number.NaN },
        { x: 0, y: 2 },
      ]),
    ).toEqual([
      { x: 0, y: 2 },
      { x: 3, y: 1 },
    ]);
  });
});
