import { describe, expect, it } from 'vitest';
import { refinedRanges } from './lineage-text.ts';

describe('the lineage line of a refined study', () => {
  it('shows the refined parameters as the child space holds them, snapped, with the inherited count', () => {
    const refinement = {
      ranges: { units: [111.45532156449087, 256], act: ['relu'], gone: [0.1, 0.2] },
      inherited: 9,
    };
    const space = {
      units: { type: 'int', low: 112, high: 256, log: true },
      act: { type: 'categorical', choices: ['relu'] },
    };
    expect(refinedRanges(refinement, space)).toBe(
      ' with units [112, 256]; act ["relu"]; gone [0.1, 0.2], 9 trials inherited',
    );
    expect(refinedRanges(null, space)).toBe('');
  });
});
