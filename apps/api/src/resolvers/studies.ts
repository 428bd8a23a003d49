import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { study, trial } from '@tuneboard/db';
import type { Direction } from '@tuneboard/tuning';
import type { Context } from '../context.ts';
import { publishStudyEvent } from '../events.ts';
import type { Resolvers, TrialFilter, TrialOrder } from '../generated/graphql.ts';
import { toGlobalId } from '../ids.ts';
import type { StudyRow, TrialRow } from '../mappers.ts';
import { createStudy } from '../studies/create.ts';
import { enqueueTrial } from '../studies/enqueue.ts';
import { refineStudy } from '../studies/refine.ts';
import { loadStudy, loadTrial, userError } from './common.ts';
import {
  LIST_MAX,
  boundedInt,
  checkMetricKeys,
  checkTrialFilter,
  checkTrialOrder,
  decodeCursor,
  encodeCursor,
  listFirst,
} from './list-limits.ts';

/** Trial numbers are int4. */
const MAX_TRIAL_NUMBER = 2_147_483_647;

/** One range of a study's trials as the database aggregates it: one JSON array per column, in number order. */
export interface ColumnArrays {
  ids: string[];
  numbers: number[];
  states: TrialRow['state'][];
  attempts: number[];
  /** Epoch milliseconds (whole), null until set. */
  started: Array<number | null>;
  finished: Array<number | null>;
  params: Array<Record<string, unknown> | null>;
  /** A float8[] as JSON: a non-finite value comes as a string ("NaN"), sent as null as before. */
  values: Array<Array<number | string | null> | null>;
}

/**
 * `Study.trialColumns`: the aggregated arrays turned into the field's columns; a parameter a trial lacks is null.
 * The rows are aggregated in SQL (`json_agg`, one value per column) rather than read row by row: decoding 5,000
 * rows of jsonb, float8[] and timestamps cost PGlite 3–4 times the aggregate (bench/web/trial-columns.ts).
 */
export function toColumns(columns: ColumnArrays, next: number | null) {
  const n = columns.ids.length;
  const params: Record<string, unknown[]> = {};
  columns.params.forEach((row, i) => {
    for (const [name, value] of Object.entries(row ?? {})) {
      (params[name] ??= new Array<unknown>(n).fill(null))[i] = value;
    }
  });
  return {
    ids: columns.ids.map((id) => toGlobalId('Trial', id)),
    numbers: columns.numbers,
    states: columns.states,
    attempts: columns.attempts,
    durations: columns.started.map((started, i) => {
      const finished = columns.finished[i];
      return started !== null && finished !== null && finished !== undefined ? (finished - started) / 1000 : null;
    }),
    params,
    values: columns.values.map((row) => (row ? row.map((v) => (typeof v === 'number' ? v : null)) : null)),
    next,
  };
}

/** A column of the range, aggregated in number order (an empty range gives an empty array). */
const columnOf = <T>(value: SQL | typeof trial.id) => sql<T>`coalesce(json_agg(${value} order by ${trial.number}), '[]'::json)`;
/** Whole epoch milliseconds, as JavaScript's Date reads a timestamp. */
const epochMs = (column: typeof trial.startedAt | typeof trial.finishedAt) => sql`trunc(extract(epoch from ${column}) * 1000)`;

/**
 * The WHERE of a trials query. Parameter conditions travel as one jsonb parameter and are checked in one
 * NOT EXISTS (a trial is kept when no entry fails), so the statement and its plan are the same for one entry or
 * fifty; a missing or non-numeric parameter fails a range, as it always did. A set of values is one jsonb
 * containment test of a scalar (not a subquery over the set's elements, which made 50 sets of 100 values over
 * 1,000 trials take 2.7 s against 0.1–0.3 s), so a missing parameter (SQL null) never matches.
 */
