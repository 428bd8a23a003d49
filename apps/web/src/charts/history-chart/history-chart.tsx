'use client';

import { line, curveStepAfter, scaleLinear } from 'd3';
import { useMemo } from 'react';
import type { ChartObjective, ChartTrial } from '../types.ts';
import styles from '../charts.module.css';
import { Dots } from '../dots.tsx';
import { Axes, ChartFrame, PLOT_MARGIN } from '../frame.tsx';
import { formatValue } from '../use-width.ts';
import { bestSoFar, historyPoints } from './transform.ts';

export interface HistoryChartProps {
  trials: readonly ChartTrial[];
  objectives: readonly ChartObjective[];
  objectiveIndex: number;
  height?: number;
}

/** Optimisation history: each complete trial's value as a dot and the best so far as a step line. */
export function HistoryChart({ trials, objectives, objectiveIndex, height = 260 }: HistoryChartProps) {
  const objective = objectives[objectiveIndex];
  const points = useMemo(() => historyPoints(trials, objectiveIndex), [trials, objectiveIndex]);
  const best = useMemo(() => (objective ? bestSoFar(points, objective.direction) : []), [points, objective]);
  return (
    <ChartFrame height={height} label={`Optimisation history of ${objective?.name ?? 'objective'}`} empty={points.length === 0 ? 'No complete trials yet.' : null}>
      {(width) => {
        const w = width - PLOT_MARGIN.left - PLOT_MARGIN.right;
        const h = height - PLOT_MARGIN.top - PLOT_MARGIN.bottom;
        const numbers = points.map((p) => p.number);
        const values = points.map((p) => p.value);
        const x = scaleLinear().domain([Math.min(...numbers), Math.max(...numbers, Math.min(...numbers) + 1)]).range([0, w]).nice();
        const y = scaleLinear().domain([Math.min(...values), Math.max(...values)]).range([h, 0]).nice();
        const path = line<{ number: number; value: number }>().x((p) => x(p.number)).y((p) => y(p.value)).curve(curveStepAfter)(best) ?? '';
        return (
          <g transform={`translate(${PLOT_MARGIN.left},${PLOT_MARGIN.top})`}>
            <Axes x={x.ticks(6).map((t) => ({ pos: x(t), label: String(t) }))} y={y.ticks(5).map((t) => ({ pos: y(t), label: formatValue(t) }))} width={w} height={h} xLabel="trial" yLabel={objective?.name ?? ''} />
            <Dots dots={points.map((p) => ({ key: p.trialId, x: x(p.number), y: y(p.value), title: `#${p.number}: ${formatValue(p.value)}` }))} width={w} height={h} />
            <path d={path} className={styles.bestLine} />
          </g>
        );
      }}
    </ChartFrame>
  );
}
