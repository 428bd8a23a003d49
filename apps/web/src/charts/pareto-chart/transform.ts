import type { ChartObjective, ChartTrial } from '../types.ts';

export interface ParetoPoint {
  trialId: string;
  number: number;
  x: number;
  y: number;
}

/** Complete trials with finite values for the first two objectives. */
export function paretoPoints(trials: readonly ChartTrial[]): ParetoPoint[] {
  const out: ParetoPoint[] = [];
  for (const t of trials) {
    if (t.state !== 'COMPLETE') continue;
    const x = t.values?.[0];
    const y = t.values?.[1];
    if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)) out.push({ trialId: t.id, number: t.number, x, y });
  }
  return out;
}

/**
 * The non-dominated points for the two objectives' directions, sorted by x so the front draws as a line.
 * O(n log n): sweep in x order (best x first) keeping points that improve on the best y seen.
 */
export function paretoFront(points: readonly ParetoPoint[], objectives: readonly ChartObjective[]): ParetoPoint[] {
  const minX = objectives[0]?.direction !== 'MAXIMIZE';
  const minY = objectives[1]?.direction !== 'MAXIMIZE';
  const sx = minX ? 1 : -1;
  const sy = minY ? 1 : -1;
  // Ties in x: the better y first, so the worse duplicate is dominated by it.
  const sorted = [...points].sort((a, b) => sx * (a.x - b.x) || sy * (a.y - b.y));
  const front: ParetoPoint[] = [];
  for (const p of sorted) {
    const last = front[front.length - 1];
    if (last === undefined || sy * (p.y - last.y) < 0) front.push(p);
    else if (p.x === last.x && p.y === last.y) front.push(p); // exact duplicates are both optimal
  }
  return front.sort((a, b) => a.x - b.x);
}
