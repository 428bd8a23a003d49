// Reading a whole study view in the browser: what the live store starts from again after a gap or a reconnect.
import type { Client, OperationResult } from 'urql';
import type { StudyLiveSnapshotQuery, StudyTrialFieldsFragment } from '@/gql/graphql';
import { toChartTrial } from '../study/to-chart';
import { StudyLiveSnapshot } from './documents';
import type { LiveTrial, Snapshot, StudyStatus } from './study-store';

/** The page shows every trial up to this many; past it the table says how many are left out. */
export const MAX_TRIALS = 10_000;
/** The API's largest page. */
export const TRIAL_PAGE = 500;

export function toLiveTrial(trial: StudyTrialFieldsFragment): LiveTrial {
  return { ...toChartTrial(trial), attempt: trial.attempt };
}

/**
 * The study's `eventSeq` and status come with the first page, read before its trials: every trial read after it
 * reflects at least the events up to that number (later pages only ever read newer states).
 */
export async function fetchSnapshot(client: Client, id: string): Promise<Snapshot | null> {
  const trials: LiveTrial[] = [];
  let head: { seq: number; status: StudyStatus; failureReason: string | null } | null = null;
  let after: string | null = null;
  for (;;) {
    const result: OperationResult<StudyLiveSnapshotQuery> = await client
      .query(StudyLiveSnapshot, { id, first: TRIAL_PAGE, after }, { requestPolicy: 'network-only' })
      .toPromise();
    if (result.error) throw result.error;
    const study = result.data?.study;
    if (!study) return null;
    head ??= { seq: study.eventSeq, status: study.status, failureReason: study.failureReason ?? null };
    for (const node of study.trials.nodes) trials.push(toLiveTrial(node));
    const { hasNextPage, endCursor } = study.trials.pageInfo;
    if (!hasNextPage || !endCursor || trials.length >= MAX_TRIALS) break;
    after = endCursor;
  }
  return { ...head, trials: trials.slice(0, MAX_TRIALS) };
}
