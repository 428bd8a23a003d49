// Several named series on one pair of axes (trials' learning curves, studies' best-so-far histories).

export interface OverlayPoint {
  x: number;
  y: number;
  /** False for a point that only carries the line on (drawn without a marker). */
  marker?: boolean;
}

export interface OverlaySeries {
  id: string;
  /** Shown in the legend. */
  name: string;
  points: readonly OverlayPoint[];
}

/** The x and y extents over every finite point; a single value widens to ±0.5 so the scale has a span. Null when empty. */
export function overlayExtent(
  series: readonly OverlaySeries[],
): { x: [number, number]; y: [number, number] } | null {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const s of series) {
    for (const p of s.points) {
      if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
      x0 = Math.min(x0, p.x);
      x1 = Math.max(x1, p.x);
      y0 = Math.min(y0, p.y);
      y1 = Math.max(y1, p.y);
    }
  }
  if (x0 > x1) return null;
  const widen = (lo: number, hi: number): [number, number] => (lo === hi ? [lo - 0.5, hi + 0.5] : [lo, hi]);
  return { x: widen(x0, x1), y: widen(y0, y1) };
}

/** Points sorted by x with non-finite ones dropped, so a path never jumps back or breaks on NaN. */
export function drawablePoints(points: readonly OverlayPoint[]): OverlayPoint[] {
  return points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)).sort((a, b) => a.x - b.x);
}
