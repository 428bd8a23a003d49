// Merging the study's live events into the trials the page holds. Pure: the view feeds it events and
// refetched trials; tests feed it sequences.
import type { ChartTrial } from '@/charts';
import { toChartTrial, type WireTrial } from './to-chart';

export type StudyEventKind = 'TRIAL_CREATED' | 'TRIAL_CLAIMED' | 'TRIAL_REPORTED' | 'TRIAL_FINISHED' | 'STUDY_STATUS';

export interface LiveEvent {
  kind: StudyEventKind;
  /** The trial as the event carries it; null when the event has none or lost it (the view refetches). */
  trial: WireTrial | null;
  /** The trial id when the event names one but carries no data. */
  trialId?: string | null;
}

export interface LiveTrials {
  /** By trial number order. */
  trials: ChartTrial[];
  /** Trials named by an event whose data did not come with it: the view refetches these. */
  stale: string[];
  /** Bumped on TRIAL_REPORTED so metric panels know to reload. */
  metricsVersion: number;
  /** Bumped on STUDY_STATUS so the summary reloads its counts. */
  statusVersion: number;
}

export function initialLive(trials: readonly ChartTrial[]): LiveTrials {
  return { trials: [...trials].sort((a, b) => a.number - b.number), stale: [], metricsVersion: 0, statusVersion: 0 };
}

/** States a trial never leaves (a released or expired lease goes RUNNING → PENDING, never out of these). */
const FINISHED: ReadonlySet<ChartTrial['state']> = new Set(['COMPLETE', 'PRUNED', 'FAIL', 'CANCELLED']);

/**
 * Inserts or replaces a trial, keeping number order; the common case (a new last trial) is O(1).
 * A snapshot that would take a finished trial back to PENDING or RUNNING is older than what the page holds
 * (a refetch answered after a newer event, an event read from a stale cache): it is ignored, so a finished
 * trial's state and values never disappear from the charts.
 */
export function upsertTrial(trials: readonly ChartTrial[], next: ChartTrial): ChartTrial[] {
  const index = trials.findIndex((t) => t.id === next.id);
  if (index >= 0) {
    const current = trials[index] as ChartTrial;
    if (FINISHED.has(current.state) && !FINISHED.has(next.state)) return trials as ChartTrial[];
    const out = trials.slice();
    out[index] = next;
    return out;
  }
  const last = trials[trials.length - 1];
  if (!last || last.number < next.number) return [...trials, next];
  const out = [...trials, next];
  out.sort((a, b) => a.number - b.number);
  return out;
}

export type LiveAction =
  | { type: 'event'; event: LiveEvent }
  | { type: 'refetched'; trial: WireTrial }
  | { type: 'refetch-failed'; trialId: string }
  | { type: 'reset'; trials: readonly ChartTrial[] };

export function liveReducer(state: LiveTrials, action: LiveAction): LiveTrials {
  switch (action.type) {
    case 'reset':
      return initialLive(action.trials);
    case 'refetched':
      return {
        ...state,
        trials: upsertTrial(state.trials, toChartTrial(action.trial)),
        stale: state.stale.filter((id) => id !== action.trial.id),
      };
    case 'refetch-failed':
      return { ...state, stale: state.stale.filter((id) => id !== action.trialId) };
    case 'event': {
      const { event } = action;
      if (event.kind === 'STUDY_STATUS') return { ...state, statusVersion: state.statusVersion + 1 };
      const metricsVersion = event.kind === 'TRIAL_REPORTED' ? state.metricsVersion + 1 : state.metricsVersion;
      // A finished or created trial also changes the counts in the summary.
      const statusVersion =
        event.kind === 'TRIAL_FINISHED' || event.kind === 'TRIAL_CREATED' ? state.statusVersion + 1 : state.statusVersion;
      if (event.trial) {
        // A finished trial is also refetched once: its values and state must not hang on one event's payload.
        const stale =
          event.kind === 'TRIAL_FINISHED' && !state.stale.includes(event.trial.id) ? [...state.stale, event.trial.id] : state.stale;
        return { ...state, trials: upsertTrial(state.trials, toChartTrial(event.trial)), stale, metricsVersion, statusVersion };
      }
      const id = event.trialId;
      if (id && !state.stale.includes(id)) return { ...state, stale: [...state.stale, id], metricsVersion, statusVersion };
      return { ...state, metricsVersion, statusVersion };
    }
  }
}
