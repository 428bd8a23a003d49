'use client';

import { brushY, select } from 'd3';
import type { D3BrushEvent } from 'd3';
import { useEffect, useRef } from 'react';
import type { AxisKey, AxisSelection } from '../types.ts';
import styles from '../charts.module.css';
import type { AxisDef, AxisScale } from './transform.ts';

export interface AxisBrushProps {
  axis: AxisDef;
  scale: AxisScale;
  height: number;
  selection: AxisSelection | undefined;
  /** The user is dragging this axis' brush: live data must not move the rectangle under the pointer. */
  dragging: boolean;
  onDraft: (key: AxisKey, selection: AxisSelection | null) => void;
  onCommit: (key: AxisKey, selection: AxisSelection | null) => void;
}

/** d3.brushY owns the overlay's DOM; React only hands it a <g> and keeps it in step with the `brush` prop. */
export function AxisBrush({ axis, scale, height, selection, dragging, onDraft, onCommit }: AxisBrushProps) {
  const ref = useRef<SVGGElement>(null);
  const callbacks = useRef({ onDraft, onCommit, scale });
  callbacks.current = { onDraft, onCommit, scale };
  const brushRef = useRef<ReturnType<typeof brushY<unknown>> | null>(null);

  useEffect(() => {
    const g = ref.current;
    if (!g) return;
    const brush = brushY<unknown>()
      .extent([
        [-12, 0],
        [12, height],
      ])
      .on('brush end', (event: D3BrushEvent<unknown>) => {
        // Programmatic moves (syncing from props) have no source event and must not echo back.
        if (!event.sourceEvent) return;
        const px = event.selection as [number, number] | null;
        const sel = px ? callbacks.current.scale.selectionFromPixels(px[0], px[1]) : null;
        if (event.type === 'end') callbacks.current.onCommit(axis.key, sel);
        else callbacks.current.onDraft(axis.key, sel);
      });
    brushRef.current = brush;
    select(g).call(brush);
    return () => {
      select(g).on('.brush', null);
      brushRef.current = null;
    };
  }, [axis.key, height]);

  // Keeps the rectangle on the selected values when the scale changes (a live trial widens the domain). Not during
  // a drag: the committed selection is still the old one (or none), and moving the brush mid-gesture would reset
  // the rectangle the user is drawing, so the release would commit a selection they never drew.
  useEffect(() => {
    const g = ref.current;
    const brush = brushRef.current;
    if (!g || !brush || dragging) return;
    select(g).call(brush.move, selection ? scale.pixelsFromSelection(selection) : null);
  }, [selection, scale, dragging]);

  // Keyboard brushing: Enter starts a brush on the middle half, arrows move it, Shift+arrows move its top edge,
  // Escape or Delete clears it. Each key commits at once, like releasing the mouse.
  const onKeyDown = (e: React.KeyboardEvent<SVGGElement>) => {
    const current = selection ? scale.pixelsFromSelection(selection) : null;
    // A categorical axis moves one category per key (a smaller move would snap back onto the same one).
    const step = axis.type === 'categorical' ? height / Math.max(1, axis.categories.length) : Math.max(2, height / 20);
    let next: [number, number] | null | undefined;
    if (e.key === 'Escape' || e.key === 'Delete' || e.key === 'Backspace') next = null;
    else if ((e.key === 'Enter' || e.key === ' ') && !current) next = [height / 4, (3 * height) / 4];
    else if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && current) {
      const d = e.key === 'ArrowUp' ? -step : step;
      // Never shrink below one category (or one pixel): an empty brush would hide every line.
      const minSize = axis.type === 'categorical' ? step : 1;
      if (e.shiftKey) next = [Math.min(current[1] - minSize, Math.max(0, current[0] + d)), current[1]];
      else {
        const shift = Math.max(-current[0], Math.min(height - current[1], d));
        next = [current[0] + shift, current[1] + shift];
      }
    }
    if (next === undefined) return;
    e.preventDefault();
    onCommit(axis.key, next ? scale.selectionFromPixels(next[0], next[1]) : null);
  };

  return (
    <g
      ref={ref}
      className={styles.brush}
      tabIndex={0}
      role="group"
      aria-label={`Brush on ${axis.label}: Enter to start, arrows to move, Shift+arrows to resize, Escape to clear`}
      onKeyDown={onKeyDown}
    />
  );
}
