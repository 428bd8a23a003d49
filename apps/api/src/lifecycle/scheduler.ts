import { eq, sql } from 'drizzle-orm';
import type { Database } from '@tuneboard/db';
import { study } from '@tuneboard/db';
import { createSampler, type FrozenTrial, type Params } from '@tuneboard/tuning';
import type { EventQueue } from '../events.ts';
import type { StudyRow } from '../mappers.ts';
import { loadHistory } from './history.ts';
import { hotQuery } from './hot-sql.ts';
import type { SamplerPool } from './sampler-pool.ts';
import { StudyPlans, type StudyPlan } from './study-plans.ts';

export interface TopUpResult {
  created: number;
  status: string;
}

/**
 * The top-up of one API server, with what it keeps between calls: the sampler pool its asks run in, the
 * studies' parsed plans (./study-plans.ts) and the top-ups in flight. Made with the server's other lifecycle
 * services (./lifecycle.ts) and closed with them.
 */
export class Scheduler {
  readonly pool: SamplerPool;
  readonly plans = new StudyPlans();
  private readonly flights = new Map<string, { current?: Promise<TopUpResult>; queued?: Promise<TopUpResult> }>();

  constructor(pool: SamplerPool) {
    this.pool = pool;
  }

  /**
   * Tops a running study up so that `maxParallel` trials are PENDING or RUNNING, never creating more than
   * `maxTrials` in all, and ends the study once its budget is spent (or a grid is exhausted) and nothing is
   * running: COMPLETED, or FAILED when none of its own trials completed. Serialised per study on the study's
   * row: the study's trial counter is the version of what the top-up read, and the INSERT takes the row's lock
   * and goes ahead only if the counter is still the one read (compare-and-set; a changed one means another
   * replica created trials meanwhile, so this one reads again). Several API replicas thus never over-sample,
   * exceed the budget or hand out the same grid point twice. Running and pending trials are in the sampler's
   * history, so the sampler spreads a batch (constant liar).
   */
  topUp(db: Database, events: EventQueue, studyId: string): Promise<TopUpResult> {
    // Single flight per study and server: calls arriving while a top-up runs share ONE queued run, which
    // starts after the current one and so sees every trial finished before the call. Sixteen runners
    // completing at once cost two top-ups instead of sixteen serialised ones.
    const flights = this.flights;
    let flight = flights.get(studyId);
    if (!flight) flights.set(studyId, (flight = {}));
    const state = flight;
    const start = (): Promise<TopUpResult> => {
      const current = this.topUpNow(db, events, studyId).finally(() => {
        if (state.current === current) state.current = undefined;
        if (!state.current && !state.queued) flights.delete(studyId);
      });
      state.current = current;
      return current;
    };
    if (!state.current) return start();
    state.queued ??= state.current
      .catch(() => undefined)
      .then(() => {
        state.queued = undefined;
        return start();
      });
    return state.queued;
  }

  /** One top-up, not shared with concurrent calls (`topUp` shares them); what two replicas' top-ups are to each other. */
  async topUpNow(db: Database, events: EventQueue, studyId: string): Promise<TopUpResult> {
    let outcome: TopUpOutcome | 'changed' = 'changed';
    for (let attempt = 0; attempt < MAX_ATTEMPTS && outcome === 'changed'; attempt += 1) outcome = await this.topUpOnce(db, studyId);
    if (outcome === 'changed') return { created: 0, status: 'RUNNING' };
    const { teamId, createdIds = [], pending = 0 } = outcome;
    if (teamId) {
      for (const trialId of createdIds) events.queueStudyEvent({ kind: 'TRIAL_CREATED', studyId, teamId, trialId });
      if (pending > 0) events.queueAvailable({ teamId, studyId, pending });
      if (outcome.status === 'COMPLETED' || outcome.status === 'FAILED') events.queueStudyEvent({ kind: 'STUDY_STATUS', studyId, teamId });
    }
    return { created: outcome.created, status: outcome.status };
  }

