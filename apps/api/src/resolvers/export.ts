// A study's trials as JSON lines (`Study.exportJsonl`): params, values, states and whole curves, paged so that
// one answer stays bounded in trials and in points.
import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import { metric, trial, type Database } from '@tuneboard/db';
import type { Resolvers } from '../generated/graphql.ts';
import type { TrialRow } from '../mappers.ts';
import { boundedInt, decodeCursor, encodeCursor } from './list-limits.ts';

export const EXPORT_LIMITS = {
  /** Most trials a page (`first`). */
  trials: 200,
  /** Most curve points a page: the page ends before a trial that would pass it; a first trial alone is cut. */
  points: 100_000,
} as const;

/**
 * A number as JSON carries it: non-finite ones as the strings "NaN", "Infinity", "-Infinity", and −0 as "-0"
 * (JSON.stringify writes it 0), as the API's MetricValue does.
 */
export function jsonNumber(value: number): number | string {
  if (Object.is(value, -0)) return '-0';
  return Number.isFinite(value) ? value : String(value);
}

/** One trial as one JSON line (the format `TrialExportPage.lines` documents). */
export function trialJsonLine(
  row: TrialRow,
  curves: Record<string, [number, number][]>,
  truncated: boolean,
): string {
  const numbers = (list: number[] | null) => (list === null ? null : list.map(jsonNumber));
  return JSON.stringify({
    number: row.number,
    state: row.state,
    params: row.params,
    values: numbers(row.values),
    constraints: numbers(row.constraints),
    origin: row.origin,
    attempt: row.attempt,
    error: row.error,
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    tags: row.tags ?? [],
    note: row.note,
    curves: Object.fromEntries(
      Object.entries(curves).map(([key, points]) => [
        key,
        points.map(([step, value]) => [step, jsonNumber(value)]),
      ]),
    ),
    ...(truncated ? { curvesTruncated: true } : {}),
  });
}

/**
 * A page of a study's trials from trial number `from` on, as JSON lines; `maxPoints` is the page's point limit.
 * Three statements whatever the page's size: its trials, how many points each holds (its current attempt), and
 * the points of the trials that fit, read in the metric table's key order (no sort). It read the curves trial by
 * trial before: 200 statements a page.
 */
export async function exportPage(
  db: Database,
  studyId: string,
  from: number,
  first: number,
  maxPoints: number = EXPORT_LIMITS.points,
) {
  const rows = await db
    .select()
    .from(trial)
    .where(and(eq(trial.studyId, studyId), gte(trial.number, from)))
    .orderBy(asc(trial.number))
    .limit(first + 1);
  const page = rows.slice(0, first);
  // Each trial's current attempt: the points of earlier attempts are not exported.
  const current = and(eq(trial.id, metric.trialId), eq(trial.attempt, metric.attempt));
  const inPage = (ids: number[]) => and(eq(trial.studyId, studyId), inArray(trial.id, ids));
  const counts = new Map<number, number>();
  if (page.length > 0) {
    const found = await db
      .select({ trialId: metric.trialId, n: sql<number>`count(*)::int` })
      .from(metric)
      .innerJoin(trial, current)
      .where(inPage(page.map((row) => row.id)))
      .groupBy(metric.trialId);
    for (const { trialId, n } of found) counts.set(trialId, n);
  }
  // The trials that fit, in number order: the page ends before one that would pass the limit, and a first
  // trial alone over it is cut there.
  const kept: { row: TrialRow; take: number }[] = [];
  let points = 0;
  for (const row of page) {
    const room = maxPoints - points;
    const n = counts.get(row.id) ?? 0;
    if (n > room && kept.length > 0) break;
    const take = Math.min(n, room);
    kept.push({ row, take });
    points += take;
  }
  const pointsOf = new Map<number, { key: string; step: number; value: number }[]>();
  const reading = kept.filter((k) => k.take > 0);
  if (reading.length > 0) {
    const found = await db
      .select({ trialId: metric.trialId, key: metric.key, step: metric.step, value: metric.value })
      .from(metric)
      .innerJoin(trial, current)
      .where(inPage(reading.map((k) => k.row.id)))
      .orderBy(asc(metric.trialId), asc(metric.attempt), asc(metric.key), asc(metric.step))
      // Only a first trial alone over the limit is cut: then it is the only one read.
      .limit(reading.length === 1 ? reading[0]!.take : points);
    for (const p of found) {
      let list = pointsOf.get(p.trialId);
      if (!list) pointsOf.set(p.trialId, (list = []));
      list.push(p);
    }
  }
  const lines = kept.map(({ row }) => {
    const curves: Record<string, [number, number][]> = {};
    for (const p of pointsOf.get(row.id) ?? []) (curves[p.key] ??= []).push([p.step, p.value]);
    return trialJsonLine(row, curves, (counts.get(row.id) ?? 0) > (pointsOf.get(row.id)?.length ?? 0));
  });
  const last = kept.at(-1)?.row.number;
  const hasNextPage = rows.length > lines.length;
  return { lines, hasNextPage, endCursor: hasNextPage && last !== undefined ? encodeCursor(last) : null };
}

export const exportResolvers: Resolvers = {
  Study: {
    // The study row reached here through `loadStudy(…, 'read')`: its trials are the caller's to read.
    exportJsonl: (row, args, ctx) =>
      exportPage(
        ctx.db,
        row.id,
        decodeCursor('exportJsonl(after:)', args.after),
        boundedInt('exportJsonl(first:)', args.first ?? 100, 1, EXPORT_LIMITS.trials),
      ),
  },
};
