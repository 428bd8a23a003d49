import { eq, sql } from 'drizzle-orm';
import type { Database } from '@tuneboard/db';
import { project, study, trial } from '@tuneboard/db';
import { createSampler, parseSamplerConfig, parseSpace, type Direction } from '@tuneboard/tuning';
import { publishAvailable, publishStudyEvent } from '../events.ts';
import { countByState, loadHistory } from './history.ts';

export interface TopUpResult {
  created: number;
  status: string;
}

/**
 * Tops a running study up so that `maxParallel` trials are PENDING or RUNNING, never creating more than
 * `maxTrials` in all, and completes the study once its budget is spent (or a grid is exhausted) and
 * nothing is running. Serialised per study with a transaction-scoped advisory lock, so several API
 * replicas never over-sample, exceed the budget or hand out the same grid point twice. Running and
 * pending trials are in the sampler's history, so the sampler spreads a batch (constant liar).
 */
export function topUp(db: Database, studyId: string): Promise<TopUpResult> {
  // Single flight per study and process: calls arriving while a top-up runs share ONE queued run, which
  // starts after the current one and so sees every trial finished before the call. Sixteen runners
  // completing at once cost two top-ups instead of sixteen serialised ones.
  let flight = flights.get(studyId);
  if (!flight) flights.set(studyId, (flight = {}));
  const state = flight;
  const start = (): Promise<TopUpResult> => {
    const current = runTopUp(db, studyId).finally(() => {
      if (state.current === current) state.current = undefined;
      if (!state.current && !state.queued) flights.delete(studyId);
    });
    state.current = current;
    return current;
  };
  if (!state.current) return start();
  state.queued ??= state.current
    .catch(() => undefined)
    .then(() => {
      state.queued = undefined;
      return start();
    });
  return state.queued;
}

const flights = new Map<string, { current?: Promise<TopUpResult>; queued?: Promise<TopUpResult> }>();

async function runTopUp(db: Database, studyId: string): Promise<TopUpResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`study:${studyId}`}, 0))`);
    const [row] = await tx
      .select({ study, teamId: project.teamId })
      .from(study)
      .innerJoin(project, eq(project.id, study.projectId))
      .where(eq(study.id, studyId));
    if (!row) return { created: 0, status: 'MISSING' };
    const current = { ...row.study, teamId: row.teamId };
    if (current.status !== 'RUNNING') return { created: 0, status: current.status };

    const counts = await countByState(tx, studyId);
    const active = (counts.PENDING ?? 0) + (counts.RUNNING ?? 0);
    const finished = (counts.COMPLETE ?? 0) + (counts.PRUNED ?? 0) + (counts.FAIL ?? 0);
    const budgetLeft = current.maxTrials === null ? Infinity : current.maxTrials - finished - active;
    const room = Math.min(current.maxParallel - active, budgetLeft);

    let created = 0;
    if (room > 0) {
      const history = await loadHistory(tx, current, 'pruned');
      const sampler = createSampler(parseSamplerConfig(current.sampler));
      const directions = current.objectives.map((objective) => objective.direction as Direction);
      const batch = sampler.ask({ space: parseSpace(current.space), trials: history, directions }, room);
      if (batch.length > 0) {
        const first = await reserveTrialNumbers(tx, studyId, batch.length);
        const inserted = await tx
          .insert(trial)
          .values(batch.map((params, i) => ({ studyId, number: first + i, params, origin: 'SAMPLER' as const })))
          .returning({ id: trial.id });
        created = inserted.length;
        for (const { id } of inserted) {
          await publishStudyEvent(tx, { kind: 'TRIAL_CREATED', studyId, teamId: current.teamId, trialId: id });
        }
      }
      const exhausted = batch.length < room && budgetLeft > batch.length;
      if (exhausted && active + created === 0) return complete(tx, current.teamId, studyId);
    } else if (budgetLeft <= 0 && active === 0) {
      return complete(tx, current.teamId, studyId);
    }
    const pending = (counts.PENDING ?? 0) + created;
    if (pending > 0) await publishAvailable(tx, { teamId: current.teamId, studyId, pending });
    return { created, status: 'RUNNING' };
  });
}

/**
 * Reserves `count` consecutive trial numbers of a study and returns the first: one atomic UPDATE of the
 * study's counter, so numbers stay unique however many replicas create trials at once.
 */
export async function reserveTrialNumbers(db: Database, studyId: string, count: number): Promise<number> {
  const [row] = await db
    .update(study)
    .set({ nextTrialNumber: sql`${study.nextTrialNumber} + ${count}`, updatedAt: new Date() })
    .where(eq(study.id, studyId))
    .returning({ next: study.nextTrialNumber });
  if (!row) throw new Error(`study ${studyId} disappeared while its trials were being numbered`);
  return row.next - count;
}

async function complete(tx: Database, teamId: string, studyId: string): Promise<TopUpResult> {
  const now = new Date();
  await tx.update(study).set({ status: 'COMPLETED', completedAt: now, updatedAt: now }).where(eq(study.id, studyId));
  await publishStudyEvent(tx, { kind: 'STUDY_STATUS', studyId, teamId });
  return { created: 0, status: 'COMPLETED' };
}
