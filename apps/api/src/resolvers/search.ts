// Team search: `searchStudies` and `searchTrials`. The team passes `authorize` (read) first; every statement then
// holds `project.team_id = <that team>` in its WHERE, so another team's rows cannot come back. Pages are keyset
// pages (newest first) of at most SEARCH_MAX.first; counts stop at SEARCH_MAX.count. Measured by
// `npm run bench:search` (1,000 studies, 1,000,000 trials): docs/benchmarks.md.
import { and, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { project, study, trial, type Database } from '@tuneboard/db';
import { authorize, notFound } from '../auth/authorize.ts';
import type { Context } from '../context.ts';
import type { Resolvers } from '../generated/graphql.ts';
import type { StudyRow, TeamRow, TrialRow } from '../mappers.ts';
import { rowsOf } from '../db-rows.ts';
import { loadTeam } from './common.ts';
import { boundedInt } from './list-limits.ts';
import {
  SEARCH_MAX,
  checkStudyFilter,
  checkTrialSearchFilter,
  decodeStudyCursor,
  decodeTrialCursor,
  encodeStudyCursor,
  encodeTrialCursor,
  likePattern,
  type MetricRange,
  type StudyConditions,
  type TrialConditions,
} from './search-filters.ts';

type Reader = Pick<Database, 'select' | 'execute'>;

/**
 * Runs a search's statements in one read-only transaction without JIT: the planner prices the per-study probes of
 * `hasTrial` above `jit_above_cost`, and compiling them took 70–100 ms of a query that runs in 8 ms.
 */
function searchRead<T>(ctx: Context, read: (db: Reader) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return read(tx);
  });
}

const textArray = (values: readonly string[]): SQL =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

/**
 * `study_id = any($1::uuid[])`: the team's study ids as one array parameter. An `in (…)` list was one parameter per
 * study (1,000 for the benchmark's team, twice a search: page and count), which drizzle built, the driver sent and
 * Postgres parsed every time; the planner sees the array's values either way (the statement is planned with them).
 */
const inStudies = (ids: readonly string[]): SQL =>
  sql`${trial.studyId} = any(${sql.param([...ids])}::uuid[])`;

/** `value` within the range, and a number (float8 NaN sorts above every number, so `>= x` would keep it). */
function inRange(value: SQL, range: MetricRange): SQL {
  return and(
    sql`${value} <> 'NaN'::float8`,
    range.min !== null ? sql`${value} >= ${range.min}` : undefined,
    range.max !== null ? sql`${value} <= ${range.max}` : undefined,
  )!;
}

/**
 * "The study has a COMPLETE trial whose value of objective `name` is in range". The first objective is the common
 * case and reads `trial_study_value_idx` (study, values[1]) — one index probe per study; a later objective's
 * position is looked up in the study's objectives and read through (study, state).
 */
function hasTrialIn(range: MetricRange): SQL {
  const first = sql`exists (select 1 from ${trial} where ${trial.studyId} = ${study.id} and ${trial.state} = 'COMPLETE' and ${inRange(sql`${trial.values}[1]`, range)})`;
  const later = sql`exists (select 1 from jsonb_array_elements(${study.objectives}) with ordinality as o(obj, pos)
    where o.pos > 1 and o.obj ->> 'name' = ${range.name}
      and exists (select 1 from ${trial} where ${trial.studyId} = ${study.id} and ${trial.state} = 'COMPLETE'
        and ${inRange(sql`${trial.values}[o.pos]`, range)}))`;
  return sql`((${study.objectives} -> 0 ->> 'name' = ${range.name} and ${first}) or ${later})`;
}

/** Each project named in the filter must be the team's: another team's answers "not found", like any id. */
async function checkProjects(ctx: Context, team: TeamRow, ids: readonly string[] | undefined): Promise<void> {
  if (!ids?.length) return;
  const rows = await ctx.db
    .select({ id: project.id })
    .from(project)
    .where(and(inArray(project.id, [...ids]), eq(project.teamId, team.id)));
  if (rows.length !== ids.length) throw notFound('The project');
}

function studyWhere(team: TeamRow, c: StudyConditions): SQL {
  return and(
    eq(project.teamId, team.id),
    c.name !== undefined ? sql`${study.name} ilike ${likePattern(c.name)}` : undefined,
    c.tags ? sql`${study.tags} @> ${textArray(c.tags)}` : undefined,
    c.statuses ? inArray(study.status, c.statuses) : undefined,
    c.projectIds ? inArray(study.projectId, c.projectIds) : undefined,
    c.createdById !== undefined ? eq(study.createdById, c.createdById) : undefined,
    c.createdAfter ? gte(study.createdAt, c.createdAfter) : undefined,
    c.createdBefore ? lt(study.createdAt, c.createdBefore) : undefined,
    c.objective ? sql`${study.objectives} @> ${JSON.stringify([c.objective])}::jsonb` : undefined,
    c.hasTrial ? hasTrialIn(c.hasTrial) : undefined,
  )!;
}