function trialConditions(studyId: string, filter: TrialFilter | null | undefined): SQL {
  const parts: SQL[] = [eq(trial.studyId, studyId)];
  if (filter?.states?.length) parts.push(inArray(trial.state, filter.states));
  const params = filter?.params ?? [];
  if (params.length > 0) {
    const entries = params.map((param) => ({ name: param.name, min: param.min ?? null, max: param.max ?? null, choices: param.values ?? null }));
    const value = sql`${trial.params} -> f.name`;
    const number = sql`(case when jsonb_typeof(${value}) = 'number' then (${value})::text::float8 end)`;
    parts.push(sql`not exists (
      select 1 from jsonb_to_recordset(${JSON.stringify(entries)}::jsonb) as f(name text, min float8, max float8, choices jsonb)
      where not coalesce(
        (f.min is null or ${number} >= f.min)
        and (f.max is null or ${number} <= f.max)
        and (f.choices is null or (jsonb_typeof(${value}) not in ('array', 'object') and f.choices @> jsonb_build_array(${value}))),
        false))`);
  }
  for (const range of filter?.values ?? []) {
    const value = sql`${trial.values}[${(range.index ?? 0) + 1}]`;
    if (range.min != null) parts.push(sql`${value} >= ${range.min}`);
    if (range.max != null) parts.push(sql`${value} <= ${range.max}`);
  }
  return and(...parts)!;
}

function trialOrdering(order: TrialOrder | null | undefined): SQL[] {
  const dir = order?.direction === 'DESC' ? sql`desc` : sql`asc`;
  switch (order?.field) {
    case 'PARAM':
      return [sql`${trial.params} -> ${order.param ?? ''} ${dir} nulls last`, asc(trial.number)];
    case 'VALUE':
      return [sql`${trial.values}[${(order.valueIndex ?? 0) + 1}] ${dir} nulls last`, asc(trial.number)];
    case 'DURATION':
      return [sql`(${trial.finishedAt} - ${trial.startedAt}) ${dir} nulls last`, asc(trial.number)];
    default:
      return [order?.direction === 'DESC' ? desc(trial.number) : asc(trial.number)];
  }
}

/** Complete trials not dominated by another (every objective at least as good, one strictly better). */
function paretoFront(rows: TrialRow[], directions: Direction[]): TrialRow[] {
  const signed = rows.map((row) => directions.map((d, i) => (d === 'maximize' ? -1 : 1) * (row.values?.[i] ?? NaN)));
  return rows.filter((_, i) =>
    signed.every(
      (other, j) =>
        j === i || !(other.every((v, k) => v <= signed[i]![k]!) && other.some((v, k) => v < signed[i]![k]!)),
    ),
  );
}

async function setStatus(ctx: Context, row: StudyRow, status: 'RUNNING' | 'PAUSED' | 'STOPPED') {
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(study)
      .set({ status, updatedAt: now, completedAt: status === 'STOPPED' ? now : null })
      .where(eq(study.id, row.id));
    if (status === 'STOPPED') {
      await tx
        .update(trial)
        .set({ state: 'CANCELLED', finishedAt: now, updatedAt: now })
        .where(and(eq(trial.studyId, row.id), eq(trial.state, 'PENDING')));
    }
    await publishStudyEvent(tx, { kind: 'STUDY_STATUS', studyId: row.id, teamId: row.teamId });
  });
  if (status === 'RUNNING') await ctx.lifecycle.scheduler.topUp(ctx.db, ctx.events, row.id);
  ctx.loaders.study.clear(row.id);
  return { study: (await ctx.loaders.study.load(row.id)) ?? null, userErrors: [] };
}

