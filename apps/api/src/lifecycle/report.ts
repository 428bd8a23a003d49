import { MAX_METRIC_KEYS_PER_TRIAL } from '@tuneboard/contract';
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
  /**
   * Set when the batch was refused whole for the trial's key limit (`maxKeys`): the distinct keys the trial held
   * and how many new ones the batch brought. Nothing of the batch is stored; the lease is renewed all the same.
   */
  keyLimit?: { held: number; added: number; limit: number };
}

/**
 * Stores a batch of metric points for the holder of the lease, atomically; a re-sent batch is a no-op
 * (primary key + ON CONFLICT DO NOTHING). Renews the lease. `teams` are the teams the caller may run trials in:
 * a trial of another team is left alone. Returns undefined when nothing matched (unknown trial, another team's,
 * or a stale lease): the caller says which. Decides nothing about pruning: it returns the trial and its study's
 * pruner and objectives, and the caller asks the pruner (./prune.ts).
 *
 * A batch that would bring the trial past `maxKeys` distinct metric keys (the contract's
 * MAX_METRIC_KEYS_PER_TRIAL, all attempts together) stores nothing and comes back with `keyLimit`. The check is
 * part of the statement, so it sees every point committed before the statement began. Callers run the reports of
 * one trial one after another (`ReportTurns`), so on one API server the limit is exact; two replicas reporting
 * the same trial at the same instant may each fill the same room, so with r replicas a trial holds at most
 * `maxKeys` + (r − 1) × MAX_REPORT_POINTS keys (the trial row's lock orders the writes, but a statement that
 * waited for it still reads the metric table as it was when it began).
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
  maxKeys: number = MAX_METRIC_KEYS_PER_TRIAL,
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
    added: number;
    held: number | null;
  }>(db, 'tb_trial_report', REPORT_SQL, [args.trialId, args.leaseToken, settings.leaseSeconds, keys, steps, values, args.teams, maxKeys]);
  if (!row) return undefined;
  const accepted = Number(row.accepted);
  observeReport(accepted);
  const id = Number(row.id);
  if (accepted > 0) events.queueStudyEvent({ kind: 'TRIAL_REPORTED', studyId: row.studyId, teamId: row.teamId, trialId: id });
  const added = Number(row.added);
  const held = Number(row.held ?? 0);
  return {
    accepted,
    leaseExpiresAt: new Date(row.leaseExpiresAt),
    trial: { id, number: Number(row.number), studyId: row.studyId, objectives: row.objectives, pruner: row.pruner },
    ...(added > 0 && held + added > maxKeys ? { keyLimit: { held, added, limit: maxKeys } } : {}),
  };
}

/**
 * Runs the reports of one trial one after another on this server, so that each report's statement begins after
 * the previous one committed and counts the keys it stored (the key limit above). Reports of one trial wait for
 * each other on the trial row's lock anyway; this only moves the wait before the statement.
 */
export class ReportTurns {
  private readonly tails = new Map<number, Promise<unknown>>();

  run<T>(trialId: number, report: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(trialId);
    const turn = previous ? previous.then(report, report) : report();
    const tail = turn.catch(() => undefined);
    this.tails.set(trialId, tail);
    void tail.then(() => {
      if (this.tails.get(trialId) === tail) this.tails.delete(trialId);
    });
    return turn;
  }

  /** Trials with a report running or waiting (for tests). */
  get size(): number {
    return this.tails.size;
  }
}

/**
 * A recursive CTE `name(attempt, key)` listing the (attempt, key) pairs a trial holds, walking the metric table's
 * primary key one descent per pair rather than scanning its points. `from` is a one-row relation (with its alias)
 * and `trialId` the trial's id in it. Used under `with recursive` by the report (the key limit) and by an
 * evaluation's finish (./evaluations.ts).
 */
export function heldKeysCte(name: string, from: string, trialId: string): string {
  return `${name}(attempt, key) as (
    (select m.attempt, m.key from ${from} join metric m on m.trial_id = ${trialId} order by m.attempt, m.key limit 1)
    union all
    (select n.attempt, n.key from ${name} h, ${from}, lateral (
      select m.attempt, m.key from metric m
      where m.trial_id = ${trialId} and (m.attempt, m.key) > (h.attempt, h.key)
      order by m.attempt, m.key limit 1
    ) n)
  )`;
}

/**
 * The renewal keeps the lease's own length: the claim set `lease_expires_at` and `heartbeat_at` in one statement
 * (a training runner's `LEASE_SECONDS`, a client's `CLIENT_LEASE_SECONDS`), and so does every renewal, so their
 * difference is that length; `$3` only where a row lacks a heartbeat.
 *
 * The key limit (`$8`) costs an ordinary report one primary-key probe per distinct key of the batch and attempt of
 * the trial (`added`: the keys no attempt has yet). Only a batch that brings a new key counts the trial's keys
 * (`held`, read through the CASE on demand): a walk down the primary key, one descent per (attempt, key) the
 * trial holds rather than a scan of its points. The CTEs read the table as it was before this statement.
 */
const REPORT_SQL = `
  with recursive renewed as (
    update trial t
    set lease_expires_at = now() + coalesce(t.lease_expires_at - t.heartbeat_at, make_interval(secs => $3::float8)),
        heartbeat_at = now(), updated_at = now()
    ${LEASED_TRIAL.replace('$LEASE_TEAMS', '$7')}
    returning t.id, t.attempt, t.number, t.lease_expires_at, t.study_id, p.team_id, s.objectives, s.pruner
  ), added as (
    select count(*)::int as n
    from renewed r, (select distinct b.key from unnest($4::text[]) as b(key)) k
    where not exists (
      select 1 from generate_series(0, r.attempt) as a(attempt)
      where exists (select 1 from metric m where m.trial_id = r.id and m.attempt = a.attempt and m.key = k.key)
    )
  ), ${heldKeysCte('held', 'renewed r', 'r.id')}, verdict as (
    select a.n as added, case when a.n = 0 then null else (select count(distinct key)::int from held) end as held
    from added a
  ), inserted as (
    insert into metric (trial_id, attempt, key, step, value)
    select renewed.id, renewed.attempt, p.key, p.step, p.value
    from renewed, verdict v, unnest($4::text[], $5::int[], $6::float8[]) as p(key, step, value)
    where v.added = 0 or v.held + v.added <= $8::int
    on conflict do nothing
    returning 1
  ), counted as (
    select count(*)::int as accepted from inserted
  )
  select r.id, r.number, r.study_id as "studyId", r.team_id as "teamId", r.objectives, r.pruner,
    r.lease_expires_at as "leaseExpiresAt", c.accepted, v.added, v.held
  from renewed r, counted c, verdict v`;
