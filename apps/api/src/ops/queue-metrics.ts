import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The runner protocol's counters, process-wide (one API process serves one database): the queue's functions
 * (`lifecycle/claim.ts`, `report.ts`, `reap.ts`) call the three `observe*` hooks below, which cost a few additions each. Served on the
 * metrics port only (`ops/metrics-server.ts`), never on the public one.
 */
export const queueRegistry = new Registry();

// Node's own: event-loop lag (nodejs_eventloop_lag_seconds and its percentiles), heap, GC, handles, CPU.
collectDefaultMetrics({ register: queueRegistry });

const claims = new Counter({
  name: 'tuneboard_trials_claimed_total',
  help: 'Trials handed out to runners (leases claimed); rate() is claims per second.',
  registers: [queueRegistry],
});
const claimSeconds = new Histogram({
  name: 'tuneboard_claim_duration_seconds',
  help: 'Time of one claim statement (trialClaim), whatever it returned.',
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [queueRegistry],
});
const reports = new Counter({
  name: 'tuneboard_trial_reports_total',
  help: 'Metric batches stored (trialReport calls whose lease was valid).',
  registers: [queueRegistry],
});
const points = new Counter({
  name: 'tuneboard_metric_points_total',
  help: 'Metric points stored (re-sent points, already stored, are not counted).',
  registers: [queueRegistry],
});
const expiries = new Counter({
  name: 'tuneboard_lease_expiries_total',
  help: 'Leases that expired without a report: the trial queued again (requeued) or failed after max_failures (failed).',
  labelNames: ['outcome'] as const,
  registers: [queueRegistry],
});

/** A claim statement took `seconds` and handed out `claimed` trials. */
export function observeClaim(seconds: number, claimed: number): void {
  claimSeconds.observe(seconds);
  if (claimed > 0) claims.inc(claimed);
}

/** A report stored `accepted` new points. */
export function observeReport(accepted: number): void {
  reports.inc();
  if (accepted > 0) points.inc(accepted);
}

/** The reaper took back expired leases. */
export function observeExpired(states: readonly string[]): void {
  for (const state of states) expiries.inc({ outcome: state === 'FAIL' ? 'failed' : 'requeued' });
}
