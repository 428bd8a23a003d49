import { sql } from 'drizzle-orm';
import { MAX_METRIC_KEYS_PER_TRIAL } from '@tuneboard/contract';
import { EVALUATION_MAX_ATTEMPTS, float8Text, type Database } from '@tuneboard/db';
import type { EventQueue } from '../events.ts';
import type { EvaluationRow } from '../mappers.ts';
import { rowsOf } from '../db-rows.ts';
import type { LeaseSettings } from './lease.ts';
import { heldKeysCte } from './report.ts';

/** A model evaluation row ("Evaluate on test"), with its study's team. */

const COLUMNS = `e.id, e.study_id as "studyId", e.trial_id as "trialId", e.state, e.attempt, e.lease_owner as "leaseOwner",
  e.lease_token as "leaseToken", e.lease_expires_at as "leaseExpiresAt", e.metrics, e.error, e.requested_by as "requestedBy",
  e.created_at as "createdAt", e.started_at as "startedAt", e.finished_at as "finishedAt"`;

const dates = ['leaseExpiresAt', 'createdAt', 'startedAt', 'finishedAt'] as const;

function evaluationFromRow(row: Record<string, unknown>): EvaluationRow {
  const out = { ...row, trialId: Number(row.trialId), attempt: Number(row.attempt) } as Record<string, unknown>;
  for (const key of dates) out[key] = row[key] == null ? null : new Date(row[key] as string);
  return out as unknown as EvaluationRow;
}

async function run(db: Pick<Database, 'execute'>, query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
  return rowsOf<Record<string, unknown>>(await db.execute(query));
}

/**
 * Queues an evaluation of a trial's saved model, or answers the one already queued or running (at most one open
 * job a trial: a partial unique index). Runners hear of it through "trials available" (they claim evaluations on
 * the same wake-ups as trials) and the study's pages through a `TRIAL_UPDATED` event of the trial.
 */
export async function requestEvaluation(
  db: Database,
  events: EventQueue,
  args: { studyId: string; teamId: string; trialId: number; requestedBy: string | null },
): Promise<{ row: EvaluationRow; created: boolean }> {
  const inserted = await run(
    db,
    sql`
    insert into model_evaluation as e (study_id, trial_id, requested_by)
    values (${args.studyId}::uuid, ${args.trialId}, ${args.requestedBy}::uuid)
    on conflict (trial_id) where state in ('QUEUED', 'RUNNING') do nothing
    returning ${sql.raw(COLUMNS)}`,
  );
  const created = inserted[0] !== undefined;
  const row = created ? inserted[0]! : (await openEvaluation(db, args.trialId));
  if (!row) throw new Error(`no open evaluation of trial ${args.trialId} after the insert`);
  if (created) {
    events.queueStudyEvent({ kind: 'TRIAL_UPDATED', studyId: args.studyId, teamId: args.teamId, trialId: args.trialId });
    events.queueAvailable({ teamId: args.teamId, studyId: args.studyId, pending: 0 });
  }
  return { row: evaluationFromRow(row), created };
}

async function openEvaluation(db: Database, trialId: number): Promise<Record<string, unknown> | undefined> {
  const [row] = await run(db, sql`select ${sql.raw(COLUMNS)} from model_evaluation e where e.trial_id = ${trialId} and e.state in ('QUEUED', 'RUNNING')`);
  return row;
}

/** The newest evaluation of each trial (one statement for a page of trials). */
export async function latestEvaluations(db: Database, trialIds: readonly number[]): Promise<Map<number, EvaluationRow>> {
  if (trialIds.length === 0) return new Map();
  const rows = await run(
    db,
    sql`select distinct on (e.trial_id) ${sql.raw(COLUMNS)} from model_evaluation e
        where e.trial_id = any(${`{${trialIds.map(Number).join(',')}}`}::bigint[])
        order by e.trial_id, e.created_at desc, e.id`,
  );
  return new Map(rows.map((row) => [Number(row.trialId), evaluationFromRow(row)]));
}

/**
 * Claims up to `limit` evaluations of the team's studies for a runner, in one statement, as `claimTrials` does for
 * trials: `FOR UPDATE SKIP LOCKED`, a fresh lease token (the fencing token of the finish) and an expiry. A job whose
 * lease expired (its runner died) is claimable again with `attempt` + 1; one that expired
 * `EVALUATION_MAX_ATTEMPTS` times is failed first, by the same call. A CLIENT runner (a notebook) gets none; a runner
 * started for one study (`studyId`) gets only that study's.
 */
