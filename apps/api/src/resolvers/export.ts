// A study's trials as JSON lines (`Study.exportJsonl`): params, values, states and whole curves, paged so that
// one answer stays bounded in trials and in points.
import { and, asc, eq, gte, lte } from 'drizzle-orm';
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
 * Two statements whatever the page's size: its trials, then their curves (each trial's current attempt) in trial
 * order, at most `maxPoints + 1` points. It read the curves trial by trial before: 200 statements a page, and
 * 5 s for eight aliased pages of a 120-trial study on embedded PGlite, which runs in the API's own thread.
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
  const pointsOf = new Map<number, { key: string; step: number; value: number }[]>();
  // With more points than the limit, nothing is known of the trials after the one the last point read belongs to.
  let unread = Number.POSITIVE_INFINITY;
  if (page.length > 0) {
    // One point more than the limit tells a page whose last trial does not fit from one that just fits.
    const found = await db
      .select({ trialId: metric.trialId, number: trial.number, key: metric.key, step: metric.step, value: metric.value })
      .from(metric)
      .innerJoin(trial, and(eq(trial.id, metric.trialId), eq(trial.attempt, metric.attempt)))
      .where(and(eq(trial.studyId, studyId), gte(trial.number, page[0]!.number), lte(trial.number, page.at(-1)!.number)))
      .orderBy(asc(trial.number), asc(metric.key), asc(metric.step))
      .limit(maxPoints + 1);
    for (const p of found) {
      let list = pointsOf.get(p.trialId);
      if (!list) pointsOf.set(p.trialId, (list = []));
      list.push(p);
    }
    if (found.length > maxPoints) unread = found.at(-1)!.number;
  }
  const lines: string[] = [];
  let points = 0;
  let last: number | undefined;
  for (const row of page) {
    if (row.number > unread) break;
    const room = maxPoints - points;
    const found = pointsOf.get(row.id) ?? [];
    const over = found.length > room;
    if (over && lines.length > 0) break;
    const curves: Record<string, [number, number][]> = {};
    for (const p of over ? found.slice(0, room) : found) (curves[p.key] ??= []).push([p.step, p.value]);
    lines.push(trialJsonLine(row, curves, over));
    points += Math.min(found.length, room);
    last = row.number;
  }
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
