import type { Database } from '@tuneboard/db';
import type { EventQueue } from '../events.ts';
import type { TrialRow } from '../mappers.ts';
import { observeClaim } from '../ops/queue-metrics.ts';
import { TRIAL_COLUMNS, hotQuery, trialFromRow } from './hot-sql.ts';
import type { LeaseSettings } from './lease.ts';

/**
 * Claims up to `limit` PENDING trials of the team's running studies (or of one study) for a runner in ONE
 * statement: `FOR UPDATE SKIP LOCKED` lets concurrent claimers pass each other's rows instead of waiting,
 * and the UPDATE sets the owner, a fresh lease token (the fencing token for every later write) and the
 * expiry (a client runner's lease is `clientLeaseSeconds`), returning every column the reply needs. Hand-enqueued trials go first, then the oldest. The same
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
    settings.clientLeaseSeconds ?? settings.leaseSeconds,
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
  owner as (select id, capabilities->>'kind' = 'client' as client from runner where id = $4::uuid and team_id = $1::uuid),
  seen as (
    update runner set last_seen_at = now()
    where id = $4::uuid and team_id = $1::uuid and last_seen_at < now() - interval '10 seconds'
    returning 1
  ),
  claimed as (
    update trial t
    set state = 'RUNNING', lease_owner = owner.id, lease_token = gen_random_uuid(),
        lease_expires_at = now() + make_interval(secs => case when owner.client then $6::float8 else $5::float8 end),
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

