import { describe, expect, it } from 'vitest';
import { sparklinePath } from './sparkline.ts';

describe('sparklinePath', () => {
  it('steps through each improvement and carries the best on to the last trial', () => {
    // Improvements at trials 0, 2 and 4 (0.5 → 0.7 → 0.9), last trial 8, in a 100×24 box with 2 px padding.
    const d = sparklinePath(
      [
        { trialNumber: 0, value: 0.5 },
        { trialNumber: 2, value: 0.7 },
        { trialNumber: 4, value: 0.9 },
      ],
      8,
      100,
      24,
    );
    expect(d).toBe('M2,22H26V12H50V2H98');
  });

  it('draws one point as a flat line in the middle, and leaves out values that are not finite', () => {
    expect(sparklinePath([{ trialNumber: 3, value: 1 }], 3, 50, 20)).toBe('M2,10H48');
    expect(
      sparklinePath(
        [
          { trialNumber: 0, value: 'NaN' },
          { trialNumber: 1, value: 2 },
        ],
        1,
        50,
        20,
      ),
    ).toBe('M2,10H48');
  });

  it('is empty without a finite point', () => {
    expect(sparklinePath([], 10, 50, 20)).toBe('');
    expect(sparklinePath([{ trialNumber: 0, value: 'Infinity' }], 0, 50, 20)).toBe('');
  });
});
