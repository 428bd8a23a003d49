import type { Database } from '@tuneboard/db';
import type { EventQueue } from '../events.ts';
import { observeExpired } from '../ops/queue-metrics.ts';
import { hotQuery } from './hot-sql.ts';

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
  const rows = await hotQuery<{ study_id: string; id: number | string; team_id: string; state: string }>(db, 'tb_trial_reap', REAP_SQL, []);
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

// The attempt that lost its lease is closed in the same statement: RETURNING gives the new row, whose attempt
// moved on unless the trial failed.
const REAP_SQL = `
  with reaped as (
    update trial t
    set state = case when t.attempt + 1 >= s.max_failures then 'FAIL'::trial_state else 'PENDING'::trial_state end,
        error = case when t.attempt + 1 >= s.max_failures
          then 'lease expired ' || (t.attempt + 1) || ' times (max_failures = ' || s.max_failures || ')'
          else t.error end,
        finished_at = case when t.attempt + 1 >= s.max_failures then now() else null end,
        attempt = case when t.attempt + 1 >= s.max_failures then t.attempt else t.attempt + 1 end,
        lease_token = null, lease_expires_at = null, started_at = null, updated_at = now()
    from study s, project p
    where s.id = t.study_id and p.id = s.project_id
      and t.state = 'RUNNING' and t.lease_expires_at < now()
    returning t.study_id, t.id, p.team_id, t.state, t.error,
      case when t.state = 'FAIL' then t.attempt else t.attempt - 1 end as lost_attempt
  ), closed as (
    update trial_attempt a set finished_at = now(), outcome = 'LOST', error = 'lease expired: the runner stopped reporting'
    from reaped r where a.trial_id = r.id and a.attempt = r.lost_attempt
  )
  select study_id, id, team_id, state from reaped`;
