import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Database } from '@tuneboard/db';
import { metric, trial } from '@tuneboard/db';
import type { FrozenTrial, ParamValue, TrialState } from '@tuneboard/tuning';
import type { StudyRow } from '../mappers.ts';

/**
 * A study's trials as the samplers and pruners see them (`FrozenTrial`). Learning curves are the study's
 * first objective as reported by each trial's current attempt; `curvesFor` picks which trials need them
 * (the samplers rank PRUNED trials by their last value; the pruners compare every trial's curve).
 */
export async function loadHistory(
  db: Database,
  study: Pick<StudyRow, 'id' | 'objectives'>,
  curvesFor: 'pruned' | 'all',
  options: { ownOnly?: boolean } = {},
): Promise<FrozenTrial[]> {
  // `ownOnly`: without the trials a refined study inherited (the pruners' view, see `loadPruneHistory`).
  const own = options.ownOnly ? ne(trial.origin, 'INHERITED') : undefined;
  const rows = await db
    .select({
      id: trial.id,
      number: trial.number,
      state: trial.state,
      params: trial.params,
      values: trial.values,
      attempt: trial.attempt,
    })
    .from(trial)
    .where(and(eq(trial.studyId, study.id), ne(trial.state, 'CANCELLED'), own))
    .orderBy(asc(trial.number));

  const key = study.objectives[0]?.name;
  const curves = new Map<number, { step: number; value: number }[]>();
  const wanted = rows.some((row) => curvesFor === 'all' || row.state === 'PRUNED');
  if (key && wanted) {
    // The trials are chosen by the join (study and state), not by a list of ids: a list becomes one bound
    // parameter per trial, and Postgres refuses more than 65,535 of them (a study of 100,000 trials).
    const points = await db
      .select({ trialId: metric.trialId, step: metric.step, value: metric.value })
      .from(metric)
      .innerJoin(trial, and(eq(trial.id, metric.trialId), eq(trial.attempt, metric.attempt)))
      .where(
        and(
          eq(metric.key, key),
          eq(trial.studyId, study.id),
          curvesFor === 'pruned' ? eq(trial.state, 'PRUNED') : ne(trial.state, 'CANCELLED'),
          own,
        ),
      )
      .orderBy(asc(metric.trialId), asc(metric.step));
    addToCurves(curves, points);
  }
  return rows.map((row) => toFrozen(row, curves.get(row.id)));
}

/**
 * The history a pruner whose `reads` is `'steps'` needs to judge one report (median, percentile, threshold):
 * every trial's number and state, the judged trial's whole curve, and the other trials' values at `steps` only
 * (the batch's steps) — the same verdict as with `loadHistory(…, 'all')`, without reading every point of the
 * study on every report (packages/tuning's pruner tests check the equivalence).
 *
 * Trials a refined study inherited are left out: only its parent's COMPLETE trials inside the new space are
 * copied (never the pruned ones), so their curves are the survivors of the parent's pruning, and a median over
 * them pruned every new trial of a refinement (21 of 21 in a QA run). The child's pruner judges its own trials
 * against each other, with its own start-up trials, as a new study does; its sampler still learns from them.
 */
export async function loadPruneHistory(
  db: Database,
  study: Pick<StudyRow, 'id' | 'objectives'>,
  judged: { id: number },
  steps: number[],
): Promise<FrozenTrial[]> {
  const rows = await db
    .select({ id: trial.id, number: trial.number, state: trial.state })
    .from(trial)
    .where(and(eq(trial.studyId, study.id), ne(trial.state, 'CANCELLED'), ne(trial.origin, 'INHERITED')))
    .orderBy(asc(trial.number));
  const key = study.objectives[0]?.name;
  const curves = new Map<number, { step: number; value: number }[]>();
  if (key) {
    const select = () =>
      db
        .select({ trialId: metric.trialId, step: metric.step, value: metric.value })
        .from(metric)
        .innerJoin(trial, and(eq(trial.id, metric.trialId), eq(trial.attempt, metric.attempt)));
    const own = await select()
      .where(and(eq(metric.trialId, judged.id), eq(metric.key, key)))
      .orderBy(asc(metric.step));
    // The others at the judged steps only: per trial, a probe of the (trial, attempt, key, step) key.
    const others = await select()
      .where(
        and(
          eq(trial.studyId, study.id),
          ne(trial.origin, 'INHERITED'),
          ne(metric.trialId, judged.id),
          eq(metric.key, key),
          inArray(metric.step, steps),
        ),
      )
      .orderBy(asc(metric.trialId), asc(metric.step));
    addToCurves(curves, own);
    addToCurves(curves, others);
  }
  return rows.map((row) => toFrozen({ ...row, params: {}, values: null }, curves.get(row.id)));
}

/** Groups points (ordered by trial, then step) into learning curves by trial id. */
function addToCurves(curves: Map<number, { step: number; value: number }[]>, points: { trialId: number; step: number; value: number }[]): void {
  for (const point of points) {
    let curve = curves.get(point.trialId);
    if (!curve) curves.set(point.trialId, (curve = []));
    curve.push({ step: point.step, value: point.value });
  }
}

export function toFrozen(
  row: { number: number; state: string; params: unknown; values: number[] | null },
  intermediate?: { step: number; value: number }[],
): FrozenTrial {
  return {
    number: row.number,
    state: row.state as TrialState,
    params: row.params as Record<string, ParamValue>,
    ...(row.values ? { values: row.values } : {}),
    ...(intermediate ? { intermediate } : {}),
  };
}
