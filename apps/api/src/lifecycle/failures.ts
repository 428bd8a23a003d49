import type { Database } from '@tuneboard/db';
import type { EventQueue } from '../events.ts';
import { hotQuery } from './hot-sql.ts';

/** Longest stored failure reason: the rule in words and the last trial error, cut (the top-up's COMPLETE_SQL cuts alike). */
const MAX_REASON_LENGTH = 2_000;

/** The reason a FAILED study shows on its page: how it ended, then the last trial error. */
export function failureReason(rule: string, lastError: string | null | undefined): string {
  const reason = lastError ? `${rule}; the last error: ${lastError}` : rule;
  return reason.length > MAX_REASON_LENGTH ? `${reason.slice(0, MAX_REASON_LENGTH - 1)}…` : reason;
}

/**
 * The study's last `limit` finished trials of its own (not inherited from a parent), newest first. Read only
 * after a trial failed, so its sort over the study's finished trials stays off the queue's hot path.
 */
const RECENT_SQL = `
  select t.state, t.error
  from trial t
  where t.study_id = $1::uuid and t.state in ('COMPLETE', 'PRUNED', 'FAIL') and t.origin <> 'INHERITED'
  order by t.finished_at desc nulls last, t.id desc
  limit $2::int`;

/** Fails the study if it still runs (or is paused); its pending trials are cancelled by the caller. */
const FAIL_SQL = `
  update study set status = 'FAILED', failure_reason = $2::text, completed_at = now(), updated_at = now()
  where id = $1::uuid and status in ('RUNNING', 'PAUSED')
  returning id`;

/** Pending trials of a FAILED study are withdrawn, as a stopped study's are (claims read only RUNNING studies anyway). */
const CANCEL_PENDING_SQL = `
  update trial set state = 'CANCELLED', finished_at = now(), updated_at = now()
  where study_id = $1::uuid and state = 'PENDING'`;

/**
 * After a trial failed: if the study's last `limit` finished trials all failed, stops the study as FAILED with
 * the last error, withdraws its pending trials and tells the dashboards. A broken objective (a typo in a
 * command, a space the template cannot use) then costs `limit` trials, not the whole budget, and the study
 * does not end looking COMPLETED. `limit` 0 turns the rule off. Returns whether the study was failed here.
 */
export async function failStudyOnFailures(
  db: Database,
  events: EventQueue,
  args: { studyId: string; teamId: string; limit: number },
): Promise<boolean> {
  if (args.limit <= 0) return false;
  const recent = await hotQuery<{ state: string; error: string | null }>(
    db,
    'tb_recent_finished',
    RECENT_SQL,
    [args.studyId, args.limit],
  );
  if (recent.length < args.limit || recent.some((row) => row.state !== 'FAIL')) return false;
  const reason = failureReason(`stopped after ${args.limit} failed trials in a row`, recent[0]?.error);
  return failStudy(db, events, { ...args, reason });
}

/** Marks a running or paused study FAILED with `reason` and cancels its pending trials; false if it had ended already. */
export async function failStudy(
  db: Database,
  events: EventQueue,
  args: { studyId: string; teamId: string; reason: string },
): Promise<boolean> {
  const failed = await hotQuery(db, 'tb_study_fail', FAIL_SQL, [args.studyId, args.reason]);
  if (failed.length === 0) return false;
  // A separate statement: it sees trials a top-up committed just before the study changed status.
  await hotQuery(db, 'tb_study_fail_cancel', CANCEL_PENDING_SQL, [args.studyId]);
  events.queueStudyEvent({ kind: 'STUDY_STATUS', studyId: args.studyId, teamId: args.teamId });
  return true;
}
