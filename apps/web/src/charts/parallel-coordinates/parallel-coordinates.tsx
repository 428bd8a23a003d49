'use client';

import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AxisKey, AxisSelection, Brush, ChartObjective, ChartParam, ChartTrial } from '../types.ts';
import styles from '../charts.module.css';
import { useWidth } from '../use-width.ts';
import { AxisBrush } from './axis-brush.tsx';
import { ColorLegend } from './color-legend.tsx';
import { drawSelected, sizeCanvas } from './draw.ts';
import { useThemeColors } from './theme.ts';
import { useBackdrop } from './use-backdrop.ts';
import { AXIS_BUTTONS_PX, HIDE_BUTTON_PX, MISSING_LABEL_DY, PC_MARGIN, axisButtonsLayout, axisScale, axisTitleLayout, brushMask, buildAxes, colorByObjective, missingLabelLayout, moveAxis, projectTrials, visibleAxes } from './transform.ts';
import type { AxisScale } from './transform.ts';

export interface ParallelCoordinatesProps {
  trials: readonly ChartTrial[];
  params: readonly ChartParam[];
  objectives: readonly ChartObjective[];
  brush: Brush;
  onBrushChange: (brush: Brush) => void;
  hiddenAxes?: AxisKey[];
  onHiddenAxesChange?: (hidden: AxisKey[]) => void;
  order?: AxisKey[];
  onOrderChange?: (order: AxisKey[]) => void;
  colorObjective?: number;
  /** Total height in pixels (fixed, so nothing jumps when data arrives). */
  height?: number;
}

const MARGIN = PC_MARGIN;
const BACKDROP_OFFSET = { x: MARGIN.left, y: MARGIN.top };

const sameSelection = (a: AxisSelection | undefined, b: AxisSelection | undefined): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Parallel coordinates: lines on a devicePixelRatio-aware canvas (thousands of trials), axes and d3 brushes
 * in SVG on top. A brush redraws only the canvas; pixel positions are precomputed per data/layout change.
 */
