// Server-side loading of the study page (serverQuery reads the request cookie: only server components call this).
import { serverQuery } from '@/lib/graphql/server';
import { loadWithRetry, type Loaded } from '@/lib/graphql/retry';
import { StudyPageQuery } from './documents.ts';
import { toChartObjectives, toChartParams } from './to-chart.ts';
import { StudyTrialRange } from '../live/documents.ts';
import { FIRST_RANGE, MAX_TRIALS, fromColumns } from '../live/snapshot.ts';
import type { StudyViewProps } from './study-view.tsx';

/**
 * What the study page renders first, fetched on the server: the study (its summary) and its first trials, in one
 * round trip. A bigger study's other trials are read by the browser afterwards, its ranges all at once
 * (live/snapshot.ts): the summary paints at once, the table and charts fill in.
 */
export async function loadStudyPage(id: string): Promise<Loaded<StudyViewProps | null>> {
  // A transient API error (RATE_LIMITED under load) is tried once more; if it persists, the page shows why.
  return loadWithRetry(() => readStudyPage(id));
}

async function readStudyPage(id: string): Promise<StudyViewProps | null> {
  const [{ study }, first] = await Promise.all([
    serverQuery(StudyPageQuery, { id }),
    serverQuery(StudyTrialRange, { id, from: 0, to: FIRST_RANGE }),
  ]);
  const columns = first.study?.trialColumns;
  if (!study || !first.study || !columns) return null;
  return {
    // The two reads ran at once: the first trials reflect the events up to the range's own number, which may be
    // below the study's. The lower one is where the live store starts (events after it apply on top), so the
    // browser can complete these trials with the ranges after them instead of reading them again.
    study: { ...study, eventSeq: Math.min(study.eventSeq, first.study.eventSeq) },
    params: toChartParams(study.space),
    objectives: toChartObjectives(study.objectives),
    trials: fromColumns(columns),
    partial: columns.next !== null && columns.next !== undefined,
    truncated: study.counts.total > MAX_TRIALS,
  };
}