/**
 * The ids of the team's studies (only `studyIds` when given), read first: with `study_id = any(<ids>)` the planner
 * knows how many trials the team holds. A semi-join on `project.team_id` was estimated at a handful of studies
 * and planned as a nested loop that read and sorted every trial of the team (5.7 s for a page of 1,000,000).
 */
async function teamStudyIds(
  db: Reader,
  team: TeamRow,
  studyIds: readonly string[] | undefined,
): Promise<string[]> {
  const rows = await db
    .select({ id: study.id })
    .from(study)
    .innerJoin(project, eq(project.id, study.projectId))
    .where(and(eq(project.teamId, team.id), studyIds ? inArray(study.id, [...studyIds]) : undefined));
  return rows.map((row) => row.id);
}

/** The studies a trial search reads, each with the position (1-based) of the metric's objective in it; 1 without one. */
type Scope = { id: string; pos: number }[];

/**
 * The team's studies a trial search reads (only `studyIds` when given). With a metric, only those with an objective
 * of that name: its position differs from study to study, so it is read here (a few thousand rows at most).
 */
async function trialScope(db: Reader, team: TeamRow, c: TrialConditions): Promise<Scope> {
  if (!c.metric) return (await teamStudyIds(db, team, c.studyIds)).map((id) => ({ id, pos: 1 }));
  const rows = await db
    .select({ id: study.id, pos: sql<number>`o.pos::int` })
    .from(study)
    .innerJoin(project, eq(project.id, study.projectId))
    .innerJoin(
      sql`jsonb_array_elements(${study.objectives}) with ordinality as o(obj, pos)`,
      sql`o.obj ->> 'name' = ${c.metric.name}`,
    )
    .where(and(eq(project.teamId, team.id), c.studyIds ? inArray(study.id, [...c.studyIds]) : undefined));
  return rows.map((row) => ({ id: row.id, pos: Number(row.pos) }));
}

/**
 * The metric condition over the whole scope, grouped by the objective's position: `study_id = any(…) and
 * values[k] in range` per position, which (study, values[1]) and trial_first_value_idx serve for the first objective.
 */
function metricWhere(scope: Scope, range: MetricRange): SQL {
  const byPos = new Map<number, string[]>();
  for (const { id, pos } of scope) {
    const ids = byPos.get(pos);
    if (ids) ids.push(id);
    else byPos.set(pos, [id]);
  }
  const parts = [...byPos].map(([pos, ids]) =>
    and(inStudies(ids), inRange(sql`${trial.values}[${sql.raw(String(pos))}]`, range))!,
  );
  return and(
    eq(trial.state, 'COMPLETE'),
    parts.length === 1 ? parts[0] : sql`(${sql.join(parts, sql` or `)})`,
  )!;
}

/** A trial search's conditions: the statement over its whole scope, and the same conditions for one study at a time. */
interface TrialFilter {
  scope: Scope;
  /** Every condition, the scope included (`study_id = any(…)`). */
  where: SQL;
  /** The conditions on a trial of the study `scope.id` (objective at `scope.pos`): see `newestPerStudy`. */
  perStudy: SQL;
}

async function trialFilter(db: Reader, team: TeamRow, c: TrialConditions): Promise<TrialFilter | undefined> {
  const scope = await trialScope(db, team, c);
  if (scope.length === 0) return undefined;
  const rest = and(
    // `tags <> '{}'` lets the planner use the partial GIN index trial_tags_idx.
    c.tags ? sql`${trial.tags} <> '{}'::text[] and ${trial.tags} @> ${textArray(c.tags)}` : undefined,
    c.states ? inArray(trial.state, c.states) : undefined,
  );
  return {
    scope,
    where: and(c.metric ? metricWhere(scope, c.metric) : inStudies(scope.map((s) => s.id)), rest)!,
    perStudy: and(
      sql`${trial.studyId} = scope.id`,
      c.metric
        ? and(eq(trial.state, 'COMPLETE'), inRange(sql`${trial.values}[scope.pos]`, c.metric))
        : undefined,
      rest,
    )!,
  };
}

/**
 * The ids of the newest `limit` matching trials of each study of the scope (`trial_study_id_idx`, (study_id, id),
 * read backwards), for a search of named studies (`studyIds`, at most SEARCH_MAX.ids). With `study_id = any(…)
 * order by id desc limit n` the planner expected the studies' trials spread evenly over the table and walked the
 * primary key backwards: 2.6 s through 950,000 rows for 5 old studies of the benchmark's team, 0.7 ms this way.
 */
function newestPerStudy(filter: TrialFilter, keyset: SQL | undefined, limit: number): SQL {
  const ids = filter.scope.map((s) => s.id);
  const positions = filter.scope.map((s) => s.pos);
  return sql`${trial.id} = any(array(
    select newest.id from unnest(${sql.param(ids)}::uuid[], ${sql.param(positions)}::int[]) as scope(id, pos)
    cross join lateral (select ${trial.id} from ${trial} where ${and(filter.perStudy, keyset)}
      order by ${trial.id} desc limit ${limit}) as newest))`;
}

