'use client';

import { line, scaleLinear } from 'd3';
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { SeriesPoint, TrialSeries } from '../types.ts';
import styles from '../charts.module.css';
import { Axes, ChartFrame, PLOT_MARGIN } from '../frame.tsx';
import { formatValue } from '../use-width.ts';
import { CANVAS_THRESHOLD, prepareCurves } from './transform.ts';
import type { PreparedCurves } from './transform.ts';

export interface LearningCurvesProps {
  series: readonly TrialSeries[];
  metricKey: string;
  direction: 'MINIMIZE' | 'MAXIMIZE';
  height?: number;
}

type Scale = ReturnType<typeof scaleLinear<number, number>>;

/** Many curves: one canvas instead of hundreds of SVG paths (axes and markers stay in SVG). */
function CurvesCanvas({ curves, x, y, width, height }: { curves: PreparedCurves; x: Scale; y: Scale; width: number; height: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const muted = getComputedStyle(canvas).getPropertyValue('--muted').trim() || '#888';
    ctx.strokeStyle = muted;
    ctx.globalAlpha = 0.35;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const s of curves.series) {
      s.points.forEach((p, i) => (i === 0 ? ctx.moveTo(x(p.step), y(p.value)) : ctx.lineTo(x(p.step), y(p.value))));
    }
    ctx.stroke();
    ctx.globalAlpha = 1;
  }, [curves, x, y, width, height]);
  return <foreignObject width={width} height={height}><canvas ref={ref} style={{ width, height, display: 'block' }} aria-hidden /></foreignObject>;
}

/** Intermediate values per trial: one line each, the best finished trial highlighted, pruned trials ending in ×. */
export function LearningCurves({ series, metricKey, direction, height = 260 }: LearningCurvesProps) {
  const curves = useMemo(() => prepareCurves(series, direction), [series, direction]);
  const useCanvas = curves.series.length > CANVAS_THRESHOLD;
  return (
    <ChartFrame height={height} label={`Learning curves of ${metricKey}`} empty={curves.series.length === 0 ? `No ${metricKey} reported yet.` : null}>
      {(width) => {
        const w = width - PLOT_MARGIN.left - PLOT_MARGIN.right;
        const h = height - PLOT_MARGIN.top - PLOT_MARGIN.bottom;
        const x = scaleLinear().domain(curves.steps).range([0, w]).nice();
        const y = scaleLinear().domain(curves.values).range([h, 0]).nice();
        const path = line<SeriesPoint>().x((p) => x(p.step)).y((p) => y(p.value));
        const best = curves.series.find((s) => s.trialId === curves.bestTrialId);
        return (
          <g transform={`translate(${PLOT_MARGIN.left},${PLOT_MARGIN.top})`}>
            <Axes x={x.ticks(6).map((t) => ({ pos: x(t), label: formatValue(t) }))} y={y.ticks(5).map((t) => ({ pos: y(t), label: formatValue(t) }))} width={w} height={h} xLabel="step" yLabel={metricKey} />
            {useCanvas ? (
              <CurvesCanvas curves={curves} x={x} y={y} width={w} height={h} />
            ) : (
              curves.series.map((s) => (
                <path key={s.trialId} d={path(s.points) ?? ''} fill="none" stroke="var(--muted)" strokeOpacity={0.5}>
                  <title>{`#${s.number} (${s.state})`}</title>
                </path>
              ))
            )}
            {best && <path d={path(best.points) ?? ''} className={styles.bestLine} stroke="var(--accent)" style={{ stroke: 'var(--accent)', strokeWidth: 2 }} />}
            {curves.series
              .filter((s) => s.pruned && s.last)
              .map((s) => {
                const px = x((s.last as SeriesPoint).step);
                const py = y((s.last as SeriesPoint).value);
                return (
                  <g key={`x${s.trialId}`} className={styles.pruned} data-pruned-trial={s.number}>
                    <title>{`#${s.number} pruned at step ${(s.last as SeriesPoint).step}`}</title>
                    <line x1={px - 4} y1={py - 4} x2={px + 4} y2={py + 4} />
                    <line x1={px - 4} y1={py + 4} x2={px + 4} y2={py - 4} />
                  </g>
                );
              })}
          </g>
        );
      }}
    </ChartFrame>
  );
}
