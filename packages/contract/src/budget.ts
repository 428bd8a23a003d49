import type { Issue } from './issues.ts';

/** Bounds of each budget field; `maxTrials` may also be null (no limit). */
export const BUDGET_BOUNDS = {
  maxTrials: { min: 1, max: 1_000_000 },
  maxParallel: { min: 1, max: 1024 },
  maxFailures: { min: 1, max: 100 },
} as const;
export type BudgetField = keyof typeof BUDGET_BOUNDS;
export const BUDGET_FIELDS = Object.keys(BUDGET_BOUNDS) as BudgetField[];

/** Budget defaults: four trials at once, three attempts per trial before it fails. */
export const DEFAULT_MAX_PARALLEL = 4;
export const DEFAULT_MAX_FAILURES = 3;

export interface Budget {
  maxTrials: number | null;
  maxParallel: number;
  maxFailures: number;
}

/** Each budget field outside its bounds (all at once), at `['budget', field]`. */
export function budgetIssues(budget: Budget): Issue[] {
  const issues: Issue[] = [];
  for (const field of BUDGET_FIELDS) {
    const value = budget[field];
    const { min, max } = BUDGET_BOUNDS[field];
    if (field === 'maxTrials' && value === null) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      const orNull = field === 'maxTrials' ? ' or null' : '';
      issues.push({ path: ['budget', field], message: `${field} must be ${min} to ${max}${orNull}, got ${value}` });
    }
  }
  return issues;
}
