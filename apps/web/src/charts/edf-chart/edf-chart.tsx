'use client';

import { curveStepAfter, curveStepBefore, line, scaleLinear, schemeTableau10 } from 'd3';
import { useMemo } from 'react';
import type { ChartObjective } from '../types.ts';
import styles from '../charts.module.css';
import { Axes, ChartFrame, PLOT_MARGIN } from '../frame.tsx';
import { formatValue } from '../use-width.ts';
import { edfSteps, type EdfStep } from './transform.ts';

export interface EdfSeries {
  /** Shown in the legend when there is more than one series (several studies overlaid). */
  name: string;
  values: readonly number[];
}

export interface EdfChartProps {
  series: readonly EdfSeries[];
  objective: ChartObjective | undefined;
  height?: number;
}

/** Empirical distribution of the objective, one step line per series; the y axis is the fraction at least as good. */
export function EdfChart({ series, objective, height = 260 }: EdfChartProps) {
  const direction = objective?.direction ?? 'MINIMIZE';
  const steps = useMemo(() => series.map((s) => ({ name: s.name, steps: edfSteps(s.values, direction) })), [series, direction]);
  const all = steps.flatMap((s) => s.steps.map((p) => p.value));
  const legend =
    series.length > 1 ? (
      <span className={styles.legend}>
        {steps.map((s, i) => (
          <span key={s.name} style={{ color: schemeTableau10[i % 10], marginLeft: 8 }}>
            ■ {s.name}
          </span>
        ))}
      </span>
    ) : undefined;
  return (
    <ChartFrame height={height} toolbar={legend} label={`Empirical distribution of ${objective?.name ?? 'objective'}`} empty={all.length === 0 ? 'No complete trials yet.' : null}>
      {(width) => {
        const w = width - PLOT_MARGIN.left - PLOT_MARGIN.right;
        const h = height - PLOT_MARGIN.top - PLOT_MARGIN.bottom;
        let lo = Math.min(...all);
        let hi = Math.max(...all);
        if (lo === hi) [lo, hi] = [lo - 0.5, hi + 0.5];
        const x = scaleLinear().domain([lo, hi]).range([0, w]).nice();
        const y = scaleLinear().domain([0, 1]).range([h, 0]);
        const [x0, x1] = x.domain() as [number, number];
        // Minimising: 0 before the first value, each step holds until the next. Maximising: the mirror image.
        const curve = direction === 'MINIMIZE' ? curveStepAfter : curveStepBefore;
        const path = line<EdfStep>().x((p) => x(p.value)).y((p) => y(p.fraction)).curve(curve);
        const padded = (s: EdfStep[]): EdfStep[] =>
          direction === 'MINIMIZE' ? [{ value: x0, fraction: 0 }, ...s, { value: x1, fraction: 1 }] : [{ value: x0, fraction: 1 }, ...s, { value: x1, fraction: 0 }];
        return (
          <g transform={`translate(${PLOT_MARGIN.left},${PLOT_MARGIN.top})`}>
            <Axes x={x.ticks(6).map((t) => ({ pos: x(t), label: formatValue(t) }))} y={y.ticks(5).map((t) => ({ pos: y(t), label: formatValue(t) }))} width={w} height={h} xLabel={objective?.name ?? ''} yLabel={direction === 'MINIMIZE' ? 'fraction ≤ value' : 'fraction ≥ value'} />
            {steps.map((s, i) => (
              <path key={s.name} d={path(padded(s.steps)) ?? ''} fill="none" strokeWidth={1.5} stroke={series.length > 1 ? schemeTableau10[i % 10] : 'var(--accent)'} />
            ))}
          </g>
        );
      }}
    </ChartFrame>
  );
}
