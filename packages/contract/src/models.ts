import type { Issue } from './issues.ts';

/**
 * How many of a study's best trials keep their saved models (`keepModels`): the others' MODEL artifacts are deleted
 * when they end, so storage stays bounded. Set at `studyCreate` and changed with `studyUpdate`.
 */
export const KEEP_MODELS_BOUNDS = { min: 0, max: 100 } as const;
export const DEFAULT_KEEP_MODELS = 3;

/** Why `keepModels` is refused (path `['keepModels']`, naming the value), or undefined. */
export function keepModelsIssue(value: unknown): Issue | undefined {
  const { min, max } = KEEP_MODELS_BOUNDS;
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return undefined;
  return { path: ['keepModels'], message: `keepModels must be a whole number from ${min} to ${max}, got ${String(value)}` };
}
