import { describe, expect, it } from 'vitest';
import { formatSampler } from './format-sampler.ts';

describe('the sampler in words', () => {
  it('puts the kind first and each option after it', () => {
    expect(formatSampler({ kind: 'auto', seed: 1 })).toBe('auto · seed 1');
    expect(formatSampler({ kind: 'tpe', seed: 7, nStartup: 10, multivariate: true })).toBe('tpe · seed 7 · nStartup 10 · multivariate true');
  });

  it('shows a bare kind alone and nested options as JSON', () => {
    expect(formatSampler({ kind: 'random' })).toBe('random');
    expect(formatSampler({ kind: 'grid', values: { lr: [0.1] } })).toBe('grid · values {"lr":[0.1]}');
  });

  it('falls back to JSON for a document without a kind', () => {
    expect(formatSampler({ seed: 1 })).toBe('{"seed":1}');
    expect(formatSampler(null)).toBe('null');
  });
});
