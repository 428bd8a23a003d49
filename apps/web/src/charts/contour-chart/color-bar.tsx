'use client';

import { useId } from 'react';
import styles from '../charts.module.css';
import { LEGEND_BAR_PX, LEGEND_TICK_PX, type ColorLegendLayout } from './transform.ts';

/** The contour's colour scale: a vertical bar right of the plot (at `x`), ticked like an axis, with its objective beside it. */
export function ColorBar({ layout, color, x, height }: { layout: ColorLegendLayout; color: (value: number) => string; x: number; height: number }) {
  // Unique per instance: two contours on a page must not share one gradient id.
  const gradientId = `contour-legend-${useId().replace(/:/g, '')}`;
  const [lo, hi] = layout.domain;
  const barEnd = layout.x.bar + LEGEND_BAR_PX;
  return (
    <g transform={`translate(${x},0)`} data-testid="contour-legend" data-domain={`${lo},${hi}`}>
      <defs>
        <linearGradient id={gradientId} x1={0} y1={1} x2={0} y2={0}>
          {layout.stops.map((s) => (
            <stop key={s.offset} offset={s.offset} stopColor={color(s.value)} />
          ))}
        </linearGradient>
      </defs>
      <rect x={layout.x.bar} y={0} width={LEGEND_BAR_PX} height={height} fill={`url(#${gradientId})`} />
      {layout.ticks.map((t) => (
        <g key={`${t.label}${t.y}`} transform={`translate(0,${t.y})`}>
          <line x1={barEnd} x2={barEnd + LEGEND_TICK_PX} className={styles.axisLine} />
          <text x={layout.x.label} dy="0.32em" className={styles.tick}>
            {t.label}
          </text>
        </g>
      ))}
      <text transform={`translate(${layout.x.title + 10},${height / 2}) rotate(-90)`} textAnchor="middle" className={styles.tick}>
        <title>{layout.fullTitle}</title>
        {layout.title}
      </text>
    </g>
  );
}
