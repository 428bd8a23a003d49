import { scaleLog } from 'd3';
import { describe, expect, it } from 'vitest';
import { logAxisTicks } from './log-ticks.ts';

describe('logAxisTicks', () => {
  it('labels the whole of a 20–256 log-int axis, not only its bottom (20–70)', () => {
    const ticks = logAxisTicks(scaleLog().domain([20, 256]).ticks(5));
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks[0]).toBe(20);
    expect(ticks.at(-1)).toBe(200);
    expect(ticks.some((t) => t >= 100)).toBe(true);
  });

  it('keeps only the powers of ten when the axis spans two or more', () => {
    expect(logAxisTicks(scaleLog().domain([1e-4, 1e-1]).ticks(5))).toEqual([1e-4, 1e-3, 1e-2, 1e-1]);
  });

  it('keeps a short list as it is', () => {
    expect(logAxisTicks([2, 3, 4])).toEqual([2, 3, 4]);
  });
});