/** Counts rows up to SEARCH_MAX.count (+1 to know whether it stopped). */
async function countUpTo(db: Reader, from: SQL): Promise<{ totalCount: number; totalCountIsExact: boolean }> {
  const result = await db.execute(
    sql`select count(*)::int as n from (${from} limit ${SEARCH_MAX.count + 1}) as matched`,
  );
  const n = Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
  return n > SEARCH_MAX.count
    ? { totalCount: SEARCH_MAX.count, totalCountIsExact: false }
    : { totalCount: n, totalCountIsExact: true };
}

function pageInfo<T extends { cursor: string }>(edges: T[], hasNextPage: boolean, after: unknown) {
  return {
    hasNextPage,
    hasPreviousPage: after !== undefined,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  };
}

export const searchResolvers: Resolvers = {
  Query: {
    searchStudies: async (_parent, args, ctx) => {
      const team = await loadTeam(ctx, args.teamId, 'read');
      const first = boundedInt('searchStudies(first:)', args.first ?? 20, 0, SEARCH_MAX.first);
      const after = decodeStudyCursor('searchStudies(after:)', args.after);
      const conditions = checkStudyFilter(args.filter);
      await checkProjects(ctx, team, conditions.projectIds);
      const where = studyWhere(team, conditions);
      const micros = sql<string>`(extract(epoch from ${study.createdAt}) * 1000000)::bigint::text`;
      const keyset = after
        ? sql`(${study.createdAt}, ${study.id}) < (timestamptz 'epoch' + ${after.micros}::bigint * interval '1 microsecond', ${after.id}::uuid)`
        : undefined;
      const [rows, count] = await searchRead(
        ctx,
        async (db) =>
          [
            first === 0
              ? []
              : await db
                  .select({ study, teamId: project.teamId, micros })
                  .from(study)
                  .innerJoin(project, eq(project.id, study.projectId))
                  .where(and(where, keyset))
                  .orderBy(desc(study.createdAt), desc(study.id))
                  .limit(first + 1),
            await countUpTo(
              db,
              sql`select 1 from ${study} inner join ${project} on ${project.id} = ${study.projectId} where ${where}`,
            ),
          ] as const,
      );
      const page = rows.slice(0, first);
      const edges = page.map((row) => {
        // The statement already kept the team's rows only; each still passes the one check before it is shown.
        authorize(ctx.viewer, row.teamId, 'read', 'The study');
        const node: StudyRow = { ...row.study, teamId: row.teamId };
        return { cursor: encodeStudyCursor(row.micros, row.study.id), node };
      });
      return {
        edges,
        nodes: edges.map((e) => e.node),
        pageInfo: pageInfo(edges, rows.length > first, after),
        ...count,
      };
    },
    searchTrials: async (_parent, args, ctx) => {
      const team = await loadTeam(ctx, args.teamId, 'read');
      const first = boundedInt('searchTrials(first:)', args.first ?? 50, 0, SEARCH_MAX.first);
      const after = decodeTrialCursor('searchTrials(after:)', args.after);
      const conditions = checkTrialSearchFilter(args.filter);
      if (conditions.studyIds?.length) {
        const owned = await ctx.db
          .select({ id: study.id })
          .from(study)
          .innerJoin(project, eq(project.id, study.projectId))
          .where(and(inArray(study.id, conditions.studyIds), eq(project.teamId, team.id)));
        if (owned.length !== conditions.studyIds.length) throw notFound('The study');
      }
      const found = await searchRead(ctx, async (db) => {
        const filter = await trialFilter(db, team, conditions);
        if (!filter) return undefined;
        const keyset = after !== undefined ? lt(trial.id, after) : undefined;
        // Named studies are read study by study (see newestPerStudy); the team's, in one pass newest first.
        const page = conditions.studyIds
          ? newestPerStudy(filter, keyset, first + 1)
          : and(filter.where, keyset);
        const rows: TrialRow[] =
          first === 0
            ? []
            : await db
                .select()
                .from(trial)
                .where(page)
                .orderBy(desc(trial.id))
                .limit(first + 1);
        return { rows, count: await countUpTo(db, sql`select 1 from ${trial} where ${filter.where}`) };
      });
      if (!found) {
        return {
          edges: [],
          nodes: [],
          pageInfo: pageInfo([], false, after),
          totalCount: 0,
          totalCountIsExact: true,
        };
      }
      const { rows, count } = found;
      authorize(ctx.viewer, team.id, 'read', 'The trial');
      const edges = rows.slice(0, first).map((node) => ({ cursor: encodeTrialCursor(node.id), node }));
      return {
        edges,
        nodes: edges.map((e) => e.node),
        pageInfo: pageInfo(edges, rows.length > first, after),
        ...count,
      };
    },
  },
};
