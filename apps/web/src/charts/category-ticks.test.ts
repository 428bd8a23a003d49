import { describe, expect, it } from 'vitest';
import { categoryTickIndices } from './category-ticks.ts';

describe('categoryTickIndices', () => {
  it('labels every category while they are far enough apart', () => {
    expect(categoryTickIndices(5, 60, 12)).toEqual([0, 1, 2, 3, 4]);
    expect(categoryTickIndices(3, 12, 12)).toEqual([0, 1, 2]);
  });

  it('labels every k-th category of a crowded axis, never two closer than the gap', () => {
    const step = 300 / 1000;
    const picked = categoryTickIndices(1000, step, 12);
    expect(picked[0]).toBe(0);
    expect(picked.length).toBe(25);
    for (let k = 1; k < picked.length; k++) expect((picked[k]! - picked[k - 1]!) * step).toBeGreaterThanOrEqual(12 - 1e-9);
    // …and as many as fit: a stride one smaller would put labels closer than the gap.
    expect((picked[1]! - picked[0]! - 1) * step).toBeLessThan(12);
  });

  it('has nothing to label on an empty axis, and labels all when the step is unknown', () => {
    expect(categoryTickIndices(0, 10, 12)).toEqual([]);
    expect(categoryTickIndices(4, 0, 12)).toEqual([0, 1, 2, 3]);
  });
});
