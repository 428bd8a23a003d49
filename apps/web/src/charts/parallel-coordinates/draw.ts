import { COLOR_BUCKETS, NO_COLOR } from './transform.ts';
import type { Projection } from './transform.ts';

/** Lines per path: one huge path makes the rasteriser sort every edge at once, a stroke per line costs a call each. */
const LINES_PER_PATH = 500;

/** Line opacity by how many trials there are: dense plots need lighter lines to show where trials crowd. */
export const lineAlpha = (count: number): number => (count > 2000 ? 0.3 : count > 300 ? 0.55 : 0.85);

function strokeLines(ctx: CanvasRenderingContext2D, projection: Projection, lines: ArrayLike<number>, offset: { x: number; y: number }): void {
  const { xs, ys, axisCount: n } = projection;
  for (let start = 0; start < lines.length; start += LINES_PER_PATH) {
    ctx.beginPath();
    const end = Math.min(lines.length, start + LINES_PER_PATH);
    for (let i = start; i < end; i++) {
      const base = (lines[i] as number) * n;
      ctx.moveTo(offset.x + (xs[0] as number), offset.y + (ys[base] as number));
      for (let a = 1; a < n; a++) ctx.lineTo(offset.x + (xs[a] as number), offset.y + (ys[base + a] as number));
    }
    ctx.stroke();
  }
}

/** Every trial in one muted colour: the backdrop a brush dims the rest against. Drawn once per layout, not per brush. */
/**
 * Every line, muted; or the lines `from` to `to` of them (a slice), with the alpha of all `count` lines, so that a
 * backdrop drawn in slices (one per idle period) looks the same as one drawn at once.
 */
export function drawBackdrop(
  ctx: CanvasRenderingContext2D,
  projection: Projection,
  count: number,
  color: string,
  offset: { x: number; y: number },
  from = 0,
  to = count,
): void {
  if (projection.axisCount === 0 || to <= from) return;
  ctx.lineWidth = 1;
  ctx.globalAlpha = Math.min(0.35, lineAlpha(count));
  ctx.strokeStyle = color;
  const lines = new Uint32Array(to - from);
  for (let i = 0; i < lines.length; i++) lines[i] = from + i;
  strokeLines(ctx, projection, lines, offset);
  ctx.globalAlpha = 1;
}

/** The trials inside the brush, one batch of paths per colour bucket (plus one for trials without a value). */
export function drawSelected(
  ctx: CanvasRenderingContext2D,
  projection: Projection,
  mask: Uint8Array,
  buckets: Uint8Array,
  colors: { uncoloured: string; palette: string[] },
  offset: { x: number; y: number },
): void {
  if (projection.axisCount === 0) return;
  const groups: number[][] = Array.from({ length: COLOR_BUCKETS + 1 }, () => []);
  for (let t = 0; t < mask.length; t++) {
    if (mask[t] === 0) continue;
    const b = buckets[t] as number;
    (groups[b === NO_COLOR ? COLOR_BUCKETS : b] as number[]).push(t);
  }
  ctx.lineWidth = 1;
  ctx.globalAlpha = lineAlpha(mask.length);
  groups.forEach((group, b) => {
    if (group.length === 0) return;
    ctx.strokeStyle = b === COLOR_BUCKETS ? colors.uncoloured : (colors.palette[b] as string);
    strokeLines(ctx, projection, group, offset);
  });
  ctx.globalAlpha = 1;
}

/** Sizes a canvas for the screen's devicePixelRatio (sharp lines on HiDPI) and returns a cleared context in CSS pixels. */
export function sizeCanvas(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D | null {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.round(width * dpr);
  const h = Math.round(height * dpr);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

