import { describe, expect, it } from 'vitest';
import { budgetIssues } from './budget.ts';
import { METRIC_NAME_MAX, isMetricName, metricNameSchema } from './names.ts';

describe('metric names', () => {
  it('admit letters, digits, _ . / - after a letter or _, up to the limit', () => {
    for (const name of ['loss', 'val/acc', '_x.y-z', 'a'.repeat(METRIC_NAME_MAX)]) expect(isMetricName(name), name).toBe(true);
  });

  it('refuse anything a Postgres array literal would need to quote', () => {
    for (const name of ['', '1st', 'a b', 'a,b', 'a"b', 'a\\b', 'a{b}', "a'b", 'a'.repeat(METRIC_NAME_MAX + 1)]) {
      expect(isMetricName(name), name).toBe(false);
      expect(metricNameSchema.safeParse(name).success).toBe(false);
    }
  });
});

describe('budget bounds', () => {
  it('name each field out of bounds, all at once', () => {
    expect(budgetIssues({ maxTrials: 0, maxParallel: 2000, maxFailures: 3 })).toEqual([
      { path: ['budget', 'maxTrials'], message: 'maxTrials must be 1 to 1000000 or null, got 0' },
      { path: ['budget', 'maxParallel'], message: 'maxParallel must be 1 to 1024, got 2000' },
    ]);
    expect(budgetIssues({ maxTrials: null, maxParallel: 4, maxFailures: 3 })).toEqual([]);
  });
});
