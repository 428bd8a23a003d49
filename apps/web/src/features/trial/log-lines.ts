import type { TrialLogQuery as TrialLogResult } from '@/gql/graphql';

export type LogLine = NonNullable<TrialLogResult['trial']>['log']['lines'][number];

/** Lines the page holds at most; the download has the whole kept log. */
export const SHOWN_LINES = 5_000;

/** Appends `next` (lines after the newest held) and keeps the last `max`; pure, for tests. */
export function mergeLines(held: readonly LogLine[], next: readonly LogLine[], max = SHOWN_LINES): LogLine[] {
  const newest = held.at(-1)?.offset ?? -1;
  const fresh = next.filter((line) => line.offset > newest);
  if (fresh.length === 0) return held as LogLine[];
  const all = [...held, ...fresh];
  return all.length > max ? all.slice(all.length - max) : all;
}
