// The best-so-far sparkline's geometry: a step line through the improvements, carried on to the last trial.

export interface BestPoint {
  trialNumber: number;
  value: number | string;
}

/**
 * The SVG path of the best value so far: flat until the next improvement, then a step, up to `lastTrial`
 * (the study's newest trial number, so the line reaches the present). Larger values are drawn higher;
 * non-finite values are left out. Empty when no finite point is left.
 */
export function sparklinePath(
  points: readonly BestPoint[],
  lastTrial: number,
  width: number,
  height: number,
): string {
  const finite = points.flatMap((p) => {
    const value = typeof p.value === 'number' ? p.value : Number(p.value);
    return Number.isFinite(value) ? [{ x: p.trialNumber, y: value }] : [];
  });
  if (finite.length === 0) return '';
  const x0 = finite[0]!.x;
  const x1 = Math.max(lastTrial, finite[finite.length - 1]!.x, x0 + 1);
  const ys = finite.map((p) => p.y);
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const pad = 2;
  const sx = (x: number) => round(pad + ((x - x0) / (x1 - x0)) * (width - 2 * pad));
  // One value (or none changing): a flat line through the middle.
  const sy = (y: number) => round(hi === lo ? height / 2 : pad + ((hi - y) / (hi - lo)) * (height - 2 * pad));
  let d = `M${sx(finite[0]!.x)},${sy(finite[0]!.y)}`;
  for (const p of finite.slice(1)) d += `H${sx(p.x)}V${sy(p.y)}`;
  return `${d}H${sx(x1)}`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
