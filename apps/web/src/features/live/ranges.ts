// Reading a big study as ranges of trial numbers in columns (`Study.trialColumns`), several ranges at once:
// pure (the reads are passed in), so tests feed it fake ranges.
import type { TrialState } from '@/charts';
import { toChartTrial, type WireMetric } from '../study/to-chart.ts';
import type { LiveTrial } from './study-store.ts';

/** The page shows every trial up to this many; past it the table says how many are left out. */
export const MAX_TRIALS = 100_000;
/** The widest range of trial numbers the API reads at once (its `LIST_MAX.trialColumns`). */
export const TRIAL_RANGE = 5_000;
/** Trials the server puts in the page itself: enough for a first screen, small enough to paint at once. */
export const FIRST_RANGE = 1_000;
/** Ranges read at the same time. */
const PARALLEL = 6;

/** One range as `Study.trialColumns` gives it (the `TrialColumnsFields` fragment). */
export interface Columns {
  ids: readonly string[];
  numbers: readonly number[];
  states: readonly string[];
  attempts: readonly number[];
  durations: ReadonlyArray<number | null>;
  params: unknown;
  values: unknown;
  next?: number | null;
}

/** Columns back to trials, in number order. */
export function fromColumns(columns: Columns): LiveTrial[] {
  const params = (columns.params ?? {}) as Record<string, readonly unknown[]>;
  const values = columns.values as ReadonlyArray<readonly WireMetric[] | null>;
  const names = Object.keys(params);
  return columns.ids.map((id, i) => {
    const row: Record<string, unknown> = {};
    for (const name of names) {
      const value = params[name]![i];
      if (value !== null && value !== undefined) row[name] = value;
    }
    return {
      ...toChartTrial({
        id,
        number: columns.numbers[i]!,
        state: columns.states[i] as TrialState,
        params: row,
        values: values[i] ?? null,
        durationSeconds: columns.durations[i] ?? null,
      }),
      attempt: columns.attempts[i]!,
    };
  });
}

/** The ranges [from, to) after the first that a study of `total` trials (numbered from 0) needs, up to `max`. */
export function planRanges(start: number, total: number, max = MAX_TRIALS, width = TRIAL_RANGE): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let from = start; from < Math.min(total, max); from += width) ranges.push([from, from + width]);
  return ranges;
}

/** Runs `tasks` with at most `limit` at a time; results in the tasks' order. */
async function pooled<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const out = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return out;
}

/**
 * The trials numbered from `start` on, of a study of about `total` trials (a count read earlier: a hint): the
 * ranges planned from it (at least one) are read PARALLEL at a time; trials numbered past them (created since the
 * count, or gaps in the numbers) are followed by `next` until none is left or `room` trials are held. In number
 * order.
 */
export async function readRanges(
  start: number,
  total: number,
  readRange: (from: number) => Promise<Columns>,
  room = MAX_TRIALS,
): Promise<LiveTrial[]> {
  const planned = planRanges(start, Math.max(total, start + 1));
  const pages = await pooled(planned.map(([from]) => () => readRange(from)), PARALLEL);
  let held = pages.reduce((n, page) => n + page.ids.length, 0);
  let next = pages.at(-1)?.next;
  while (next !== null && next !== undefined && held < room) {
    const page = await readRange(next);
    pages.push(page);
    held += page.ids.length;
    next = page.next;
  }
  const trials = pages.flatMap(fromColumns);
  return trials.length > room ? trials.slice(0, Math.max(0, room)) : trials;
}
