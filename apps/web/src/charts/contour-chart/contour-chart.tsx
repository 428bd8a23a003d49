'use client';

import { contours, geoPath, geoTransform, interpolateViridis, scaleLinear, scaleLog, scaleSequential } from 'd3';
import { logAxisTicks } from '../log-ticks.ts';
import { useId, useMemo, useState } from 'react';
import type { ChartObjective, ChartParam, ChartTrial } from '../types.ts';
import styles from '../charts.module.css';
import { Dots } from '../dots.tsx';
import { Axes, ChartFrame, PLOT_MARGIN } from '../frame.tsx';
import { formatValue } from '../use-width.ts';
import { ColorBar } from './color-bar.tsx';
import { axisDomain, axisScaleKind, colorDomain, colorLegendLayout, contourParams, contourPoints, gridSizeFor, idwGrid, unitPosition, type AxisScaleKind } from './transform.ts';

export interface ContourChartProps {
  trials: readonly ChartTrial[];
  params: readonly ChartParam[];
  objectives: readonly ChartObjective[];
  objectiveIndex: number;
  height?: number;
}

/** Interpolation needs a few points to show more than one colour. */
const MIN_POINTS = 3;
/** Colour bands of the filled contours. */
const THRESHOLDS = 10;

function axis(param: ChartParam, values: number[], kind: AxisScaleKind, range: [number, number]) {
  const domain = axisDomain(param, values, kind);
  const scale = kind === 'log' ? scaleLog().domain(domain).range(range) : scaleLinear().domain(domain).range(range);
  // A log axis labels only its powers of ten when it spans two or more, like the slice chart.
  const ticks = scale.ticks(6);
  return { domain, scale, ticks: (kind === 'log' ? logAxisTicks(ticks, 8) : ticks).map((t) => ({ pos: scale(t), label: formatValue(t) })) };
}

function ParamSelect({ label, value, params, onChange }: { label: string; value: string; params: readonly ChartParam[]; onChange: (name: string) => void }) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className={styles.muted}>
        {label}
      </label>
      <select id={id} className={styles.select} value={value} onChange={(e) => onChange(e.target.value)} disabled={params.length < 2}>
        {params.map((p) => (
          <option key={p.name} value={p.name}>
            {p.name}
          </option>
        ))}
      </select>
    </>
  );
}

/** Objective as colour over two numeric parameters: inverse-distance-weighted contours with the trials drawn on top. */
export function ContourChart({ trials, params, objectives, objectiveIndex, height = 280 }: ContourChartProps) {
  const numeric = useMemo(() => contourParams(params), [params]);
  const [pickedX, setPickedX] = useState<string | null>(null);
  const [pickedY, setPickedY] = useState<string | null>(null);
  const px = numeric.find((p) => p.name === pickedX) ?? numeric[0];
  const py = numeric.find((p) => p.name === pickedY && p !== px) ?? numeric.find((p) => p !== px);
  const objective = objectives[objectiveIndex];
  const points = useMemo(() => (px && py ? contourPoints(trials, px, py, objectiveIndex) : []), [trials, px, py, objectiveIndex]);
  const layout = useMemo(() => {
    if (!px || !py || points.length === 0) return null;
    const xKind = axisScaleKind(px, points.map((p) => p.x));
    const yKind = axisScaleKind(py, points.map((p) => p.y));
    const xDomain = axisDomain(px, points.map((p) => p.x), xKind);
    const yDomain = axisDomain(py, points.map((p) => p.y), yKind);
    const samples = points.map((p) => ({ u: unitPosition(p.x, xDomain, xKind), v: unitPosition(p.y, yDomain, yKind), value: p.value }));
    const size = gridSizeFor(samples.length);
    const grid = points.length >= MIN_POINTS ? idwGrid(samples, size, size) : null;
    const bands = grid ? contours().size([size, size]).thresholds(THRESHOLDS)(Array.from(grid)) : [];
    return { xKind, yKind, bands, size };
  }, [px, py, points]);
  const toolbar = (
    <>
      <ParamSelect label="x" value={px?.name ?? ''} params={numeric} onChange={setPickedX} />
      <ParamSelect label="y" value={py?.name ?? ''} params={numeric.filter((p) => p !== px)} onChange={setPickedY} />
    </>
  );
  const empty = !px || !py ? 'A contour needs two numeric parameters.' : points.length === 0 ? 'No complete trials with both parameters yet.' : null;
  return (
    <ChartFrame height={height} toolbar={toolbar} label={`Contour of ${objective?.name ?? 'objective'} over ${px?.name ?? 'x'} and ${py?.name ?? 'y'}`} empty={empty}>
      {(width) => {
        if (!px || !py || !layout) return null;
        const h = height - PLOT_MARGIN.top - PLOT_MARGIN.bottom;
        const legend = objective ? colorLegendLayout(points.map((p) => p.value), objective, h) : null;
        // The colour bar takes its room from the plot, right of it.
        const w = width - PLOT_MARGIN.left - Math.max(PLOT_MARGIN.right, legend?.width ?? 0);
        const x = axis(px, points.map((p) => p.x), layout.xKind, [0, w]);
        const y = axis(py, points.map((p) => p.y), layout.yKind, [h, 0]);
        const color = scaleSequential(interpolateViridis).domain(colorDomain(points.map((p) => p.value), objective?.direction ?? 'MINIMIZE'));
        // Grid units to pixels: the grid's cells span the plot exactly.
        const path = geoPath(
          geoTransform({
            point(gx, gy) {
              this.stream.point((gx / layout.size) * w, (gy / layout.size) * h);
            },
          }),
        );
        return (
          <g transform={`translate(${PLOT_MARGIN.left},${PLOT_MARGIN.top})`}>
            <g>
              {layout.bands.map((b) => (
                <path key={b.value} d={path(b) ?? ''} fill={color(b.value)} stroke="none" />
              ))}
            </g>
            <Axes x={x.ticks} y={y.ticks} width={w} height={h} xLabel={px.name} yLabel={py.name} />
            <Dots
              dots={points.map((p) => ({
                key: p.trialId,
                x: x.scale(p.x),
                y: y.scale(p.y),
                fill: color(p.value),
                title: `#${p.number}: ${px.name}=${formatValue(p.x)}, ${py.name}=${formatValue(p.y)}, ${objective?.name ?? 'value'}=${formatValue(p.value)}`,
              }))}
              width={w}
              height={h}
              opacity={1}
              className={styles.contourDot}
            />
            {legend && <ColorBar layout={legend} color={color} x={w} height={h} />}
          </g>
        );
      }}
    </ChartFrame>
  );
}
