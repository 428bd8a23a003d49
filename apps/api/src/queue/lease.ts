import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@tuneboard/db';
import { float8Text, metric, project, study, trial } from '@tuneboard/db';
import { createPruner, parsePrunerConfig, type Direction } from '@tuneboard/tuning';
import { STUDY_CHANNEL, publishAvailable, publishStudyEvent } from '../events.ts';
import type { StudyRow, TrialRow } from '../mappers.ts';
import { loadHistory } from './history.ts';

export interface LeaseSettings {
  leaseSeconds: number;
}

/** Points of one report at most: bounds a request's work and a transaction's size. */
export const MAX_REPORT_POINTS = 1_000;

/**
 * Claims up to `limit` PENDING trials of the team's running studies (or of one study) for a runner in ONE
 * statement: `FOR UPDATE SKIP LOCKED` lets concurrent claimers pass each other's rows instead of waiting,
 * and the UPDATE sets the owner, a fresh lease token (the fencing token for every later write) and the
 * expiry. Hand-enqueued trials go first, then the oldest.
 */
export async function claimTrials(
  db: Database,
  settings: LeaseSettings,
  args: { teamId: string; runnerId: string; studyId?: string | undefined; limit: number },
): Promise<(TrialRow & { teamId: string })[]> {
  // The NOTIFY rides in the same statement: one round trip claims and tells the dashboards.
  const rows = await db.execute<{ id: number }>(sql`
    with candidate as (${pendingCandidates(args)}),
    claimed as (
      update ${trial} t
      set state = 'RUNNING', lease_owner = ${args.runnerId}, lease_token = gen_random_uuid(),
          lease_expires_at = now() + make_interval(secs => ${settings.leaseSeconds}),
          heartbeat_at = now(), started_at = now(), updated_at = now()
      from candidate
      where t.id = candidate.id
      returning t.id, t.study_id
    )
    select c.id, pg_notify(${STUDY_CHANNEL}, json_build_object(
      'kind', 'TRIAL_CLAIMED', 'studyId', c.study_id, 'teamId', ${args.teamId}::text, 'trialId', c.id)::text)
    from claimed c`);
  const ids = rowsOf<{ id: number }>(rows).map((row) => Number(row.id));
  if (ids.length === 0) return [];
  const claimed = await db
    .select({ trial, teamId: project.teamId })
    .from(trial)
    .innerJoin(study, eq(study.id, trial.studyId))
    .innerJoin(project, eq(project.id, study.projectId))
    .where(sql`${trial.id} in ${ids}`)
    .orderBy(trial.id);
  return claimed.map((row) => ({ ...row.trial, teamId: row.teamId }));
}

/**
 * The claim's row selection: PENDING trials of the team's running studies, locked, skipping rows another
 * claimer holds. Exported so a test can EXPLAIN it: it must stay on the partial index `trial_pending_idx`.
 */
export function pendingCandidates(args: { teamId: string; studyId?: string | undefined; limit: number }) {
  return sql`
      select t.id
      from ${trial} t
      join ${study} s on s.id = t.study_id
      join ${project} p on p.id = s.project_id
      where t.state = 'PENDING' and s.status = 'RUNNING' and p.team_id = ${args.teamId}
        and (${args.studyId ?? null}::uuid is null or t.study_id = ${args.studyId ?? null}::uuid)
      order by (t.origin = 'ENQUEUED') desc, t.id
      limit ${args.limit}
      for update of t skip locked`;
}

/** node-postgres returns `{ rows }`, PGlite too; drizzle passes the driver's result through. */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}

export class StaleLeaseError extends Error {
  readonly code = 'STALE_LEASE';
  constructor(trialId: number) {
    super(
      `The lease on trial ${trialId} is not yours any more (it expired and was re-queued, or the trial finished); ` +
        'stop working on it.',
    );
  }
}

export interface ReportResult {
  accepted: number;
  shouldPrune: boolean;
  leaseExpiresAt: Date;
}

