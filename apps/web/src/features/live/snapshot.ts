// Reading a whole study view in the browser: what the live store starts from again after a gap or a reconnect,
// and what completes the first trials the server rendered. A big study is read as ranges of trial numbers in
// columns (`Study.trialColumns`, ranges.ts), several ranges at once, instead of a chain of pages one after another.
import type { Client } from 'urql';
import type { StudyTrialFieldsFragment } from '@/gql/graphql';
import { toChartTrial } from '../study/to-chart.ts';
import { StudyTrialRange } from './documents.ts';
import { FIRST_RANGE, MAX_TRIALS, readRanges, TRIAL_RANGE } from './ranges.ts';
import type { LiveTrial, Snapshot } from './study-store.ts';

export { FIRST_RANGE, MAX_TRIALS, fromColumns } from './ranges.ts';

export function toLiveTrial(trial: StudyTrialFieldsFragment): LiveTrial {
  return { ...toChartTrial(trial), attempt: trial.attempt };
}

/** The study is gone, or no longer readable by this person (another team's study reads as not found). */
class NotReadable extends Error {}

/**
 * The whole view, its ranges all read at once (planned from `total`, the study's trial count as last known).
 * Each range comes with the study's `eventSeq` and status, read before its trials: every trial of that range
 * reflects at least the events up to that number. The snapshot takes the lowest number (and the status read with
 * it): all its trials reflect at least those events, a range read later may reflect more (the store never moves a
 * trial backwards), and the events after it are applied on top; a number the store never received is a gap, which
 * reads the view again. With `first` (a partial snapshot: the server's first trials, numbered below FIRST_RANGE,
 * and the number they were read at), only the ranges after them are read: a study that did not change since the
 * server rendered is not read twice; one that did shows a gap above `first.seq`, and is read whole.
 */
export async function fetchSnapshot(client: Client, id: string, total: number, first?: Snapshot): Promise<Snapshot | null> {
  const held = first ? first.trials.filter((t) => t.number < FIRST_RANGE) : [];
  let lowest: Omit<Snapshot, 'trials'> | null = first ? { seq: first.seq, status: first.status, failureReason: first.failureReason } : null;
  try {
    const trials = await readRanges(
      first ? FIRST_RANGE : 0,
      total,
      async (from) => {
        const result = await client.query(StudyTrialRange, { id, from, to: from + TRIAL_RANGE }, { requestPolicy: 'network-only' }).toPromise();
        if (result.error) throw result.error;
        const study = result.data?.study;
        if (!study) throw new NotReadable();
        if (lowest === null || study.eventSeq < lowest.seq) {
          lowest = { seq: study.eventSeq, status: study.status, failureReason: study.failureReason ?? null };
        }
        return study.trialColumns;
      },
      MAX_TRIALS - held.length,
    );
    // At least one range was read (readRanges plans one at least), so `lowest` is set.
    return { ...lowest!, trials: held.length > 0 ? [...held, ...trials] : trials };
  } catch (error) {
    if (error instanceof NotReadable) return null;
    throw error;
  }
}
