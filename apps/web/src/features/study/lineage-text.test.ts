import { describe, expect, it } from 'vitest';
import { isRefinedFromDescription, refinedRanges } from './lineage-text.ts';

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
    expect(refinedRanges({ ranges: { act: ['relu'] }, inherited: 1 }, space)).toBe(
      ' with act ["relu"], 1 trial inherited',
    );
    expect(refinedRanges({ inherited: 0 }, space)).toBe(', 0 trials inherited');
  });

  it('recognises the description the API wrote on refining, which the lineage line repeats', () => {
    const parent = { name: 'Digits MLP' };
    expect(isRefinedFromDescription('Refined from "Digits MLP".', parent)).toBe(true);
    expect(isRefinedFromDescription('Refined from "Digits MLP".\n', parent)).toBe(true);
    // The person's own words, a renamed parent, or no parent: shown as they are.
    expect(isRefinedFromDescription('Refined from "Digits MLP". Narrower units.', parent)).toBe(false);
    expect(isRefinedFromDescription('Refined from "Digits MLP".', { name: 'Digits MLP v2' })).toBe(false);
    expect(isRefinedFromDescription('Refined from "Digits MLP".', null)).toBe(false);
  });
});
