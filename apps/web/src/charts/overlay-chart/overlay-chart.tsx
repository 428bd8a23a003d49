'use client';

import { curveLinear, curveStepAfter, line, scaleLinear, schemeTableau10 } from 'd3';
import { useMemo } from 'react';
import styles from '../charts.module.css';
import { Axes, ChartFrame, PLOT_MARGIN } from '../frame.tsx';
import { formatValue } from '../use-width.ts';
import { drawablePoints, overlayExtent, type OverlayPoint, type OverlaySeries } from './transform.ts';

export interface OverlayChartProps {
  series: readonly OverlaySeries[];
  xLabel: string;
  yLabel: string;
  /** Step line (a best-so-far history) instead of straight segments. */
  step?: boolean;
  height?: number;
  /** Shown instead of the plot when no series has a point. */
  emptyText?: string;
}

/** Named series in distinct colours on one pair of axes, with a legend; markers show where each point is. */
export function OverlayChart({
  series,
  xLabel,
  yLabel,
  step = false,
  height = 260,
  emptyText = 'Nothing to plot yet.',
}: OverlayChartProps) {
  const drawn = useMemo(() => series.map((s) => ({ ...s, points: drawablePoints(s.points) })), [series]);
  const extent = useMemo(() => overlayExtent(drawn), [drawn]);
  const legend = (
    <span className={styles.legend}>
      {drawn.map((s, i) => (
        <span key={s.id} style={{ color: schemeTableau10[i % 10], marginRight: 10 }}>
          ■ {s.name}
        </span>
      ))}
    </span>
  );
  return (
    <ChartFrame
      height={height}
      toolbar={legend}
      label={`${yLabel} against ${xLabel}`}
      empty={extent ? null : emptyText}
    >
      {(width) => {
        if (!extent) return null;
        const w = width - PLOT_MARGIN.left - PLOT_MARGIN.right;
        const h = height - PLOT_MARGIN.top - PLOT_MARGIN.bottom;
        const x = scaleLinear().domain(extent.x).range([0, w]).nice();
        const y = scaleLinear().domain(extent.y).range([h, 0]).nice();
        const path = line<OverlayPoint>()
          .x((p) => x(p.x))
          .y((p) => y(p.y))
          .curve(step ? curveStepAfter : curveLinear);
        return (
          <g transform={`translate(${PLOT_MARGIN.left},${PLOT_MARGIN.top})`}>
            <Axes
              x={x.ticks(6).map((t) => ({ pos: x(t), label: formatValue(t) }))}
              y={y.ticks(5).map((t) => ({ pos: y(t), label: formatValue(t) }))}
              width={w}
              height={h}
              xLabel={xLabel}
              yLabel={yLabel}
            />
            {drawn.map((s, i) => (
              <g key={s.id} data-series={s.name}>
                <path
                  d={path(s.points) ?? ''}
                  fill="none"
                  strokeWidth={1.75}
                  stroke={schemeTableau10[i % 10]}
                />
                {s.points.length <= 60 &&
                  s.points.map((p, j) =>
                    p.marker === false ? null : (
                      <circle key={j} cx={x(p.x)} cy={y(p.y)} r={2.5} fill={schemeTableau10[i % 10]} />
                    ),
                  )}
              </g>
            ))}
          </g>
        );
      }}
    </ChartFrame>
  );
}
