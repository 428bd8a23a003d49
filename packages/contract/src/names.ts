import { z } from 'zod';

/** Longest metric key or objective name. */
export const METRIC_NAME_MAX = 100;

/**
 * A metric key or objective name: a letter or _ then up to 99 letters, digits, _ . / -. Nothing in it needs quoting:
 * the API writes report keys into a Postgres array literal as they are (`{"a","b"}`), which is safe only because
 * this rule admits no quote, backslash, comma, brace or space.
 */
export const METRIC_NAME = new RegExp(`^[A-Za-z_][A-Za-z0-9_./-]{0,${METRIC_NAME_MAX - 1}}$`);

/** The rule in words, for error messages. */
export const METRIC_NAME_RULE = 'a metric name starts with a letter or _ and holds letters, digits, _ . / -';

export function isMetricName(name: string): boolean {
  return METRIC_NAME.test(name);
}

export const metricNameSchema = z.string().regex(METRIC_NAME, METRIC_NAME_RULE);

/** Study names: 1 to 200 characters after trimming. */
export const STUDY_NAME_MAX = 200;
/** Longest study description: free text for people, not a document store. */
export const DESCRIPTION_MAX = 10_000;
/** A study optimises 1 to 8 objectives. */
export const MAX_OBJECTIVES = 8;

/** Most metric points one `trialReport` carries (the runner splits larger batches). */
export const MAX_REPORT_POINTS = 1_000;

/**
 * Most distinct metric keys one trial may hold, its attempts together: a report that would bring the trial past it
 * is refused whole (its points are not stored; those stored before stay). A curve per key is what the dashboard
 * draws and the pruner reads; a runner that invents a key per step would otherwise grow the trial without end.
 */
export const MAX_METRIC_KEYS_PER_TRIAL = 1_000;
