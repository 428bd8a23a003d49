import type { Database } from '@tuneboard/db';
import { float8Text } from '@tuneboard/db';
import type { EventQueue } from '../events.ts';
import type { StudyRow } from '../mappers.ts';
import { observeReport } from '../ops/queue-metrics.ts';
import { hotQuery } from './hot-sql.ts';
import { LEASED_TRIAL, type LeaseSettings } from './lease.ts';

/** The reported trial and what its study's pruner is asked with (./prune.ts): read by the report's statement. */
export interface ReportedTrial {
  id: number;
  number: number;
  studyId: string;
  objectives: StudyRow['objectives'];
  pruner: StudyRow['pruner'];
}

export interface StoredReport {
  /** Points stored (a point sent before is not stored again). */
  accepted: number;
  leaseExpiresAt: Date;
  trial: ReportedTrial;
}

/**
 * Stores a batch of metric points for the holder of the lease, atomically; a re-sent batch is a no-op
 * (primary key + ON CONFLICT DO NOTHING). Renews the lease. `teams` are the teams the caller may run trials in:
 * a trial of another team is left alone. Returns undefined when nothing matched (unknown trial, another team's,
 * or a stale lease): the caller says which. Decides nothing about pruning: it returns the trial and its study's
 * pruner and objectives, and the caller asks the pruner (./prune.ts).
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
): Promise<StoredReport | undefined> {
  // One statement renews the lease and stores the batch (unnest of three arrays: one INSERT however many
  // points), so it is atomic without a transaction's extra round trips; no lease, no rows. Values travel as a
  // float8[] literal to keep NaN, ±Infinity and −0. Keys are validated by the resolver with the contract's
  // metric-name rule (`isMetricName`: letters, digits, _ . / -), so quoting them is enough.
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
  const id = Number(row.id);
  if (accepted > 0) events.queueStudyEvent({ kind: 'TRIAL_REPORTED', studyId: row.studyId, teamId: row.teamId, trialId: id });
  return {
    accepted,
    leaseExpiresAt: new Date(row.leaseExpiresAt),
    trial: { id, number: Number(row.number), studyId: row.studyId, objectives: row.objectives, pruner: row.pruner },
  };
}

/**
 * The renewal keeps the lease's own length: the claim set `lease_expires_at` and `heartbeat_at` in one statement
 * (a training runner's `LEASE_SECONDS`, a client's `CLIENT_LEASE_SECONDS`), and so does every renewal, so their
 * difference is that length; `$3` only where a row lacks a heartbeat.
 */
const REPORT_SQL = `
  with renewed as (
    update trial t
    set lease_expires_at = now() + coalesce(t.lease_expires_at - t.heartbeat_at, make_interval(secs => $3::float8)),
        heartbeat_at = now(), updated_at = now()
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