export const studyResolvers: Resolvers = {
  Query: {
    study: (_parent, { id }, ctx) => loadStudy(ctx, id, 'read').catch(nullWhenHidden),
    trial: (_parent, { id }, ctx) => loadTrial(ctx, id, 'read').catch(nullWhenHidden),
  },
  Study: {
    id: (row) => toGlobalId('Study', row.id),
    project: async (row, _args, ctx) => (await ctx.loaders.project.load(row.projectId))!,
    objectives: (row) =>
      row.objectives.map((objective) => ({
        name: objective.name,
        direction: objective.direction === 'maximize' ? 'MAXIMIZE' : 'MINIMIZE',
      })),
    budget: (row) => ({ maxTrials: row.maxTrials, maxParallel: row.maxParallel, maxFailures: row.maxFailures }),
    progress: async (row, _args, ctx) => {
      if (row.maxTrials === null) return null;
      const counts = await ctx.loaders.studyCounts.load(row.id);
      const finished = (counts.COMPLETE ?? 0) + (counts.PRUNED ?? 0) + (counts.FAIL ?? 0);
      return Math.min(1, finished / row.maxTrials);
    },
    counts: async (row, _args, ctx) => {
      const counts = await ctx.loaders.studyCounts.load(row.id);
      const get = (state: string) => counts[state] ?? 0;
      return {
        pending: get('PENDING'),
        running: get('RUNNING'),
        complete: get('COMPLETE'),
        pruned: get('PRUNED'),
        fail: get('FAIL'),
        cancelled: get('CANCELLED'),
        total: Object.values(counts).reduce((a, b) => a + b, 0),
      };
    },
    bestTrial: async (row, _args, ctx) => {
      const dir = row.objectives[0]?.direction === 'maximize' ? sql`desc` : sql`asc`;
      const [best] = await ctx.db
        .select()
        .from(trial)
        .where(and(eq(trial.studyId, row.id), eq(trial.state, 'COMPLETE')))
        .orderBy(sql`${trial.values}[1] ${dir} nulls last`, asc(trial.number))
        .limit(1);
      return best ?? null;
    },
    bestTrials: async (row, args, ctx) => {
      const first = listFirst('bestTrials', args.first);
      const rows = await ctx.db
        .select()
        .from(trial)
        .where(and(eq(trial.studyId, row.id), eq(trial.state, 'COMPLETE')))
        .orderBy(asc(trial.number));
      return paretoFront(
        rows,
        row.objectives.map((objective) => objective.direction as Direction),
      ).slice(0, first);
    },
    parent: async (row, _args, ctx) =>
      row.parentStudyId ? ((await ctx.loaders.study.load(row.parentStudyId)) ?? null) : null,
    children: async (row, args, ctx) => {
      const rows = await ctx.db
        .select()
        .from(study)
        .where(eq(study.parentStudyId, row.id))
        .orderBy(study.createdAt, study.id)
        .limit(listFirst('children', args.first));
      return rows.map((child) => ({ ...child, teamId: row.teamId }));
    },
    refinement: (row) => row.refinement ?? null,
    trials: async (row, args, ctx) => {
      const first = boundedInt('trials(first:)', args.first ?? 50, 0, LIST_MAX.trials);
      const offset = decodeCursor('trials(after:)', args.after);
      checkTrialOrder(args.orderBy);
      const where = trialConditions(row.id, checkTrialFilter(args.filter));
      const [rows, total] = await Promise.all([
        ctx.db
          .select()
          .from(trial)
          .where(where)
          .orderBy(...trialOrdering(args.orderBy))
          .limit(first)
          .offset(offset),
        ctx.db.select({ n: sql<number>`count(*)::int` }).from(trial).where(where),
      ]);
      const totalCount = total[0]?.n ?? 0;
      const edges = rows.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
      return {
        edges,
        nodes: rows,
        totalCount,
        pageInfo: {
          hasNextPage: offset + rows.length < totalCount,
          hasPreviousPage: offset > 0,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
      };
    },
    trialColumns: async (row, args, ctx) => {
      const from = boundedInt('trialColumns(from:)', args.from, 0, MAX_TRIAL_NUMBER);
      const to = boundedInt('trialColumns(to:)', args.to, from, Math.min(from + LIST_MAX.trialColumns, MAX_TRIAL_NUMBER));
      const [rows, after] = await Promise.all([
        ctx.db
          .select({
            ids: columnOf<string[]>(trial.id),
            numbers: columnOf<number[]>(sql`${trial.number}`),
            states: columnOf<ColumnArrays['states']>(sql`${trial.state}`),
            attempts: columnOf<number[]>(sql`${trial.attempt}`),
            started: columnOf<Array<number | null>>(epochMs(trial.startedAt)),
            finished: columnOf<Array<number | null>>(epochMs(trial.finishedAt)),
            params: columnOf<ColumnArrays['params']>(sql`${trial.params}`),
            values: columnOf<ColumnArrays['values']>(sql`${trial.values}`),
          })
          .from(trial)
          .where(and(eq(trial.studyId, row.id), gte(trial.number, from), lt(trial.number, to))),
        ctx.db
          .select({ number: trial.number })
          .from(trial)
          .where(and(eq(trial.studyId, row.id), gte(trial.number, to)))
          .orderBy(asc(trial.number))
          .limit(1),
      ]);
      return toColumns(rows[0]!, after[0]?.number ?? null);
    },
  },
  Trial: {
    id: (row) => toGlobalId('Trial', row.id),
    study: async (row, _args, ctx) => (await ctx.loaders.study.load(row.studyId))!,
    runner: async (row, _args, ctx) => (row.leaseOwner ? ((await ctx.loaders.runner.load(row.leaseOwner)) ?? null) : null),
    source: async (row, _args, ctx) =>
      row.sourceTrialId ? ((await ctx.loaders.trial.load(row.sourceTrialId)) ?? null) : null,
    durationSeconds: (row) =>
      row.startedAt && row.finishedAt ? (row.finishedAt.getTime() - row.startedAt.getTime()) / 1000 : null,
    metricKeys: (row, _args, ctx) => ctx.loaders.metricKeys.load({ trialId: row.id, attempt: row.attempt }),
    metrics: (row, args, ctx) =>
      ctx.loaders.metrics({
        trialId: row.id,
        attempt: boundedInt('metrics(attempt:)', args.attempt ?? row.attempt, 0, 2_147_483_647),
        keys: checkMetricKeys(args.keys),
        maxPoints: boundedInt('metrics(maxPoints:)', args.maxPoints ?? 500, 1, LIST_MAX.maxPoints),
      }),
  },
  Mutation: {
    studyCreate: (_parent, { input }, ctx) => createStudy(ctx, input),
    studyPause: async (_parent, { input }, ctx) => {
      const row = await loadStudy(ctx, input.id, 'write');
      if (row.status !== 'RUNNING') {
        return { study: row, userErrors: [userError(['input', 'id'], `Only a RUNNING study can be paused; it is ${row.status}.`, 'INVALID_STATE')] };
      }
      return setStatus(ctx, row, 'PAUSED');
    },
    studyResume: async (_parent, { input }, ctx) => {
      const row = await loadStudy(ctx, input.id, 'write');
      if (row.status !== 'PAUSED') {
        return { study: row, userErrors: [userError(['input', 'id'], `Only a PAUSED study can be resumed; it is ${row.status}.`, 'INVALID_STATE')] };
      }
      return setStatus(ctx, row, 'RUNNING');
    },
    studyStop: async (_parent, { input }, ctx) => {
      const row = await loadStudy(ctx, input.id, 'write');
      if (row.status === 'COMPLETED' || row.status === 'STOPPED' || row.status === 'FAILED') {
        return { study: row, userErrors: [userError(['input', 'id'], `The study is already ${row.status}.`, 'INVALID_STATE')] };
      }
      return setStatus(ctx, row, 'STOPPED');
    },
    studyRefine: (_parent, { input }, ctx) => refineStudy(ctx, input),
    trialEnqueue: (_parent, { input }, ctx) => enqueueTrial(ctx, input),
  },
};

/** A query for an object the caller may not see answers null, like one that does not exist. */
function nullWhenHidden(error: unknown): null {
  const code = (error as { extensions?: { code?: string } }).extensions?.code;
  if (code === 'NOT_FOUND') return null;
  throw error;
}

