'use client';

import { scaleLinear, scaleLog, scalePoint } from 'd3';
import { categoryTickIndices } from '../category-ticks.ts';
import { logAxisTicks } from '../log-ticks.ts';
import { useId, useMemo, useState } from 'react';
import type { ChartObjective, ChartParam, ChartTrial } from '../types.ts';
import styles from '../charts.module.css';
import { Dots } from '../dots.tsx';
import { Axes, ChartFrame, PLOT_MARGIN } from '../frame.tsx';
import { formatValue } from '../use-width.ts';
import { sliceCategories, slicePoints } from './transform.ts';

export interface SliceChartProps {
  trials: readonly ChartTrial[];
  params: readonly ChartParam[];
  objectives: readonly ChartObjective[];
  objectiveIndex: number;
  height?: number;
}

/** Objective against one parameter (picked from a list): log axis for log parameters, points for categories. */
export function SliceChart({ trials, params, objectives, objectiveIndex, height = 260 }: SliceChartProps) {
  const [picked, setPicked] = useState<string | null>(null);
  const selectId = useId();
  const param = params.find((p) => p.name === picked) ?? params[0];
  const points = useMemo(() => (param ? slicePoints(trials, param, objectiveIndex) : []), [trials, param, objectiveIndex]);
  const objective = objectives[objectiveIndex];
  const toolbar = (
    <>
      <label htmlFor={selectId} className={styles.muted}>
        Parameter
      </label>
      <select id={selectId} className={styles.select} value={param?.name ?? ''} onChange={(e) => setPicked(e.target.value)} disabled={params.length === 0}>
        {params.map((p) => (
          <option key={p.name} value={p.name}>
            {p.name}
          </option>
        ))}
      </select>
    </>
  );
  return (
    <ChartFrame height={height} toolbar={toolbar} label={`Slice of ${objective?.name ?? 'objective'} by ${param?.name ?? 'parameter'}`} empty={!param ? 'The study has no parameters.' : points.length === 0 ? 'No complete trials with this parameter yet.' : null}>
      {(width) => {
        if (!param) return null;
        const w = width - PLOT_MARGIN.left - PLOT_MARGIN.right;
        const h = height - PLOT_MARGIN.top - PLOT_MARGIN.bottom;
        const values = points.map((p) => p.value);
        const y = scaleLinear().domain([Math.min(...values), Math.max(...values)]).range([h, 0]).nice();
        let xOf: (v: unknown) => number;
        let xTicks: { pos: number; label: string }[];
        if (param.kind === 'categorical') {
          const cats = sliceCategories(param, points);
          const x = scalePoint<number>().domain(cats.map((_, i) => i)).range([0, w]).padding(0.5);
          xOf = (v) => x(cats.indexOf(v as never)) ?? 0;
          // Labels run along the axis: as many as fit (about 7 px a character and some air), every k-th category
          // past that; the dots still show all of them.
          const gap = 7 * Math.max(1, ...cats.map((c) => String(c).length)) + 12;
          xTicks = categoryTickIndices(cats.length, x.step(), gap).map((i) => ({ pos: x(i) ?? 0, label: String(cats[i]) }));
        } else {
          const nums = points.map((p) => p.x as number);
          let d0 = Math.min(param.low ?? Infinity, ...nums);
          let d1 = Math.max(param.high ?? -Infinity, ...nums);
          if (d0 === d1) [d0, d1] = param.log ? [d0 / 2, d1 * 2] : [d0 - 0.5, d1 + 0.5];
          const domain: [number, number] = [d0, d1];
          const x = param.log && domain[0] > 0 ? scaleLog().domain(domain).range([0, w]) : scaleLinear().domain(domain).range([0, w]).nice();
          xOf = (v) => x(v as number);
          // A log axis labels only its powers of ten when it spans two or more, like the parallel-coordinates axes.
          const ticks = x.ticks(6);
          xTicks = (param.log && domain[0] > 0 ? logAxisTicks(ticks, 8) : ticks).map((t) => ({ pos: x(t), label: formatValue(t) }));
        }
        return (
          <g transform={`translate(${PLOT_MARGIN.left},${PLOT_MARGIN.top})`}>
            <Axes x={xTicks} y={y.ticks(5).map((t) => ({ pos: y(t), label: formatValue(t) }))} width={w} height={h} xLabel={param.name} yLabel={objective?.name ?? ''} />
            <Dots dots={points.map((p) => ({ key: p.trialId, x: xOf(p.x), y: y(p.value), title: `#${p.number}: ${param.name}=${String(p.x)}, ${formatValue(p.value)}` }))} width={w} height={h} />
          </g>
        );
      }}
    </ChartFrame>
  );
}