export async function claimEvaluations(
  db: Database,
  events: EventQueue,
  settings: LeaseSettings,
  args: { teamId: string; runnerId: string; studyId?: string | undefined; limit: number },
): Promise<EvaluationRow[]> {
  const given = await run(
    db,
    sql`
    update model_evaluation e
    set state = 'FAILED', finished_at = now(), lease_token = null, lease_expires_at = null,
        error = 'the lease expired ' || e.attempt || ' times (the runners stopped reporting); evaluate again'
    from study s join project p on p.id = s.project_id
    where s.id = e.study_id and p.team_id = ${args.teamId}::uuid
      and e.state = 'RUNNING' and e.lease_expires_at < now() and e.attempt >= ${EVALUATION_MAX_ATTEMPTS}
    returning e.study_id as "studyId", e.trial_id as "trialId"`,
  );
  for (const row of given) {
    events.queueStudyEvent({ kind: 'TRIAL_UPDATED', studyId: String(row.studyId), teamId: args.teamId, trialId: Number(row.trialId) });
  }
  const claimed = await run(
    db,
    sql`
    with candidate as (
      select e.id from model_evaluation e
      where (e.state = 'QUEUED' or (e.state = 'RUNNING' and e.lease_expires_at < now()))
        and e.attempt < ${EVALUATION_MAX_ATTEMPTS}
        and e.study_id = any (array(
          select s.id from study s join project p on p.id = s.project_id
          where p.team_id = ${args.teamId}::uuid and (${args.studyId ?? null}::uuid is null or s.id = ${args.studyId ?? null}::uuid)))
        and exists (
          select 1 from runner r where r.id = ${args.runnerId}::uuid and r.team_id = ${args.teamId}::uuid
            and r.capabilities->>'kind' is distinct from 'client')
      order by e.created_at, e.id
      limit ${args.limit}
      for update of e skip locked
    )
    update model_evaluation e
    set state = 'RUNNING', attempt = e.attempt + 1, lease_owner = ${args.runnerId}::uuid, lease_token = gen_random_uuid(),
        lease_expires_at = now() + make_interval(secs => ${settings.leaseSeconds}::float8), started_at = now(), error = null
    from candidate where e.id = candidate.id
    returning ${sql.raw(COLUMNS)}`,
  );
  const rows = claimed.map(evaluationFromRow);
  for (const row of rows) events.queueStudyEvent({ kind: 'TRIAL_UPDATED', studyId: row.studyId, teamId: args.teamId, trialId: row.trialId });
  return rows;
}

export type EvaluationOutcome = { state: 'DONE'; metrics: Record<string, number> } | { state: 'FAILED'; error: string };

/**
 * Ends an evaluation for the holder of its lease (fenced by the token, and only in the caller's `teams`). DONE
 * stores its metrics on the job and as single points (step 0) on the trial's current attempt, in the same
 * statement, so the trial's metrics show them; evaluating again replaces them. Undefined when nothing matched.
 *
 * The figures count against the trial's metric-key limit as a report's do (`maxKeys`, the contract's
 * MAX_METRIC_KEYS_PER_TRIAL, all attempts together): figures that would bring the trial past it store nothing, and
 * the evaluation ends FAILED saying so. The trial has finished, so no report of it races the count, which walks
 * the primary key once per (attempt, key) the trial holds, as a report's does (./report.ts `heldKeysCte`).
 */
export async function finishEvaluation(
  db: Database,
  events: EventQueue,
  args: { id: string; leaseToken: string; teams: string[]; outcome: EvaluationOutcome },
  maxKeys: number = MAX_METRIC_KEYS_PER_TRIAL,
): Promise<EvaluationRow | undefined> {
  const { outcome } = args;
  const metrics = outcome.state === 'DONE' ? outcome.metrics : {};
  const keys = Object.keys(metrics);
  const [row] = await run(
    db,
    sql`
    with recursive batch as (
      select m.key, m.value
      from unnest(${`{${keys.map((key) => `"${key}"`).join(',')}}`}::text[], ${`{${keys.map((key) => float8Text(metrics[key]!)).join(',')}}`}::float8[]) as m(key, value)
    ), job as (
      select e.trial_id from model_evaluation e where e.id = ${args.id}::uuid
    ), ${sql.raw(heldKeysCte('keys', 'job j', 'j.trial_id'))}, counted as (
      select (select count(distinct key)::int from keys) as n,
        (select count(*)::int from batch b where b.key not in (select key from keys)) as added
    ), held as (
      select c.n, c.added, c.added > 0 and c.n + c.added > ${maxKeys}::int as over from counted c
    ), finished as (
      update model_evaluation e
      set state = case when h.over then 'FAILED' else ${outcome.state} end,
          metrics = case when h.over then null else ${outcome.state === 'DONE' ? JSON.stringify(metrics) : null}::jsonb end,
          error = case when h.over
            then 'the trial holds ' || h.n || ' metric keys and these figures bring ' || h.added || ' new ones: past the limit of '
              || ${maxKeys}::int || ' keys a trial, so nothing of them was stored'
            else ${outcome.state === 'FAILED' ? outcome.error : null} end,
          finished_at = now(), lease_token = null, lease_expires_at = null
      from study s join project p on p.id = s.project_id, held h
      where e.id = ${args.id}::uuid and e.lease_token = ${args.leaseToken}::uuid and e.state = 'RUNNING'
        and s.id = e.study_id and p.team_id = any(${`{${args.teams.join(',')}}`}::uuid[])
      returning ${sql.raw(COLUMNS)}, p.team_id as "teamId"
    ), points as (
      insert into metric (trial_id, attempt, key, step, value)
      select t.id, t.attempt, b.key, 0, b.value
      from finished f join trial t on t.id = f."trialId", batch b
      where f.state = 'DONE'
      on conflict (trial_id, attempt, key, step) do update set value = excluded.value
    )
    select * from finished`,
  );
  if (!row) return undefined;
  const done = evaluationFromRow(row);
  events.queueStudyEvent({ kind: 'TRIAL_UPDATED', studyId: done.studyId, teamId: String(row.teamId), trialId: done.trialId });
  return done;
}