/**
 * Stores a batch of metric points for the holder of the lease, atomically; a re-sent batch is a no-op
 * (primary key + ON CONFLICT DO NOTHING). Renews the lease and asks the study's pruner about the trial.
 */
export async function reportMetrics(
  db: Database,
  settings: LeaseSettings,
  study: StudyRow,
  args: { trialId: number; leaseToken: string; points: { key: string; step: number; value: number }[] },
): Promise<ReportResult> {
  // One statement renews the lease and stores the batch, so it is atomic without a transaction's extra
  // round trips; no lease, no rows. Values travel as a float8[] literal to keep NaN, ±Infinity and −0.
  // Array literals, not JS arrays (drizzle would expand those into a parameter list). Keys are validated by
  // the resolver (letters, digits, _ . / -), so quoting them is enough.
  const keys = `{${args.points.map((p) => `"${p.key}"`).join(',')}}`;
  const steps = `{${args.points.map((p) => p.step).join(',')}}`;
  const values = `{${args.points.map((p) => float8Text(p.value)).join(',')}}`;
  const result = await db.execute(sql`
    with renewed as (
      update ${trial}
      set lease_expires_at = now() + make_interval(secs => ${settings.leaseSeconds}), heartbeat_at = now(), updated_at = now()
      where id = ${args.trialId} and lease_token = ${args.leaseToken} and state = 'RUNNING'
      returning id, attempt, number, lease_expires_at
    ), inserted as (
      insert into ${metric} (trial_id, attempt, key, step, value)
      select renewed.id, renewed.attempt, p.key, p.step, p.value
      from renewed, unnest(${keys}::text[], ${steps}::int[], ${values}::float8[]) as p(key, step, value)
      on conflict do nothing
      returning 1
    )
    select renewed.number, renewed.lease_expires_at, (select count(*)::int from inserted) as accepted
    from renewed`);
  const [row] = rowsOf<{ number: number; lease_expires_at: Date | string; accepted: number }>(result);
  if (!row) throw new StaleLeaseError(args.trialId);
  const accepted = Number(row.accepted);
  if (accepted > 0) {
    await publishStudyEvent(db, { kind: 'TRIAL_REPORTED', studyId: study.id, teamId: study.teamId, trialId: args.trialId });
  }
  const key = study.objectives[0]?.name;
  const pruner = parsePrunerConfig(study.pruner);
  let shouldPrune = false;
  if (pruner.kind !== 'none' && key && args.points.some((p) => p.key === key)) {
    const history = await loadHistory(db, study, 'all');
    const current = history.find((t) => t.number === row.number);
    if (current) {
      // Pruners are stateless and judge the curve up to its last step; a batch may carry several steps
      // (ASHA's rungs could fall between them), so each new step is judged on the curve up to it.
      const judge = createPruner(pruner);
      const direction = (study.objectives[0]?.direction ?? 'minimize') as Direction;
      const steps = [...new Set(args.points.filter((p) => p.key === key).map((p) => p.step))].sort((a, b) => a - b);
      shouldPrune = steps.some((step) =>
        judge.shouldPrune({
          trial: { ...current, intermediate: (current.intermediate ?? []).filter((point) => point.step <= step) },
          trials: history,
          direction,
        }),
      );
    }
  }
  return { accepted, shouldPrune, leaseExpiresAt: new Date(row.lease_expires_at) };
}

export type Outcome =
  | { state: 'COMPLETE'; values: number[]; constraints?: number[] | undefined }
  | { state: 'FAIL'; error: string }
  | { state: 'PRUNED' };

/**
 * Ends the current attempt of a trial for the holder of its lease. A NaN objective value fails the trial
 * (the values are kept for inspection). Returns the finished row; the caller tops the study up.
 */
