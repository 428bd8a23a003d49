import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@tuneboard/db';
import { apiToken, metric, project, runner, study, team, trial, user } from '@tuneboard/db';
import type { ApiTokenRow, ProjectRow, RunnerRow, StudyRow, TeamRow, TrialRow, UserRow } from './mappers.ts';
import { rowsOf } from './db-rows.ts';

/** What `Trial.metrics` asks for: one trial's attempt, some keys (null: all) and at most `maxPoints` a key. */
export interface MetricsRequest {
  trialId: number;
  attempt: number;
  keys: string[] | null;
  maxPoints: number;
}

export interface MetricSeries {
  key: string;
  points: { step: number; value: number }[];
}

/**
 * The learning curves of every trial a response shows, in one statement: the requests travel as one jsonb
 * parameter, and each (request, key) is downsampled in SQL to every k-th point plus its last one, k = ceil(points
 * / maxPoints). One query for a page of 500 trials, not 500.
 */
async function loadMetrics(db: Database, requests: readonly MetricsRequest[]): Promise<MetricSeries[][]> {
  const wanted = requests.map((request, i) => ({ i, trial_id: request.trialId, attempt: request.attempt, max_points: request.maxPoints, keys: request.keys }));
  const result = await db.execute(sql`
    with wanted as (
      select * from jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb)
        as w(i int, trial_id bigint, attempt int, max_points int, keys jsonb)
    ), points as (
      select w.i, w.max_points, m.key, m.step, m.value,
             row_number() over (partition by w.i, m.key order by m.step) as rn,
             count(*) over (partition by w.i, m.key) as n
      from wanted w
      join ${metric} m on m.trial_id = w.trial_id and m.attempt = w.attempt
      where w.keys is null or m.key in (select jsonb_array_elements_text(w.keys))
    )
    select i, key, step, value from points
    where n <= max_points or (rn - 1) % ceil(n::float8 / max_points)::int = 0 or rn = n
    order by i, key, step`);
  const series = requests.map(() => new Map<string, MetricSeries['points']>());
  for (const point of rowsOf<{ i: number; key: string; step: number; value: number | string }>(result)) {
    const byKey = series[Number(point.i)]!;
    let list = byKey.get(point.key);
    if (!list) byKey.set(point.key, (list = []));
    list.push({ step: Number(point.step), value: Number(point.value) });
  }
  return series.map((byKey) => [...byKey].map(([key, points]) => ({ key, points })));
}

function byId<K, V extends { id: K }>(load: (ids: K[]) => Promise<V[]>) {
  return new DataLoader<K, V | undefined>(async (ids) => {
    const rows = await load([...ids]);
    const map = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => map.get(id));
  });
}

/**
 * Curve points one operation may return, summed over every `Trial.metrics` field (aliases included: thirty
 * aliases of the same page share one SQL batch but would each be built into the response). A million points is
 * a full page (500 trials × 2,000 points) and a few hundred MiB of the API's memory while the answer is built.
 */
export const MAX_POINTS_PER_OPERATION = 1_000_000;

/** DataLoaders, built per request so nothing is cached across callers. */
export function createLoaders(db: Database) {
  const metrics = new DataLoader<MetricsRequest, MetricSeries[], string>((requests) => loadMetrics(db, requests), {
    cacheKeyFn: (request) => JSON.stringify([request.trialId, request.attempt, request.keys, request.maxPoints]),
  });
  let points = 0;
  return {
    user: byId<string, UserRow>((ids) => db.select().from(user).where(inArray(user.id, ids))),
    team: byId<string, TeamRow>((ids) => db.select().from(team).where(inArray(team.id, ids))),
    project: byId<string, ProjectRow>((ids) => db.select().from(project).where(inArray(project.id, ids))),
    apiToken: byId<string, ApiTokenRow>((ids) => db.select().from(apiToken).where(inArray(apiToken.id, ids))),
    runner: byId<string, RunnerRow>((ids) => db.select().from(runner).where(inArray(runner.id, ids))),
    trial: byId<number, TrialRow>((ids) => db.select().from(trial).where(inArray(trial.id, ids))),
    /** A trial with its study (and the study's team) in one query: what every runner write needs first. */
    trialWithStudy: byId<number, TrialRow & { study: StudyRow }>(async (ids) => {
      const rows = await db
        .select({ trial, study, teamId: project.teamId })
        .from(trial)
        .innerJoin(study, eq(study.id, trial.studyId))
        .innerJoin(project, eq(project.id, study.projectId))
        .where(inArray(trial.id, ids));
      return rows.map((row) => ({ ...row.trial, study: { ...row.study, teamId: row.teamId } }));
    }),
    /** Counts of each study's trials by state: one grouped query for every study a response shows. */
    studyCounts: new DataLoader<string, Record<string, number>>(async (ids) => {
      const rows = await db
        .select({ studyId: trial.studyId, state: trial.state, n: sql<number>`count(*)::int` })
        .from(trial)
        .where(inArray(trial.studyId, [...ids]))
        .groupBy(trial.studyId, trial.state);
      const counts = new Map(ids.map((id) => [id, {} as Record<string, number>]));
      for (const row of rows) counts.get(row.studyId)![row.state] = Number(row.n);
      return ids.map((id) => counts.get(id)!);
    }),
    /**
     * `Trial.metrics` for every trial of a response: one statement (`loadMetrics`), counted against
     * MAX_POINTS_PER_OPERATION; past it the field is refused with QUERY_TOO_EXPENSIVE.
     */
    async metrics(request: MetricsRequest): Promise<MetricSeries[]> {
      const series = await metrics.load(request);
      points += series.reduce((n, one) => n + one.points.length, 0);
      if (points > MAX_POINTS_PER_OPERATION) {
        throw new GraphQLError(`The query asks for more than ${MAX_POINTS_PER_OPERATION} curve points (Trial.metrics, all fields together); ask for fewer trials, keys or maxPoints.`, {
          extensions: { code: 'QUERY_TOO_EXPENSIVE' },
        });
      }
      return series;
    },
    /** `Trial.metricKeys` (the keys of an attempt) for every trial of a response: one grouped statement. */
    metricKeys: new DataLoader<{ trialId: number; attempt: number }, string[], string>(
      async (requests) => {
        const wanted = requests.map((request) => ({ trial_id: request.trialId, attempt: request.attempt }));
        const result = await db.execute(sql`
          select distinct m.trial_id, m.attempt, m.key
          from jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) as w(trial_id bigint, attempt int)
          join ${metric} m on m.trial_id = w.trial_id and m.attempt = w.attempt
          order by m.key`);
        const keys = new Map(requests.map((r) => [`${r.trialId}:${r.attempt}`, [] as string[]]));
        for (const row of rowsOf<{ trial_id: number | string; attempt: number; key: string }>(result)) {
          keys.get(`${row.trial_id}:${row.attempt}`)?.push(row.key);
        }
        return requests.map((r) => keys.get(`${r.trialId}:${r.attempt}`)!);
      },
      { cacheKeyFn: (request) => `${request.trialId}:${request.attempt}` },
    ),
    study: byId<string, StudyRow>(async (ids) => {
      const rows = await db
        .select({ study, teamId: project.teamId })
        .from(study)
        .innerJoin(project, eq(project.id, study.projectId))
        .where(inArray(study.id, ids));
      return rows.map((row) => ({ ...row.study, teamId: row.teamId }));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
