'use client';

import { useRef } from 'react';
import type { ReactNode } from 'react';
import styles from './charts.module.css';
import { useWidth } from './use-width.ts';

export const PLOT_MARGIN = { top: 12, right: 16, bottom: 36, left: 56 };

/** Fixed-height box that measures its width, shows `empty` instead of the plot when set, and never changes size. */
export function ChartFrame({ height, empty, label, toolbar, children }: { height: number; empty: string | null; label: string; toolbar?: ReactNode; children: (width: number) => ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref);
  return (
    <div ref={ref} className={styles.chart} style={{ height: height + (toolbar ? 28 : 0) }}>
      {toolbar && <div className={styles.toolbar}>{toolbar}</div>}
      {empty !== null ? (
        <div className={styles.empty} style={{ height }}>
          {empty}
        </div>
      ) : (
        <svg width={width} height={height} role="img" aria-label={label}>
          {width > 0 && children(width)}
        </svg>
      )}
    </div>
  );
}

/** Left and bottom axes rendered by React from d3 tick lists. */
export function Axes({ x, y, width, height, xLabel, yLabel }: { x: { pos: number; label: string }[]; y: { pos: number; label: string }[]; width: number; height: number; xLabel: string; yLabel: string }) {
  return (
    <g>
      {y.map((t) => (
        <g key={`y${t.label}${t.pos}`} transform={`translate(0,${t.pos})`}>
          <line x2={width} className={styles.gridLine} />
          <text x={-6} dy="0.32em" textAnchor="end" className={styles.tick}>
            {t.label}
          </text>
        </g>
      ))}
      {x.map((t) => (
        <g key={`x${t.label}${t.pos}`} transform={`translate(${t.pos},${height})`}>
          <line y2={4} className={styles.axisLine} />
          <text y={16} textAnchor="middle" className={styles.tick}>
            {t.label}
          </text>
        </g>
      ))}
      <line x2={width} y1={height} y2={height} className={styles.axisLine} />
      <line y2={height} className={styles.axisLine} />
      <text x={width / 2} y={height + 32} textAnchor="middle" className={styles.tick}>
        {xLabel}
      </text>
      <text transform={`translate(${-44},${height / 2}) rotate(-90)`} textAnchor="middle" className={styles.tick}>
        {yLabel}
      </text>
    </g>
  );
}
