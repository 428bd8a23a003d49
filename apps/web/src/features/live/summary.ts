// The summary panel's figures, computed from the live store's trials: the same list the table, the charts and
// the CSV export show, so the counts can never lag the rows.
import type { ChartObjective } from '@/charts';
import type { LiveTrial } from './study-store.ts';

export interface TrialCounts {
  pending: number;
  running: number;
  complete: number;
  pruned: number;
  fail: number;
  cancelled: number;
  total: number;
}

export interface Summary {
  counts: TrialCounts;
  /** Finished (complete, pruned, failed) over `maxTrials`, 0–1; null without a limit. The API's rule. */
  progress: number | null;
  /** The best complete trial by the first objective (ties: the lower number). */
  best: LiveTrial | null;
}

export function summarize(trials: readonly LiveTrial[], maxTrials: number | null, objectives: readonly ChartObjective[]): Summary {
  const counts: TrialCounts = { pending: 0, running: 0, complete: 0, pruned: 0, fail: 0, cancelled: 0, total: trials.length };
  const sign = objectives[0]?.direction === 'MAXIMIZE' ? -1 : 1;
  let best: LiveTrial | null = null;
  for (const trial of trials) {
    switch (trial.state) {
      case 'PENDING':
        counts.pending += 1;
        break;
      case 'RUNNING':
        counts.running += 1;
        break;
      case 'COMPLETE':
        counts.complete += 1;
        break;
      case 'PRUNED':
        counts.pruned += 1;
        break;
      case 'FAIL':
        counts.fail += 1;
        break;
      case 'CANCELLED':
        counts.cancelled += 1;
        break;
    }
    const value = trial.values?.[0];
    if (trial.state !== 'COMPLETE' || value === null || value === undefined) continue;
    const held = best?.values?.[0];
    if (held === null || held === undefined || sign * value < sign * held || (value === held && trial.number < best!.number)) {
      best = trial;
    }
  }
  const finished = counts.complete + counts.pruned + counts.fail;
  return { counts, progress: maxTrials === null ? null : Math.min(1, finished / maxTrials), best };
}