  /**
   * One read, one conditional write, no transaction: two round trips, where BEGIN, an advisory lock, the read,
   * the write and COMMIT took five and cost about a third of the queue's throughput (docs/benchmarks.md).
   * 'changed': the study's counter or status moved between the two; read again.
   */
  private async topUpOnce(db: Database, studyId: string): Promise<TopUpOutcome | 'changed'> {
    // The study and its active and cancelled trials in one statement. Finished trials are not counted: every
    // trial's number comes from the study's counter (`reserveTrialNumbers`; a refinement's inherited trials
    // take 0..n-1 and start the counter at n), so the budget spent is numbered − cancelled. Counting finished
    // ones walked the whole study on every top-up (a cost growing with the study); these three states are
    // short ranges of the (study, state) index.
    const [current] = await hotQuery<TopUpStudy>(db, 'tb_topup_study', TOP_UP_STUDY_SQL, [studyId]);
    if (!current) return { created: 0, status: 'MISSING' };
    if (current.status !== 'RUNNING') return { created: 0, status: current.status };

    const version = Number(current.nextTrialNumber);
    const counts = current.counts ?? {};
    const active = (counts.PENDING ?? 0) + (counts.RUNNING ?? 0);
    const numbered = version - (counts.CANCELLED ?? 0);
    const budgetLeft = current.maxTrials === null ? Infinity : current.maxTrials - numbered;
    const room = Math.min(current.maxParallel - active, budgetLeft);

    if (room > 0) {
      // The space, sampler config and directions as parsed on the study's first top-up on this server.
      const plan = this.plans.get(current);
      const sampler = createSampler(plan.sampler);
      // Random and quasi-random search read only how many trials there are: a count, not every row (a
      // large random search would otherwise re-read, or stand in for, its whole study on every top-up).
      // Every other sampler reads the history, in the sampler pool: off the request thread, one ask at a time
      // per study (./sampler-pool.ts).
      const batch = sampler.askFromCount
        ? sampler.askFromCount({ space: plan.space, count: numbered, directions: plan.directions }, room)
        : await this.askOrFallBack(studyId, plan, numbered, room, await loadHistory(db, current, 'pruned'));
      if (batch.length > 0) {
        const createdIds = await insertSampled(db, studyId, version, batch);
        if (createdIds.length === 0) return 'changed';
        return { created: createdIds.length, status: 'RUNNING', teamId: current.teamId, createdIds, pending: (counts.PENDING ?? 0) + createdIds.length };
      }
      const exhausted = batch.length < room && budgetLeft > batch.length;
      if (exhausted && active === 0) return complete(db, current.teamId, studyId, version);
    } else if (budgetLeft <= 0 && active === 0) {
      return complete(db, current.teamId, studyId, version);
    }
    return { created: 0, status: 'RUNNING', teamId: current.teamId, pending: counts.PENDING ?? 0 };
  }

  /**
   * The sampler's batch, or, when the sampler fails on this history (a bug, a numerical corner, a worker thread
   * that died), a batch of random search, with a warning naming the study and the error: a study whose every
   * top-up failed stayed RUNNING with nothing to run, and only the log said why. The next top-up asks the
   * study's sampler again.
   */
  private async askOrFallBack(studyId: string, plan: StudyPlan, count: number, room: number, trials: FrozenTrial[]): Promise<Params[]> {
    try {
      return await this.pool.ask(studyId, { sampler: plan.sampler, space: plan.space, directions: plan.directions, trials, n: room });
    } catch (error) {
      const kind = (plan.sampler as { kind?: unknown }).kind;
      process.emitWarning(
        `study ${studyId}: the ${String(kind)} sampler failed (${error instanceof Error ? error.message : String(error)}); ` +
          `this top-up draws ${room} trial(s) by random search instead`,
      );
      const seed = (plan.sampler as { seed?: unknown }).seed;
      const random = createSampler({ kind: 'random', seed: typeof seed === 'number' ? seed : 0 });
      return random.askFromCount!({ space: plan.space, count, directions: plan.directions }, room);
    }
  }

  /** Forgets the plans and ends the pool's threads once their asks finish. */
  async close(): Promise<void> {
    this.plans.clear();
    await this.pool.close();
  }
}

/**
 * The study as a top-up reads it, with its active and cancelled trials counted (see `Scheduler.topUpOnce`). One count per
 * state, so each walks its own small index (`trial_pending_idx`, `trial_running_idx`, the CANCELLED range of
 * `trial_study_state_idx`); an `in (…)` over (study, state) read every dead RUNNING entry left by finished
 * trials, a cost that grew with the study until the next vacuum.
 */
const TOP_UP_STUDY_SQL = `
  select s.id, s.status, s.max_trials as "maxTrials", s.max_parallel as "maxParallel",
    s.next_trial_number as "nextTrialNumber", s.sampler, s.space, s.objectives, p.team_id as "teamId",
    json_build_object(
      'PENDING', (select count(*)::int from trial t where t.study_id = s.id and t.state = 'PENDING'),
      'RUNNING', (select count(*)::int from trial t where t.study_id = s.id and t.state = 'RUNNING'),
      'CANCELLED', (select count(*)::int from trial t where t.study_id = s.id and t.state = 'CANCELLED')
    ) as counts
  from study s join project p on p.id = s.project_id
  where s.id = $1::uuid`;

