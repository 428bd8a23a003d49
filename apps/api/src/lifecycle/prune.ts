import type { Database } from '@tuneboard/db';
import { loadHistory, loadPruneHistory } from './history.ts';
import { pruneQuestion, pruneVerdict } from './prune-verdict.ts';
import type { ReportedTrial } from './report.ts';

/**
 * Whether the runner should stop the trial after the batch `reportMetrics` just stored: reads the history the
 * study's pruner needs and asks the pure verdict (./prune-verdict.ts); storage (./report.ts) decides nothing.
 *
 * Consistency is what it was when the verdict was asked inside `reportMetrics`: the report is one statement
 * (no transaction around it and the reads), so the batch is committed before the history is read, and the
 * history is then read in separate statements on the same pool, seeing the batch just stored and whatever
 * other trials stored meanwhile. The reads happen at the same point as before, with the same arguments (the
 * study, the judged trial's id and number, the batch's steps of the first objective), so the verdict is the same.
 * Median, percentile and threshold compare at the judged steps only: only those points of the other trials are
 * read, not every point of the study (a cost that grew with the study on every report).
 */
export async function judgeReport(
  db: Database,
  reported: ReportedTrial,
  batch: { keys: readonly string[]; steps: readonly number[] },
): Promise<boolean> {
  const question = pruneQuestion(reported, batch);
  if (!question) return false;
  const study = { id: reported.studyId, objectives: reported.objectives };
  const history =
    question.judge.reads === 'steps'
      ? await loadPruneHistory(db, study, { id: reported.id }, question.steps)
      : await loadHistory(db, study, 'all', { ownOnly: true });
  return pruneVerdict(question, reported, history);
}
