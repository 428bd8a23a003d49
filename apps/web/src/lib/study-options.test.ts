import { describe, expect, it } from 'vitest';
import { samplerLabel } from './study-options.ts';

// The sampler and pruner descriptions the form is drawn from are the contract's (packages/contract options.test.ts).
describe('sampler label', () => {
  it('labels a stored sampler by kind and seed', () => {
    expect(samplerLabel({ kind: 'cmaes', seed: 3 })).toBe('cmaes (seed 3)');
    expect(samplerLabel({ kind: 'random' })).toBe('random');
    expect(samplerLabel(null)).toBe('—');
  });
});
