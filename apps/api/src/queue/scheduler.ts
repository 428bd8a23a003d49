import { eq, sql } from 'drizzle-orm';
import type { Database } from '@tuneboard/db';
import { project, study, trial } from '@tuneboard/db';
import { countOnlyHistory, createSampler, parseSamplerConfig, parseSpace, type Direction } from '@tuneboard/tuning';
import { AVAILABLE_CHANNEL, STUDY_CHANNEL, publishAvailable, publishStudyEvent } from '../events.ts';
import { loadHistory } from './history.ts';
import { rowsOf } from './lease.ts';

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
    // The study and its active and cancelled trials in one statement. Finished trials are not counted: every
    // trial's number comes from the study's counter (`reserveTrialNumbers`; a refinement's inherited trials
    // take 0..n-1 and start the counter at n), so the budget spent is numbered − cancelled. Counting finished ones
    // walked the whole study on every top-up (a cost growing with the study); these three states are short
    // ranges of the (study, state) index.
    const [row] = await tx
      .select({
        study,
        teamId: project.teamId,
        counts: sql<Record<string, number> | null>`(
          select json_object_agg(c.state, c.n) from (
            select ${trial.state} as state, count(*)::int as n from ${trial}
            where ${trial.studyId} = ${study.id} and ${trial.state} in ('PENDING', 'RUNNING', 'CANCELLED')
            group by ${trial.state}
          ) c)`,
      })
      .from(study)
      .innerJoin(project, eq(project.id, study.projectId))
      .where(eq(study.id, studyId));
    if (!row) return { created: 0, status: 'MISSING' };
    const current = { ...row.study, teamId: row.teamId };
    if (current.status !== 'RUNNING') return { created: 0, status: current.status };

    const counts = row.counts ?? {};
    const active = (counts.PENDING ?? 0) + (counts.RUNNING ?? 0);
    const numbered = current.nextTrialNumber - (counts.CANCELLED ?? 0);
    const budgetLeft = current.maxTrials === null ? Infinity : current.maxTrials - numbered;
    const room = Math.min(current.maxParallel - active, budgetLeft);

    let created = 0;
    if (room > 0) {
      const sampler = createSampler(parseSamplerConfig(current.sampler));
      // Random and quasi-random search read only how many trials there are: a count, not every row (a
      // large random search would otherwise re-read its whole study on every top-up).
      const history =
        sampler.reads === 'count'
          ? countOnlyHistory(numbered)
          : await loadHistory(tx, current, 'pruned');
      const directions = current.objectives.map((objective) => objective.direction as Direction);
      const batch = sampler.ask({ space: parseSpace(current.space), trials: history, directions }, room);
      if (batch.length > 0) {
        const first = await reserveTrialNumbers(tx, studyId, batch.length);
        created = await insertSampled(tx, { studyId, teamId: current.teamId, first, batch, pending: counts.PENDING ?? 0 });
        return { created, status: 'RUNNING' };
      }
      const exhausted = batch.length < room && budgetLeft > batch.length;
      if (exhausted && active === 0) return complete(tx, current.teamId, studyId);
    } else if (budgetLeft <= 0 && active === 0) {
      return complete(tx, current.teamId, studyId);
    }
    const pending = counts.PENDING ?? 0;
    if (pending > 0) await publishAvailable(tx, { teamId: current.teamId, studyId, pending });
    return { created, status: 'RUNNING' };
  });
}

/**
 * Inserts a sampled batch and sends its events (one TRIAL_CREATED per trial, then "trials available") in
 * ONE statement: a round trip per event made the top-up, serialised per study, the queue's bottleneck.
 */
async function insertSampled(
  tx: Database,
  args: { studyId: string; teamId: string; first: number; batch: Record<string, unknown>[]; pending: number },
): Promise<number> {
  const available = JSON.stringify({ teamId: args.teamId, studyId: args.studyId, pending: args.pending + args.batch.length });
  const result = await tx.execute(sql`
    with created as (
      insert into ${trial} (study_id, number, params, origin)
      select ${args.studyId}::uuid, ${args.first}::int + (p.ord - 1)::int, p.params, 'SAMPLER'
      from jsonb_array_elements(${JSON.stringify(args.batch)}::jsonb) with ordinality as p(params, ord)
      returning id
    ), told as (
      select pg_notify(${STUDY_CHANNEL}, json_build_object(
        'kind', 'TRIAL_CREATED', 'studyId', ${args.studyId}::text, 'teamId', ${args.teamId}::text, 'trialId', id)::text)
      from created
    )
    select (select count(*)::int from told) as created, pg_notify(${AVAILABLE_CHANNEL}, ${available}) as notified`);
  const [row] = rowsOf<{ created: number }>(result);
  return Number(row?.created ?? 0);
}

/**
 * Reserves `count` consecutive trial numbers of a study and returns the first: one atomic UPDATE of the
 * study's counter, so numbers stay unique however many replicas create trials at once. Every trial is
 * numbered here (or, for a refinement's inherited trials, below the counter's start): the top-up relies on
 * the counter being the number of trials ever created.
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
