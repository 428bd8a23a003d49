import type { SeriesPoint, TrialSeries } from '../types.ts';

/** Above this many series the curves go on a canvas instead of one SVG path each. */
export const CANVAS_THRESHOLD = 200;

/**
 * Reduces a curve to at most `max` points by keeping, per bucket of steps, the lowest and highest value
 * (in step order), plus the first and last point, so spikes and the final value survive downsampling.
 */
export function downsample(points: readonly SeriesPoint[], max: number): SeriesPoint[] {
  if (points.length <= max || max < 4) return points.slice();
  const buckets = Math.floor((max - 2) / 2);
  const inner = points.slice(1, -1);
  const out: SeriesPoint[] = [points[0] as SeriesPoint];
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * inner.length) / buckets);
    const to = Math.floor(((b + 1) * inner.length) / buckets);
    if (to <= from) continue;
    let lo = from;
    let hi = from;
    for (let i = from; i < to; i++) {
      if ((inner[i] as SeriesPoint).value < (inner[lo] as SeriesPoint).value) lo = i;
      if ((inner[i] as SeriesPoint).value > (inner[hi] as SeriesPoint).value) hi = i;
    }
    for (const i of lo === hi ? [lo] : [Math.min(lo, hi), Math.max(lo, hi)]) out.push(inner[i] as SeriesPoint);
  }
  out.push(points[points.length - 1] as SeriesPoint);
  return out;
}

export interface PreparedCurves {
  series: (TrialSeries & { pruned: boolean; last: SeriesPoint | null })[];
  steps: [number, number];
  values: [number, number];
  /** The trial whose last value is best (highlighted). */
  bestTrialId: string | null;
}

/** Sorted, finite, downsampled curves with their extents; pruned trials are flagged for the × at their last step. */
export function prepareCurves(input: readonly TrialSeries[], direction: 'MINIMIZE' | 'MAXIMIZE', maxPointsPerSeries = 200): PreparedCurves {
  let s0 = Infinity;
  let s1 = -Infinity;
  let v0 = Infinity;
  let v1 = -Infinity;
  let bestTrialId: string | null = null;
  let best: number | undefined;
  const series = input
    .map((s) => {
      const clean = s.points.filter((p) => Number.isFinite(p.step) && Number.isFinite(p.value)).sort((a, b) => a.step - b.step);
      const points = downsample(clean, maxPointsPerSeries);
      for (const p of points) {
        s0 = Math.min(s0, p.step);
        s1 = Math.max(s1, p.step);
        v0 = Math.min(v0, p.value);
        v1 = Math.max(v1, p.value);
      }
      const last = clean[clean.length - 1] ?? null;
      if (last && s.state !== 'PRUNED' && (best === undefined || (direction === 'MINIMIZE' ? last.value < best : last.value > best))) {
        best = last.value;
        bestTrialId = s.trialId;
      }
      return { ...s, points, pruned: s.state === 'PRUNED', last };
    })
    .filter((s) => s.points.length > 0);
  return {
    series,
    steps: Number.isFinite(s0) ? [s0, s1 === s0 ? s0 + 1 : s1] : [0, 1],
    values: Number.isFinite(v0) ? [v0, v1 === v0 ? v0 + 1 : v1] : [0, 1],
    bestTrialId,
  };
}
