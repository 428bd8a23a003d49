import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@tuneboard/db';
import { float8Text, project, study, trial, trialAttempt } from '@tuneboard/db';
import { createPruner, parsePrunerConfig, type Direction } from '@tuneboard/tuning';
import type { EventQueue } from '../events.ts';
import type { StudyRow, TrialRow } from '../mappers.ts';
import { observeClaim, observeExpired, observeReport } from '../ops/queue-metrics.ts';
import { loadHistory, loadPruneHistory } from './history.ts';
import { TRIAL_COLUMNS, hotQuery, trialFromRow } from './hot-sql.ts';

export interface LeaseSettings {
  leaseSeconds: number;
}

/** Points of one report at most (the contract's limit): bounds a request's work and a transaction's size. */
export { MAX_REPORT_POINTS } from '@tuneboard/contract';

/**
 * Claims up to `limit` PENDING trials of the team's running studies (or of one study) for a runner in ONE
 * statement: `FOR UPDATE SKIP LOCKED` lets concurrent claimers pass each other's rows instead of waiting,
 * and the UPDATE sets the owner, a fresh lease token (the fencing token for every later write) and the
 * expiry, returning every column the reply needs. Hand-enqueued trials go first, then the oldest. The same
 * statement checks that the runner belongs to the team and marks it seen (at most every 10 s: "online" means
 * heard from in the last minute); the dashboards hear of it through `events`. An empty answer means nothing was
 * pending, or the runner or study is not the team's: the caller tells these apart on that rare path.
 */
export async function claimTrials(
  db: Database,
  events: EventQueue,
  settings: LeaseSettings,
  args: { teamId: string; runnerId: string; studyId?: string | undefined; limit: number },
): Promise<(TrialRow & { teamId: string })[]> {
  const started = performance.now();
  const rows = await hotQuery<Record<string, unknown>>(db, 'tb_trial_claim', CLAIM_SQL, [
    args.teamId,
    args.studyId ?? null,
    args.limit,
    args.runnerId,
    settings.leaseSeconds,
  ]);
  observeClaim((performance.now() - started) / 1000, rows.length);
  const claimed = rows.map((row) => ({ ...trialFromRow(row), teamId: args.teamId }));
  for (const row of claimed) events.queueStudyEvent({ kind: 'TRIAL_CLAIMED', studyId: row.studyId, teamId: args.teamId, trialId: row.id });
  return claimed;
}

/**
 * The claim's row selection: PENDING trials of the team's ($1) running studies (all, or study $2), locked,
 * skipping rows another claimer holds, at most $3. The studies are looked up once (an InitPlan), then the
 * trials through the partial index `trial_pending_idx`; joining study and project per candidate row cost
 * four index probes for every PENDING trial of the study on every claim. Exported so a test can EXPLAIN it.
 *
 * A study whose objective is a `command` is a program to run on the runner's host: only a runner ($4) that
 * registered with `acceptsCommands` gets its trials, and when it named its `allowedPrograms`, only if one of
 * them has the command's file name (the runner resolves the exact program itself and refuses any other).
 *
 * A study whose objective is `client` is evaluated by whoever asks for its trials (the Python client's
 * `study.ask()`): only a runner registered with `kind: CLIENT` (`capabilities.kind = 'client'`) gets its trials,
 * and such a runner gets nothing else, so a team's training runners never pick up a notebook's trials.
 */
export const PENDING_CANDIDATES_SQL = `
  select t.id
  from trial t
  where t.state = 'PENDING'
    and t.study_id = any (array(
      select s.id from study s join project p on p.id = s.project_id
      where s.status = 'RUNNING' and p.team_id = $1::uuid and ($2::uuid is null or s.id = $2::uuid)
        and coalesce(s.objective->>'kind' = 'client', false) = exists (
          select 1 from runner r where r.id = $4::uuid and r.team_id = $1::uuid and r.capabilities->>'kind' = 'client')
        and (s.objective->>'kind' is distinct from 'command' or exists (
          select 1 from runner r
          where r.id = $4::uuid and r.team_id = $1::uuid and r.capabilities->'acceptsCommands' = 'true'::jsonb
            and (jsonb_typeof(r.capabilities->'allowedPrograms') is distinct from 'array' or exists (
              select 1 from jsonb_array_elements_text(r.capabilities->'allowedPrograms') as allowed(program)
              where regexp_replace(allowed.program, '^.*/', '') = regexp_replace(s.objective->'command'->>0, '^.*/', '')))))))
  order by (t.origin = 'ENQUEUED') desc, t.id
  limit $3::int
  for update of t skip locked`;

