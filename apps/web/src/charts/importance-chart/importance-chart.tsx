'use client';

import { scaleLinear } from 'd3';
import { useMemo } from 'react';
import styles from '../charts.module.css';
import { ChartFrame } from '../frame.tsx';
import { rankImportances } from './transform.ts';
import type { Importance } from './transform.ts';

export interface ImportanceChartProps {
  importances: readonly Importance[];
  height?: number;
}

const ROW = 22;

/** Parameter importance as horizontal bars, largest first, labelled with each one's share. */
export function ImportanceChart({ importances, height = 260 }: ImportanceChartProps) {
  const ranked = useMemo(() => rankImportances(importances), [importances]);
  const shown = ranked.slice(0, Math.max(1, Math.floor((height - 8) / ROW)));
  return (
    <ChartFrame height={height} label="Parameter importance" empty={ranked.length === 0 ? 'Not enough complete trials to rank parameters.' : null}>
      {(width) => {
        const labelW = 120;
        const x = scaleLinear().domain([0, Math.max(...shown.map((r) => r.share), 1e-9)]).range([0, Math.max(0, width - labelW - 56)]);
        return (
          <g transform="translate(0,4)">
            {shown.map((r, i) => (
              <g key={r.name} transform={`translate(0,${i * ROW})`}>
                <text x={labelW - 8} y={ROW / 2} dy="0.32em" textAnchor="end" className={styles.tick}>
                  {r.name}
                </text>
                <rect x={labelW} y={3} width={x(r.share)} height={ROW - 6} className={styles.bar} rx={2} />
                <text x={labelW + x(r.share) + 6} y={ROW / 2} dy="0.32em" className={styles.tick}>
                  {`${(r.share * 100).toFixed(1)}%`}
                </text>
              </g>
            ))}
          </g>
        );
      }}
    </ChartFrame>
  );
}
