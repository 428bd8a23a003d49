import { describe, expect, it } from 'vitest';
import { DEFAULT_KEEP_MODELS, KEEP_MODELS_BOUNDS, keepModelsIssue } from './models.ts';

describe('keepModels', () => {
  it('accepts whole numbers from 0 to 100 and names the field and the value otherwise', () => {
    for (const ok of [0, DEFAULT_KEEP_MODELS, KEEP_MODELS_BOUNDS.max]) expect(keepModelsIssue(ok)).toBeUndefined();
    expect(keepModelsIssue(101)).toEqual({ path: ['keepModels'], message: 'keepModels must be a whole number from 0 to 100, got 101' });
    expect(keepModelsIssue(-1)?.message).toContain('got -1');
    expect(keepModelsIssue(1.5)?.message).toContain('got 1.5');
    expect(keepModelsIssue('3')?.message).toContain('got 3');
    expect(keepModelsIssue(Number.NaN)?.message).toContain('got NaN');
  });
});
