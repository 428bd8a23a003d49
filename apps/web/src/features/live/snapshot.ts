// Reading a whole study view in the browser: what the live store starts from again after a gap or a reconnect,
// and what completes the first trials the server rendered. A big study is read as ranges of trial numbers in
// columns (`Study.trialColumns`, ranges.ts), several ranges at once, instead of a chain of pages one after another.
import type { Client } from 'urql';
import type { StudyTrialFieldsFragment } from '@/gql/graphql';
import { toChartTrial } from '../study/to-chart';
import { StudyLiveSnapshot, StudyTrialRange } from './documents';
import { readRanges, TRIAL_RANGE } from './ranges';
import type { LiveTrial, Snapshot } from './study-store';

export { FIRST_RANGE, MAX_TRIALS, fromColumns } from './ranges';

export function toLiveTrial(trial: StudyTrialFieldsFragment): LiveTrial {
  return { ...toChartTrial(trial), attempt: trial.attempt };
}

/**
 * The study's `eventSeq` and status come with the first range, read before its trials: every trial read after it
 * reflects at least the events up to that number (later ranges only ever read newer states).
 */
export async function fetchSnapshot(client: Client, id: string): Promise<Snapshot | null> {
  const first = await client
    .query(StudyLiveSnapshot, { id, from: 0, to: TRIAL_RANGE }, { requestPolicy: 'network-only' })
    .toPromise();
  if (first.error) throw first.error;
  const study = first.data?.study;
  if (!study) return null;
  const trials = await readRanges(study.trialColumns, study.counts.total, async (from) => {
    const result = await client.query(StudyTrialRange, { id, from, to: from + TRIAL_RANGE }, { requestPolicy: 'network-only' }).toPromise();
    if (result.error) throw result.error;
    const columns = result.data?.study?.trialColumns;
    if (!columns) throw new Error('The study is no longer readable.');
    return columns;
  });
  return { seq: study.eventSeq, status: study.status, failureReason: study.failureReason ?? null, trials };
}