interface TopUpStudy {
  id: string;
  status: string;
  maxTrials: number | null;
  maxParallel: number;
  nextTrialNumber: number;
  sampler: unknown;
  space: unknown;
  objectives: StudyRow['objectives'];
  teamId: string;
  counts: Record<string, number> | null;
}

/** What a top-up did, and the events to send now that it is stored. */
interface TopUpOutcome extends TopUpResult {
  teamId?: string;
  createdIds?: number[];
  pending?: number;
}

/** Reads again after this many refused writes in a row (other replicas' top-ups); the sweep retries later. */
const MAX_ATTEMPTS = 10;

/**
 * Numbers a sampled batch (the study's counter, as `reserveTrialNumbers` does) and inserts it in ONE
 * statement, if the study still runs and its counter is still `version`; returns the new trials' ids, none
 * when the study changed. Postgres re-checks an UPDATE's condition on the newest row once a concurrent
 * writer of that row commits, so two replicas' top-ups from the same reading cannot both succeed.
 */
async function insertSampled(db: Database, studyId: string, version: number, batch: Record<string, unknown>[]): Promise<number[]> {
  const rows = await hotQuery<{ id: number | string }>(db, 'tb_topup_insert', INSERT_SAMPLED_SQL, [
    studyId,
    batch.length,
    JSON.stringify(batch),
    version,
  ]);
  return rows.map((row) => Number(row.id));
}

const INSERT_SAMPLED_SQL = `
  with reserved as (
    update study set next_trial_number = next_trial_number + $2::int, updated_at = now()
    where id = $1::uuid and status = 'RUNNING' and next_trial_number = $4::int
    returning next_trial_number - $2::int as first
  )
  insert into trial (study_id, number, params, origin)
  select $1::uuid, reserved.first + (p.ord - 1)::int, p.params, 'SAMPLER'
  from reserved, jsonb_array_elements($3::jsonb) with ordinality as p(params, ord)
  returning id`;

/**
 * Reserves `count` consecutive trial numbers of a study and returns the first: one atomic UPDATE of the
 * study's counter, so numbers stay unique however many replicas create trials at once. Every trial is
 * numbered here (or, for a refinement's inherited trials, below the counter's start): the top-up relies on
 * the counter being the number of trials ever created.
 */
export async function reserveTrialNumbers(db: Database, studyId: string, count: number): Promise<number> {
  const [row] = await db
    .update(study)
    .set({ nextTrialNumber: sql`${study.nextTrialNumber} + ${count}`, updatedAt: new Date() })
    .where(eq(study.id, studyId))
    .returning({ next: study.nextTrialNumber });
  if (!row) throw new Error(`study ${studyId} disappeared while its trials were being numbered`);
  return row.next - count;
}

/**
 * Ends the study if it still runs, its counter is still `version` (no trial created since the reading) and no
 * trial is PENDING or RUNNING; 'changed' otherwise. It ends COMPLETED when at least one trial of its own (not
 * inherited) is complete, else FAILED with the last trial error: a budget spent on failures is not a success.
 */
async function complete(db: Database, teamId: string, studyId: string, version: number): Promise<TopUpOutcome | 'changed'> {
  const [row] = await hotQuery<{ status: string }>(db, 'tb_topup_complete', COMPLETE_SQL, [studyId, version]);
  return row ? { created: 0, status: row.status, teamId } : 'changed';
}

/** The FAILED reason is written as `failureReason` (./failures.ts) writes it: the rule, then the last error. */
const COMPLETE_SQL = `
  with own as (
    select count(*) filter (where t.state = 'COMPLETE')::int as complete,
      count(*) filter (where t.state = 'FAIL')::int as failed,
      count(*) filter (where t.state = 'PRUNED')::int as pruned,
      (select t.error from trial t where t.study_id = $1::uuid and t.state = 'FAIL'
        order by t.finished_at desc nulls last, t.id desc limit 1) as last_error
    from trial t where t.study_id = $1::uuid and t.origin <> 'INHERITED' and t.state in ('COMPLETE', 'FAIL', 'PRUNED')
  )
  update study set status = case when own.complete > 0 then 'COMPLETED' else 'FAILED' end::study_status,
    failure_reason = case when own.complete > 0 then null else left(
      'the budget was spent without a complete trial (' || own.failed || ' failed, ' || own.pruned || ' pruned)'
        || coalesce('; the last error: ' || own.last_error, ''), 2000) end,
    completed_at = now(), updated_at = now()
  from own
  where id = $1::uuid and status = 'RUNNING' and next_trial_number = $2::int
    and not exists (select 1 from trial t where t.study_id = $1::uuid and t.state in ('PENDING', 'RUNNING'))
  returning study.status`;