export function ParallelCoordinates({
  trials,
  params,
  objectives,
  brush,
  onBrushChange,
  hiddenAxes,
  onHiddenAxesChange,
  order,
  onOrderChange,
  colorObjective = 0,
  height = 380,
}: ParallelCoordinatesProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const backdropRef = useRef<HTMLCanvasElement>(null);
  const width = useWidth(rootRef);
  const [localOrder, setLocalOrder] = useState<AxisKey[] | undefined>(undefined);
  const [localHidden, setLocalHidden] = useState<AxisKey[]>([]);
  const [draft, setDraft] = useState<{ key: AxisKey; selection: AxisSelection | null } | null>(null);
  const [dragging, setDragging] = useState<{ key: AxisKey; dx: number } | null>(null);

  const effOrder = order ?? localOrder;
  const effHidden = hiddenAxes ?? localHidden;
  const innerW = Math.max(0, width - MARGIN.left - MARGIN.right);
  const innerH = Math.max(0, height - MARGIN.top - MARGIN.bottom);

  const allAxes = useMemo(() => buildAxes(trials, params, objectives), [trials, params, objectives]);
  const axes = useMemo(() => visibleAxes(allAxes, effOrder, effHidden), [allAxes, effOrder, effHidden]);
  const buttons = axisButtonsLayout(axes.length, innerW);
  const scales = useMemo(() => axes.map((a) => axisScale(a, innerH)), [axes, innerH]);
  const projection = useMemo(() => projectTrials(trials, axes, scales, innerW, innerH), [trials, axes, scales, innerW, innerH]);
  const coloring = useMemo(() => colorByObjective(trials, objectives, colorObjective), [trials, objectives, colorObjective]);

  // While a brush is dragged the lines follow it; the parent hears about it once, on release.
  const effectiveBrush = useMemo(() => {
    if (!draft) return brush;
    const next = { ...brush };
    if (draft.selection) next[draft.key] = draft.selection;
    else delete next[draft.key];
    return next;
  }, [brush, draft]);
  // The same selection as the mask shown keeps that very mask: releasing a drag commits what its last move drew,
  // and an unchanged mask is not drawn again (at 100,000 trials the canvas' raster is most of a brush's cost).
  const shownMask = useRef<Uint8Array | null>(null);
  const mask = useMemo(() => {
    const next = brushMask(trials, effectiveBrush);
    const shown = shownMask.current;
    if (shown !== null && sameMask(shown, next)) return shown;
    shownMask.current = next;
    return next;
  }, [trials, effectiveBrush]);
  const selectedCount = useMemo(() => mask.reduce((s, v) => s + v, 0), [mask]);

  const brushed = Object.keys(effectiveBrush).length > 0;
  const themeColors = useThemeColors(canvasRef);
  useBackdrop(backdropRef, { projection, count: trials.length, width, height, brushed, color: themeColors, offset: BACKDROP_OFFSET });

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || width === 0) return;
    const ctx = sizeCanvas(canvas, width, height);
    if (!ctx) return;
    drawSelected(ctx, projection, mask, coloring.buckets, { uncoloured: themeColors().muted, palette: coloring.palette }, { x: MARGIN.left, y: MARGIN.top });
  }, [projection, mask, coloring, width, height, themeColors]);

  const allKeys = useMemo(() => visibleAxes(allAxes, effOrder, []).map((a) => a.key), [allAxes, effOrder]);
  const setOrder = useCallback(
    (next: AxisKey[]) => {
      if (onOrderChange) onOrderChange(next);
      if (order === undefined) setLocalOrder(next);
    },
    [onOrderChange, order],
  );
  const setHidden = useCallback(
    (next: AxisKey[]) => {
      if (onHiddenAxesChange) onHiddenAxesChange(next);
      if (hiddenAxes === undefined) setLocalHidden(next);
    },
    [onHiddenAxesChange, hiddenAxes],
  );

  const commit = useCallback(
    (key: AxisKey, selection: AxisSelection | null) => {
      setDraft(null);
      if (sameSelection(brush[key], selection ?? undefined)) return;
      const next = { ...brush };
      if (selection) next[key] = selection;
      else delete next[key];
      onBrushChange(next);
    },
    [brush, onBrushChange],
  );
  const onDraft = useCallback((key: AxisKey, selection: AxisSelection | null) => setDraft({ key, selection }), []);

  const moveBy = (key: AxisKey, delta: number) => setOrder(moveAxis(allKeys, key, delta));
  const hide = (key: AxisKey) => {
    const next = [...effHidden, key];
    const nextBrush = { ...brush };
    // A hidden axis keeps no invisible filter behind.
    if (key in nextBrush) {
      delete nextBrush[key];
      onBrushChange(nextBrush);
    }
    setHidden(next);
  };

  // Drag an axis by its label: the drop position picks the new index among the visible axes.
  const onLabelPointerDown = (key: AxisKey, e: React.PointerEvent<SVGTextElement>) => {
    const startX = e.clientX;
    e.currentTarget.setPointerCapture(e.pointerId);
    const onMove = (ev: PointerEvent) => setDragging({ key, dx: ev.clientX - startX });
    const onUp = (ev: PointerEvent) => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      setDragging(null);
      const from = axes.findIndex((a) => a.key === key);
      const x = (projection.xs[from] ?? 0) + ev.clientX - startX;
      let to = 0;
      projection.xs.forEach((ax, i) => {
        if (Math.abs(ax - x) < Math.abs((projection.xs[to] ?? 0) - x)) to = i;
      });
      if (to !== from) {
        const visibleKeys = axes.map((a) => a.key);
        // Hidden axes follow the visible ones, so showing one again puts it at the end.
        setOrder([...moveAxis(visibleKeys, key, to - from), ...allKeys.filter((k) => !visibleKeys.includes(k))]);
      }
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
  };

  const hiddenDefs = allAxes.filter((a) => effHidden.includes(a.key));
  const colorObj = objectives[colorObjective];

  return (
    <div ref={rootRef} className={styles.chart} style={{ height: height + 28 }} data-testid="parallel-coordinates" data-selected-count={selectedCount} data-trial-count={trials.length}>
      <div className={styles.toolbar}>
        <span className={styles.muted}>
          {selectedCount === trials.length ? `${trials.length} trials` : `${selectedCount} of ${trials.length} trials selected`}
        </span>
        {Object.keys(brush).length > 0 && (
          <button type="button" className={styles.linkButton} onClick={() => onBrushChange({})}>
            Clear brushes
          </button>
        )}
        {hiddenDefs.map((a) => (
          <button key={a.key} type="button" className={styles.linkButton} onClick={() => setHidden(effHidden.filter((k) => k !== a.key))} aria-label={`Show axis ${a.label}`}>
            + {a.label}
          </button>
        ))}
        {colorObj && coloring.domain && <ColorLegend objective={colorObj} domain={coloring.domain} interpolate={coloring.interpolate} />}
      </div>
      {trials.length === 0 || axes.length === 0 ? (
        <div className={styles.empty} style={{ height }}>
          {trials.length === 0 ? 'No trials yet.' : 'Every axis is hidden.'}
        </div>
      ) : (
        <div className={styles.plot} style={{ height }}>
          <canvas ref={backdropRef} className={styles.canvas} style={{ width, height, visibility: brushed ? 'visible' : 'hidden' }} aria-hidden />
          <canvas ref={canvasRef} className={styles.canvas} style={{ width, height }} aria-hidden />
          <svg width={width} height={height} className={styles.overlay} role="group" aria-label="Parallel coordinates">
            <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
              {axes.map((axis, i) => {
                const scale = scales[i] as AxisScale;
                const dx = dragging?.key === axis.key ? dragging.dx : 0;
                return (
                  <g key={axis.key} data-axis={axis.key} transform={`translate(${(projection.xs[i] ?? 0) + dx},0)`}>
                    <line y1={0} y2={innerH} className={styles.axisLine} />
                    {scale.ticks.map((t) => (
                      <g key={`${t.label}-${t.y}`} transform={`translate(0,${t.y})`}>
                        <line x1={-4} x2={0} className={styles.axisLine} />
                        <text x={-6} dy="0.32em" textAnchor="end" className={styles.tick}>
                          {t.label}
                        </text>
                      </g>
                    ))}
                    {axis.hasMissing &&
                      (() => {
                        const label = missingLabelLayout(i, axes.length, innerW, MARGIN);
                        return (
                          <g transform={`translate(0,${projection.missingY})`} data-testid="missing-tick">
                            <line x1={-4} x2={4} className={styles.axisLine} />
                            {label.text && (
                              <text x={label.dx} y={MISSING_LABEL_DY} dy="0.71em" textAnchor="middle" className={styles.tick}>
                                <title>Trials without a value on this axis</title>
                                {label.text}
                              </text>
                            )}
                          </g>
                        );
                      })()}
                    {(() => {
                      const title = axisTitleLayout(axis.label, i, axes.length, innerW, MARGIN);
                      return (
                        <text x={title.dx} y={-30} textAnchor="middle" className={styles.axisLabel} onPointerDown={(e) => onLabelPointerDown(axis.key, e)}>
                          <title>{axis.label}</title>
                          {title.text}
                        </text>
                      );
                    })()}
                    {buttons !== 'none' && (
                      <foreignObject x={buttons === 'all' ? -AXIS_BUTTONS_PX / 2 : -HIDE_BUTTON_PX / 2} y={-24} width={buttons === 'all' ? AXIS_BUTTONS_PX : HIDE_BUTTON_PX} height={20}>
                        <div className={styles.axisButtons}>
                          {buttons === 'all' && (
                            <button type="button" onClick={() => moveBy(axis.key, -1)} aria-label={`Move axis ${axis.label} left`} disabled={i === 0}>
                              ←
                            </button>
                          )}
                          <button type="button" onClick={() => hide(axis.key)} aria-label={`Hide axis ${axis.label}`}>
                            ×
                          </button>
                          {buttons === 'all' && (
                            <button type="button" onClick={() => moveBy(axis.key, 1)} aria-label={`Move axis ${axis.label} right`} disabled={i === axes.length - 1}>
                              →
                            </button>
                          )}
                        </div>
                      </foreignObject>
                    )}
                    <AxisBrush
                      axis={axis}
                      scale={scale}
                      height={innerH}
                      selection={brush[axis.key]}
                      dragging={draft?.key === axis.key}
                      onDraft={onDraft}
                      onCommit={commit}
                    />
                  </g>
                );
              })}
            </g>
          </svg>
        </div>
      )}
    </div>
  );
}

function sameMask(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

