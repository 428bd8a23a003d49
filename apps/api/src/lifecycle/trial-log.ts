import { TRIAL_LOG_MAX_BYTES, type Database, type TrialLogStream } from '@tuneboard/db';
import type { EventQueue } from '../events.ts';
import { hotQuery } from './hot-sql.ts';

/** Lines of one `trialLogAppend` at most. */
export const MAX_LOG_LINES = 500;
/** Bytes (UTF-8) of one line at most; the runner cuts longer lines before sending. */
export const MAX_LOG_LINE_BYTES = 8_192;
/** Bytes of one append at most (its lines' UTF-8, newlines counted). */
export const MAX_LOG_APPEND_BYTES = 256 * 1024;

/**
 * Appends lines to a trial's log for the holder of its lease (the team check and the fence ride in the same
 * statement, as a report's do) and trims the log to its last `TRIAL_LOG_MAX_BYTES`. Each line's key is its end
 * offset in the log, so trimming is one range delete on the primary key (a line starting before the cut ends at
 * most one longest line after it). The delete cannot see this statement's
 * own rows (one snapshot), and needs not: an append is at most `MAX_LOG_APPEND_BYTES`, far under the limit, so
 * only older lines fall below the cut. Two appends racing for one trial (a runner's retry) collide on the key
 * and one fails; the runner sends again. No lease renewal: a log line is not a heartbeat.
 *
 * Undefined when nothing matched (unknown trial, another team's, or a stale lease): the caller says which.
 */
export async function appendTrialLog(
  db: Database,
  events: EventQueue,
  args: { trialId: number; leaseToken: string; teams: string[]; streams: TrialLogStream[]; texts: string[] },
): Promise<{ accepted: number } | undefined> {
  const [row] = await hotQuery<{ studyId: string; teamId: string; accepted: number }>(db, 'tb_trial_log_append', APPEND_SQL, [
    args.trialId,
    args.leaseToken,
    args.streams,
    args.texts,
    args.teams,
    TRIAL_LOG_MAX_BYTES,
    MAX_LOG_LINE_BYTES + 1,
  ]);
  if (!row) return undefined;
  const accepted = Number(row.accepted);
  if (accepted > 0) events.queueStudyEvent({ kind: 'TRIAL_LOGGED', studyId: row.studyId, teamId: row.teamId, trialId: args.trialId });
  return { accepted };
}

const APPEND_SQL = `
  with leased as (
    select t.id, t.attempt, t.study_id, p.team_id
    from trial t join study s on s.id = t.study_id join project p on p.id = s.project_id
    where t.id = $1::bigint and t.lease_token = $2::uuid and t.state = 'RUNNING' and p.team_id = any($5::uuid[])
  ), base as (
    select coalesce((select end_offset from trial_log where trial_id = $1::bigint order by end_offset desc limit 1), 0) as at
  ), numbered as (
    select l.stream, l.text, base.at + sum(octet_length(l.text) + 1) over (order by l.ord) as end_offset
    from unnest($3::text[], $4::text[]) with ordinality as l(stream, text, ord), base
  ), inserted as (
    insert into trial_log (trial_id, end_offset, attempt, stream, text)
    select leased.id, n.end_offset, leased.attempt, n.stream, n.text from leased, numbered n
    returning end_offset
  ), trimmed as (
    delete from trial_log
    where trial_id = (select id from leased)
      and end_offset <= (select max(end_offset) from inserted) - $6::bigint + $7::bigint
      and end_offset - octet_length(text) - 1 < (select max(end_offset) from inserted) - $6::bigint
    returning 1
  )
  select leased.study_id as "studyId", leased.team_id as "teamId", (select count(*) from inserted)::int as accepted
  from leased`;
