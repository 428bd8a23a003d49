// Server-side loading of the study page (serverQuery reads the request cookie: only server components call this).
import { serverQuery } from '@/lib/graphql/server';
import { StudyPageQuery, StudyTrialsPageQuery } from './documents';
import { toChartObjectives, toChartParams } from './to-chart';
import { MAX_TRIALS, TRIAL_PAGE, toLiveTrial } from '../live/snapshot';
import type { LiveTrial } from '../live/study-store';
import type { StudyViewProps } from './study-view';


/** Everything the study page renders first, fetched on the server: the study, then its trials page by page. */
export async function loadStudyPage(id: string): Promise<StudyViewProps | null> {
  const { study } = await serverQuery(StudyPageQuery, { id });
  if (!study) return null;
  const trials: LiveTrial[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Awaited<ReturnType<typeof fetchPage>> = await fetchPage(id, after);
    const connection = page.study?.trials;
    if (!connection) break;
    for (const node of connection.nodes) trials.push(toLiveTrial(node));
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor || trials.length >= MAX_TRIALS) break;
    after = connection.pageInfo.endCursor;
  }
  return {
    study,
    params: toChartParams(study.space),
    objectives: toChartObjectives(study.objectives),
    trials: trials.slice(0, MAX_TRIALS),
    truncated: study.counts.total > MAX_TRIALS,
  };
}

function fetchPage(id: string, after: string | null) {
  return serverQuery(StudyTrialsPageQuery, { id, first: TRIAL_PAGE, after });
}
