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
): Promise<FrozenTrial[]> {
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
    .where(and(eq(trial.studyId, study.id), ne(trial.state, 'CANCELLED')))
    .orderBy(asc(trial.number));

  const key = study.objectives[0]?.name;
  const curves = new Map<number, { step: number; value: number }[]>();
  const wanted = rows.filter((row) => curvesFor === 'all' || row.state === 'PRUNED').map((row) => row.id);
  if (key && wanted.length > 0) {
    const points = await db
      .select({ trialId: metric.trialId, step: metric.step, value: metric.value })
      .from(metric)
      .innerJoin(trial, and(eq(trial.id, metric.trialId), eq(trial.attempt, metric.attempt)))
      .where(and(eq(metric.key, key), inArray(metric.trialId, wanted)))
      .orderBy(asc(metric.trialId), asc(metric.step));
    for (const point of points) {
      let curve = curves.get(point.trialId);
      if (!curve) curves.set(point.trialId, (curve = []));
      curve.push({ step: point.step, value: point.value });
    }
  }
  return rows.map((row) => toFrozen(row, curves.get(row.id)));
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