const CLAIM_SQL = `
  with candidate as (${PENDING_CANDIDATES_SQL}),
  owner as (select id from runner where id = $4::uuid and team_id = $1::uuid),
  seen as (
    update runner set last_seen_at = now()
    where id = $4::uuid and team_id = $1::uuid and last_seen_at < now() - interval '10 seconds'
    returning 1
  ),
  claimed as (
    update trial t
    set state = 'RUNNING', lease_owner = owner.id, lease_token = gen_random_uuid(),
        lease_expires_at = now() + make_interval(secs => $5::float8),
        heartbeat_at = now(), started_at = now(), updated_at = now()
    from candidate, owner
    where t.id = candidate.id
    returning ${TRIAL_COLUMNS}
  ),
  opened as (
    insert into trial_attempt (trial_id, attempt, runner_id, started_at)
    select c.id, c.attempt, c."leaseOwner", c."startedAt" from claimed c
    on conflict (trial_id, attempt) do update
    set runner_id = excluded.runner_id, started_at = excluded.started_at, finished_at = null, outcome = 'RUNNING', error = null
  )
  select c.* from claimed c order by c.id`;

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
 * `teams` are the teams the caller may run trials in: a trial of another team is left alone. Returns
 * undefined when nothing matched (unknown trial, another team's, or a stale lease): the caller says which.
 */
export async function reportMetrics(
  db: Database,
  events: EventQueue,
  settings: LeaseSettings,
  args: {
    trialId: number;
    leaseToken: string;
    teams: string[];
    /** The points as columns: point i is (keys[i], steps[i], values[i]). */
    keys: string[];
    steps: number[];
    values: number[];
  },
): Promise<ReportResult | undefined> {
  // One statement renews the lease and stores the batch (unnest of three arrays: one INSERT however many
  // points), so it is atomic without a transaction's extra round trips; no lease, no rows. Values travel as a float8[] literal to keep NaN, ±Infinity and −0. Keys are validated by the
  // resolver with the contract's metric-name rule (`isMetricName`: letters, digits, _ . / -), so quoting them is enough.
  const keys = `{${args.keys.map((key) => `"${key}"`).join(',')}}`;
  const steps = `{${args.steps.join(',')}}`;
  const values = `{${args.values.map(float8Text).join(',')}}`;
  const [row] = await hotQuery<{
    id: number | string;
    number: number;
    studyId: string;
    teamId: string;
    objectives: StudyRow['objectives'];
    pruner: StudyRow['pruner'];
    leaseExpiresAt: Date | string;
    accepted: number;
  }>(db, 'tb_trial_report', REPORT_SQL, [args.trialId, args.leaseToken, settings.leaseSeconds, keys, steps, values, args.teams]);
  if (!row) return undefined;
  const accepted = Number(row.accepted);
  observeReport(accepted);
  if (accepted > 0) events.queueStudyEvent({ kind: 'TRIAL_REPORTED', studyId: row.studyId, teamId: row.teamId, trialId: Number(row.id) });
  const study = { id: row.studyId, objectives: row.objectives };
  const key = study.objectives[0]?.name;
  const pruner = parsePrunerConfig(row.pruner);
  let shouldPrune = false;
  if (pruner.kind !== 'none' && key && args.keys.includes(key)) {
    const judge = createPruner(pruner);
    const steps = [...new Set(args.steps.filter((_, i) => args.keys[i] === key))].sort((a, b) => a - b);
    // Median, percentile and threshold compare at the judged steps only: read those points of the other
    // trials, not every point of the study (a cost that grew with the study on every report).
    const history =
      judge.reads === 'steps' ? await loadPruneHistory(db, study, { id: Number(row.id) }, steps) : await loadHistory(db, study, 'all');
    const current = history.find((t) => t.number === Number(row.number));
    if (current) {
      // Pruners are stateless and judge the curve up to its last step; a batch may carry several steps
      // (ASHA's rungs could fall between them), so each new step is judged on the curve up to it.
      const direction = (study.objectives[0]?.direction ?? 'minimize') as Direction;
      shouldPrune = steps.some((step) =>
        judge.shouldPrune({
          trial: { ...current, intermediate: (current.intermediate ?? []).filter((point) => point.step <= step) },
          trials: history,
          direction,
        }),
      );
    }
  }
  return { accepted, shouldPrune, leaseExpiresAt: new Date(row.leaseExpiresAt) };
}

/** The team check rides in the UPDATE's join: an authorised, fenced write is one statement. */
const LEASED_TRIAL = `
  from study s join project p on p.id = s.project_id
  where t.id = $1::bigint and t.lease_token = $2::uuid and t.state = 'RUNNING'
    and s.id = t.study_id and p.team_id = any($LEASE_TEAMS::uuid[])`;

const REPORT_SQL = `
  with renewed as (
    update trial t
    set lease_expires_at = now() + make_interval(secs => $3::float8), heartbeat_at = now(), updated_at = now()
    ${LEASED_TRIAL.replace('$LEASE_TEAMS', '$7')}
    returning t.id, t.attempt, t.number, t.lease_expires_at, t.study_id, p.team_id, s.objectives, s.pruner
  ), inserted as (
    insert into metric (trial_id, attempt, key, step, value)
    select renewed.id, renewed.attempt, p.key, p.step, p.value
    from renewed, unnest($4::text[], $5::int[], $6::float8[]) as p(key, step, value)
    on conflict do nothing
    returning 1
  ), counted as (
    select count(*)::int as accepted from inserted
  )
  select r.id, r.number, r.study_id as "studyId", r.team_id as "teamId", r.objectives, r.pruner,
    r.lease_expires_at as "leaseExpiresAt", c.accepted
  from renewed r, counted c`;

export type Outcome =
  | { state: 'COMPLETE'; values: number[]; constraints?: number[] | undefined }
  | { state: 'FAIL'; error: string }
  | { state: 'PRUNED' };

/**
 * Ends the current attempt of a trial for the holder of its lease, in one fenced UPDATE that also checks
 * the caller's `teams`; the dashboards hear of it through `events`. A NaN objective value fails the trial (the values are kept
 * for inspection). Values must be one per objective of the study, else nothing matches and the trial stays RUNNING.
 * Returns the finished row (undefined when nothing matched); the caller tops the study up.
 */
export async function finishTrial(
  db: Database,
  events: EventQueue,
  args: { trialId: number; leaseToken: string; teams: string[]; outcome: Outcome },
): Promise<(TrialRow & { teamId: string }) | undefined> {
  const { outcome } = args;
  const nan = outcome.state === 'COMPLETE' && outcome.values.some((value) => Number.isNaN(value));
  const state = nan ? 'FAIL' : outcome.state;
  const error =
    outcome.state === 'FAIL' ? outcome.error : nan ? `objective value is NaN: ${JSON.stringify(outcome.values.map(String))}` : null;
  const float8s = (values: number[] | undefined) => (values ? `{${values.map(float8Text).join(',')}}` : null);
  const [row] = await hotQuery<Record<string, unknown>>(db, 'tb_trial_finish', FINISH_SQL, [
    args.trialId,
    args.leaseToken,
    state,
    outcome.state === 'COMPLETE' ? float8s(outcome.values) : null,
    outcome.state === 'COMPLETE' ? float8s(outcome.constraints) : null,
    error,
    args.teams,
  ]);
  if (!row) return undefined;
  const finished = { ...trialFromRow(row), teamId: String(row.teamId) };
  events.queueStudyEvent({ kind: 'TRIAL_FINISHED', studyId: finished.studyId, teamId: finished.teamId, trialId: finished.id });
  return finished;
}

const FINISH_SQL = `
  with finished as (
    update trial t
    set state = $3::trial_state, "values" = $4::float8[], constraints = $5::float8[], error = $6::text,
        finished_at = now(), updated_at = now(), lease_expires_at = null, lease_token = null
    ${LEASED_TRIAL.replace('$LEASE_TEAMS', '$7')}
      and ($4::float8[] is null or cardinality($4::float8[]) = jsonb_array_length(s.objectives))
    returning ${TRIAL_COLUMNS}, p.team_id as "teamId"
  ), closed as (
    update trial_attempt a set finished_at = f."finishedAt", outcome = f.state::text, error = f.error
    from finished f where a.trial_id = f.id and a.attempt = f.attempt
  )
  select f.* from finished f`;

/**
 * Gives a trial back to the queue for the holder of its lease (a runner shutting down cleanly): PENDING
 * as attempt + 1, so its partial points stay apart, without counting towards `maxFailures`.
 */
export async function releaseTrial(
  db: Database,
  events: EventQueue,
  args: { trialId: number; leaseToken: string },
): Promise<TrialRow & { teamId: string }> {
  const released = await db.transaction(async (tx) => {
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
    await tx
      .update(trialAttempt)
      .set({ finishedAt: sql`now()`, outcome: 'RELEASED' })
      .where(and(eq(trialAttempt.trialId, row.id), eq(trialAttempt.attempt, row.attempt - 1)));
    const [owner] = await tx
      .select({ teamId: project.teamId })
      .from(study)
      .innerJoin(project, eq(project.id, study.projectId))
      .where(eq(study.id, row.studyId));
    return { ...row, teamId: owner?.teamId ?? '' };
  });
  events.queueStudyEvent({ kind: 'TRIAL_FINISHED', studyId: released.studyId, teamId: released.teamId, trialId: released.id });
  events.queueAvailable({ teamId: released.teamId, studyId: released.studyId, pending: 1 });
  return released;
}

/**
 * Returns trials whose lease expired (a runner died or lost its network) to PENDING as attempt + 1, or
 * fails them once `maxFailures` attempts are spent. The old attempt's metric points stay, kept apart by
 * their attempt number. Returns the studies touched so the caller can top them up, and the trials failed
 * (with their study's team) so it can check the study's run of failures.
 */
export async function reapExpiredLeases(
  db: Database,
  events: EventQueue,
): Promise<{ studies: string[]; failed: { studyId: string; teamId: string }[] }> {
  // The attempt that lost its lease is closed in the same statement: RETURNING gives the new row, whose attempt
  // moved on unless the trial failed.
  const result = await db.execute<{ study_id: string; id: number; team_id: string; state: string }>(sql`
    with reaped as (
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
    returning t.study_id, t.id, p.team_id, t.state, t.error,
      case when t.state = 'FAIL' then t.attempt else t.attempt - 1 end as lost_attempt
    ), closed as (
      update ${trialAttempt} a set finished_at = now(), outcome = 'LOST', error = 'lease expired: the runner stopped reporting'
      from reaped r where a.trial_id = r.id and a.attempt = r.lost_attempt
    )
    select study_id, id, team_id, state from reaped`);
  const rows = rowsOf<{ study_id: string; id: number; team_id: string; state: string }>(result);
  observeExpired(rows.map((row) => row.state));
  for (const row of rows) {
    events.queueStudyEvent({ kind: 'TRIAL_FINISHED', studyId: row.study_id, teamId: row.team_id, trialId: Number(row.id) });
  }
  const failed = new Map(rows.filter((row) => row.state === 'FAIL').map((row) => [row.study_id, row.team_id]));
  return {
    studies: [...new Set(rows.map((row) => row.study_id))],
    failed: [...failed].map(([studyId, teamId]) => ({ studyId, teamId })),
  };
}
