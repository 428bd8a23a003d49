'use client';

import { useId } from 'react';
import type { ChartObjective } from '../types.ts';
import styles from '../charts.module.css';

/** The colour scale of the lines: the objective's worst value on the left, its best on the right. */
export function ColorLegend({
  objective,
  domain,
  interpolate,
}: {
  objective: ChartObjective;
  domain: readonly [number, number];
  interpolate: (t: number) => string;
}) {
  // Unique per instance: two plots on a page must not share one gradient id.
  const legendId = `pc-legend-${useId().replace(/:/g, '')}`;
  const [left, right] = objective.direction === 'MINIMIZE' ? [domain[1], domain[0]] : [domain[0], domain[1]];
  return (
    <svg width={180} height={20} className={styles.legend} aria-label={`Colour: ${objective.name}`}>
      <defs>
        <linearGradient id={legendId}>
          {[0, 0.25, 0.5, 0.75, 1].map((t) => (
            <stop key={t} offset={t} stopColor={interpolate(t)} />
          ))}
        </linearGradient>
      </defs>
      <text x={0} y={14} className={styles.tick}>
        {formatLegend(left)}
      </text>
      <rect x={44} y={5} width={92} height={10} fill={`url(#${legendId})`} />
      <text x={140} y={14} className={styles.tick}>
        {formatLegend(right)}
      </text>
    </svg>
  );
}

function formatLegend(v: number): string {
  return Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(1) : String(Number(v.toPrecision(3)));
}
