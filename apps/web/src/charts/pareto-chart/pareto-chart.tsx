'use client';

import { line, scaleLinear } from 'd3';
import { useMemo } from 'react';
import type { ChartObjective, ChartTrial } from '../types.ts';
import styles from '../charts.module.css';
import { DOTS_CANVAS_THRESHOLD, Dots } from '../dots.tsx';
import { Axes, ChartFrame, PLOT_MARGIN } from '../frame.tsx';
import { formatValue } from '../use-width.ts';
import { paretoFront, paretoPoints } from './transform.ts';

export interface ParetoChartProps {
  trials: readonly ChartTrial[];
  objectives: readonly ChartObjective[];
  onSelectTrial: (trialId: string) => void;
  height?: number;
}

/** The first two objectives as a scatter with the Pareto front highlighted; points are buttons that select their trial. */
export function ParetoChart({ trials, objectives, onSelectTrial, height = 300 }: ParetoChartProps) {
  const points = useMemo(() => paretoPoints(trials), [trials]);
  const front = useMemo(() => paretoFront(points, objectives), [points, objectives]);
  const onFront = useMemo(() => new Set(front.map((p) => p.trialId)), [front]);
  // Drawn before the front so the front sits on top.
  const dominated = useMemo(() => points.filter((p) => !onFront.has(p.trialId)), [points, onFront]);
  const [ox, oy] = objectives;
  const empty = objectives.length < 2 ? 'The Pareto front needs two objectives.' : points.length === 0 ? 'No complete trials yet.' : null;
  return (
    <ChartFrame height={height} label="Pareto front" empty={empty}>
      {(width) => {
        const w = width - PLOT_MARGIN.left - PLOT_MARGIN.right;
        const h = height - PLOT_MARGIN.top - PLOT_MARGIN.bottom;
        const xs = points.map((p) => p.x);
        const ys = points.map((p) => p.y);
        const x = scaleLinear().domain([Math.min(...xs), Math.max(...xs)]).range([0, w]).nice();
        const y = scaleLinear().domain([Math.min(...ys), Math.max(...ys)]).range([h, 0]).nice();
        const frontPath = line<{ x: number; y: number }>().x((p) => x(p.x)).y((p) => y(p.y))(front) ?? '';
        const activate = (id: string) => () => onSelectTrial(id);
        return (
          <g transform={`translate(${PLOT_MARGIN.left},${PLOT_MARGIN.top})`}>
            <Axes x={x.ticks(6).map((t) => ({ pos: x(t), label: formatValue(t) }))} y={y.ticks(5).map((t) => ({ pos: y(t), label: formatValue(t) }))} width={w} height={h} xLabel={ox?.name ?? ''} yLabel={oy?.name ?? ''} />
            <path d={frontPath} className={styles.bestLine} strokeDasharray="4 3" />
            {/* Dominated points: a canvas when there are thousands (then only the front's points are clickable). */}
            {dominated.length > DOTS_CANVAS_THRESHOLD && <Dots dots={dominated.map((p) => ({ key: p.trialId, x: x(p.x), y: y(p.y), title: '' }))} width={w} height={h} opacity={0.35} />}
            {[...(dominated.length > DOTS_CANVAS_THRESHOLD ? [] : dominated), ...front].map((p) => {
              const isFront = onFront.has(p.trialId);
              return (
                <circle
                  key={p.trialId}
                  cx={x(p.x)}
                  cy={y(p.y)}
                  r={isFront ? 5 : 3}
                  className={isFront ? styles.front : styles.dot}
                  fillOpacity={isFront ? 1 : 0.35}
                  style={{ cursor: 'pointer' }}
                  role="button"
                  tabIndex={isFront ? 0 : -1}
                  aria-label={`Trial ${p.number}: ${ox?.name} ${formatValue(p.x)}, ${oy?.name} ${formatValue(p.y)}${isFront ? ' (Pareto optimal)' : ''}`}
                  onClick={activate(p.trialId)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      onSelectTrial(p.trialId);
                    }
                  }}
                >
                  <title>{`#${p.number}: ${formatValue(p.x)}, ${formatValue(p.y)}`}</title>
                </circle>
              );
            })}
          </g>
        );
      }}
    </ChartFrame>
  );
}