export async function finishTrial(
  db: Database,
  study: Pick<StudyRow, 'id' | 'teamId'>,
  args: { trialId: number; leaseToken: string; outcome: Outcome },
): Promise<TrialRow> {
  const { outcome } = args;
  const nan = outcome.state === 'COMPLETE' && outcome.values.some((value) => Number.isNaN(value));
  const state = nan ? 'FAIL' : outcome.state;
  const error =
    outcome.state === 'FAIL' ? outcome.error : nan ? `objective value is NaN: ${JSON.stringify(outcome.values.map(String))}` : null;
  // One fenced UPDATE, then the event. The event is a live hint (dashboards re-read on reconnect), so it is
  // sent after the commit rather than holding a transaction open for it: two round trips instead of five.
  const [row] = await db
    .update(trial)
    .set({
      state,
      values: outcome.state === 'COMPLETE' ? outcome.values : null,
      constraints: outcome.state === 'COMPLETE' ? (outcome.constraints ?? null) : null,
      error,
      finishedAt: sql`now()`,
      updatedAt: sql`now()`,
      leaseExpiresAt: null,
      leaseToken: null,
    })
    .where(and(eq(trial.id, args.trialId), eq(trial.leaseToken, args.leaseToken), eq(trial.state, 'RUNNING')))
    .returning();
  if (!row) throw new StaleLeaseError(args.trialId);
  await publishStudyEvent(db, { kind: 'TRIAL_FINISHED', studyId: study.id, teamId: study.teamId, trialId: row.id });
  return row;
}

/**
 * Gives a trial back to the queue for the holder of its lease (a runner shutting down cleanly): PENDING
 * as attempt + 1, so its partial points stay apart, without counting towards `maxFailures`.
 */
export async function releaseTrial(
  db: Database,
  args: { trialId: number; leaseToken: string },
): Promise<TrialRow & { teamId: string }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(trial)
      .set({
        state: 'PENDING',
        attempt: sql`${trial.attempt} + 1`,
        leaseToken: null,
        leaseExpiresAt: null,
        startedAt: null,
        updatedAt: sql`now()`,
      })
      .where(and(eq(trial.id, args.trialId), eq(trial.leaseToken, args.leaseToken), eq(trial.state, 'RUNNING')))
      .returning();
    if (!row) throw new StaleLeaseError(args.trialId);
    const [owner] = await tx
      .select({ teamId: project.teamId })
      .from(study)
      .innerJoin(project, eq(project.id, study.projectId))
      .where(eq(study.id, row.studyId));
    const teamId = owner?.teamId ?? '';
    await publishStudyEvent(tx, { kind: 'TRIAL_FINISHED', studyId: row.studyId, teamId, trialId: row.id });
    await publishAvailable(tx, { teamId, studyId: row.studyId, pending: 1 });
    return { ...row, teamId };
  });
}

/**
 * Returns trials whose lease expired (a runner died or lost its network) to PENDING as attempt + 1, or
 * fails them once `maxFailures` attempts are spent. The old attempt's metric points stay, kept apart by
 * their attempt number. Returns the studies touched so the caller can top them up.
 */
export async function reapExpiredLeases(db: Database): Promise<string[]> {
  const result = await db.execute<{ study_id: string; id: number; team_id: string }>(sql`
    update ${trial} t
    set state = case when t.attempt + 1 >= s.max_failures then 'FAIL'::trial_state else 'PENDING'::trial_state end,
        error = case when t.attempt + 1 >= s.max_failures
          then 'lease expired ' || (t.attempt + 1) || ' times (max_failures = ' || s.max_failures || ')'
          else t.error end,
        finished_at = case when t.attempt + 1 >= s.max_failures then now() else null end,
        attempt = case when t.attempt + 1 >= s.max_failures then t.attempt else t.attempt + 1 end,
        lease_token = null, lease_expires_at = null, started_at = null, updated_at = now()
    from ${study} s, ${project} p
    where s.id = t.study_id and p.id = s.project_id
      and t.state = 'RUNNING' and t.lease_expires_at < now()
    returning t.study_id, t.id, p.team_id`);
  const rows = rowsOf<{ study_id: string; id: number; team_id: string }>(result);
  for (const row of rows) {
    await publishStudyEvent(db, {
      kind: 'TRIAL_FINISHED',
      studyId: row.study_id,
      teamId: row.team_id,
      trialId: Number(row.id),
    });
  }
  return [...new Set(rows.map((row) => row.study_id))];
}
