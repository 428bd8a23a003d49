// Server-side loading of the study page (serverQuery reads the request cookie: only server components call this).
import type { ChartTrial } from '@/charts';
import { serverQuery } from '@/lib/graphql/server';
import { StudyPageQuery, StudyTrialsPageQuery } from './documents';
import { toChartObjectives, toChartParams, toChartTrial } from './to-chart';
import type { StudyViewProps } from './study-view';

/** The page shows every trial up to this many; past it the table says how many are left out. */
export const MAX_TRIALS = 10_000;
/** The API's largest page. */
const PAGE = 500;

/** Everything the study page renders first, fetched on the server: the study, then its trials page by page. */
export async function loadStudyPage(id: string): Promise<StudyViewProps | null> {
  const { study } = await serverQuery(StudyPageQuery, { id });
  if (!study) return null;
  const trials: ChartTrial[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Awaited<ReturnType<typeof fetchPage>> = await fetchPage(id, after);
    const connection = page.study?.trials;
    if (!connection) break;
    for (const node of connection.nodes) trials.push(toChartTrial(node));
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
  return serverQuery(StudyTrialsPageQuery, { id, first: PAGE, after });
}
