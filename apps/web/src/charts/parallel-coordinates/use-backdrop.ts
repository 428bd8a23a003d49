import { useEffect, type RefObject } from 'react';
import { drawBackdrop, sizeCanvas } from './draw.ts';
import type { Projection } from './transform.ts';

/** Backdrop lines drawn per idle period (~15 ms of canvas work on this machine). */
export const BACKDROP_SLICE = 5_000;

interface BackdropInput {
  projection: Projection;
  count: number;
  width: number;
  height: number;
  brushed: boolean;
  /** Reads the theme's colours (once per mount: `useThemeColors`). */
  color: () => { border: string };
  offset: { x: number; y: number };
}

/**
 * The backdrop (every line, muted) only changes with data and layout, and shows only under a brush: drawn when idle
 * once something is brushed, it keeps the first frame to the coloured lines, every brush update to redrawing the
 * selected ones, and a live batch of an unbrushed page to one canvas. It is drawn in slices of BACKDROP_SLICE
 * lines, one per idle period: at 100,000 trials the whole backdrop is ~0.3 s of drawing, which as one task
 * delayed the frame after the first brush by that much.
 */
export function useBackdrop(canvasRef: RefObject<HTMLCanvasElement | null>, { projection, count, width, height, brushed, color, offset }: BackdropInput): void {
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || width === 0 || !brushed) return;
    const ctx = sizeCanvas(canvas, width, height);
    if (!ctx) return;
    const stroke = color().border;
    let next = 0;
    let cancel = () => {};
    const slice = () => {
      const to = Math.min(count, next + BACKDROP_SLICE);
      drawBackdrop(ctx, projection, count, stroke, offset, next, to);
      next = to;
      if (next < count) schedule();
    };
    const schedule = () => {
      if (typeof window.requestIdleCallback !== 'function') {
        const id = window.setTimeout(slice, 0);
        cancel = () => window.clearTimeout(id);
      } else {
        const id = window.requestIdleCallback(slice, { timeout: 500 });
        cancel = () => window.cancelIdleCallback(id);
      }
    };
    schedule();
    return () => cancel();
  }, [canvasRef, projection, count, width, height, brushed, color, offset]);
}
