import type { Database } from '@tuneboard/db';
import { float8Text } from '@tuneboard/db';
import type { EventQueue } from '../events.ts';
import type { TrialRow } from '../mappers.ts';
import { TRIAL_COLUMNS, hotQuery, trialFromRow } from './hot-sql.ts';
import { LEASED_TRIAL, StaleLeaseError } from './lease.ts';

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
 * as attempt + 1, so its partial points stay apart, without counting towards `maxFailures`. One fenced
 * statement (the trial, its attempt closed as RELEASED, the study's team read in the UPDATE's join), like the
 * finish; throws `StaleLeaseError` when the lease is not the caller's any more. The caller has authorised the
 * trial.
 */
export async function releaseTrial(
  db: Database,
  events: EventQueue,
  args: { trialId: number; leaseToken: string },
): Promise<TrialRow & { teamId: string }> {
  const [row] = await hotQuery<Record<string, unknown>>(db, 'tb_trial_release', RELEASE_SQL, [args.trialId, args.leaseToken]);
  if (!row) throw new StaleLeaseError(args.trialId);
  const released = { ...trialFromRow(row), teamId: String(row.teamId) };
  events.queueStudyEvent({ kind: 'TRIAL_FINISHED', studyId: released.studyId, teamId: released.teamId, trialId: released.id });
  events.queueAvailable({ teamId: released.teamId, studyId: released.studyId, pending: 1 });
  return released;
}

const RELEASE_SQL = `
  with released as (
    update trial t
    set state = 'PENDING', attempt = t.attempt + 1, lease_token = null, lease_expires_at = null, started_at = null,
        updated_at = now()
    from study s join project p on p.id = s.project_id
    where t.id = $1::bigint and t.lease_token = $2::uuid and t.state = 'RUNNING' and s.id = t.study_id
    returning ${TRIAL_COLUMNS}, p.team_id as "teamId"
  ), closed as (
    update trial_attempt a set finished_at = now(), outcome = 'RELEASED'
    from released r where a.trial_id = r.id and a.attempt = r.attempt - 1
  )
  select r.* from released r`;
