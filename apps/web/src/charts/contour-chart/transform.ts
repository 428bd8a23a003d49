import { scaleLinear } from 'd3';
import type { ChartObjective, ChartParam, ChartTrial } from '../types.ts';
import { formatValue } from '../use-width.ts';

/** Grid cells per side: 48 × 48 keeps inverse-distance weighting of thousands of trials well under a frame. */
export const DEFAULT_GRID_SIZE = 48;
/** Work budget of one interpolation (cells × samples): about 40 ms on a busy laptop core, measured with 2,000 trials at 48 × 48. */
export const IDW_WORK_BUDGET = DEFAULT_GRID_SIZE * DEFAULT_GRID_SIZE * 2_000;
/** Coarsest grid offered, however many trials: coarser contours stop reading as a surface. */
export const MIN_GRID_SIZE = 16;

/** Cells per side for `samples` trials: the default, coarsened so that a live study of 10,000 trials still redraws quickly. */
export function gridSizeFor(samples: number): number {
  const fit = Math.floor(Math.sqrt(IDW_WORK_BUDGET / Math.max(samples, 1)));
  return Math.max(MIN_GRID_SIZE, Math.min(DEFAULT_GRID_SIZE, fit));
}

/** Inverse-distance weighting's exponent: 2 is Shepard's usual choice (smooth, still local). */
export const DEFAULT_IDW_POWER = 2;

export interface ContourPoint {
  trialId: string;
  number: number;
  x: number;
  y: number;
  value: number;
}

export type AxisScaleKind = 'log' | 'linear';

/** Only numeric parameters have a position on a contour axis. */
export const contourParams = (params: readonly ChartParam[]): ChartParam[] => params.filter((p) => p.kind !== 'categorical');

/** A log axis when the space says log and every value is positive (a log scale has no place for 0 or less). */
export function axisScaleKind(param: ChartParam, values: readonly number[]): AxisScaleKind {
  return param.log && values.every((v) => v > 0) && (param.low === undefined || param.low > 0) ? 'log' : 'linear';
}

/** The axis extent: the space's bounds widened to every value seen; a single value is widened so the axis has length. */
export function axisDomain(param: ChartParam, values: readonly number[], kind: AxisScaleKind): [number, number] {
  let lo = Math.min(param.low ?? Infinity, ...values);
  let hi = Math.max(param.high ?? -Infinity, ...values);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return kind === 'log' ? [1, 10] : [0, 1];
  if (lo === hi) [lo, hi] = kind === 'log' ? [lo / 2, hi * 2] : [lo - 0.5, hi + 0.5];
  return [lo, hi];
}

/** One point per complete trial with both parameters numeric (positive on a log parameter) and a finite objective. */
export function contourPoints(trials: readonly ChartTrial[], px: ChartParam, py: ChartParam, objectiveIndex: number): ContourPoint[] {
  const out: ContourPoint[] = [];
  for (const t of trials) {
    if (t.state !== 'COMPLETE') continue;
    const x = t.params[px.name];
    const y = t.params[py.name];
    const v = t.values?.[objectiveIndex];
    if (typeof x !== 'number' || typeof y !== 'number' || typeof v !== 'number' || !Number.isFinite(v)) continue;
    if ((px.log && x <= 0) || (py.log && y <= 0)) continue;
    out.push({ trialId: t.id, number: t.number, x, y, value: v });
  }
  return out;
}

/** Maps a value into [0, 1] along an axis, in log space for a log axis, so distances match what the eye sees. */
export function unitPosition(value: number, domain: readonly [number, number], kind: AxisScaleKind): number {
  const f = kind === 'log' ? Math.log10 : (v: number) => v;
  const a = f(domain[0]);
  const b = f(domain[1]);
  return b === a ? 0.5 : (f(value) - a) / (b - a);
}

export interface UnitSample {
  u: number;
  v: number;
  value: number;
}

/**
 * Inverse-distance weighting (Shepard 1968) of scattered samples in the unit square onto an `nx × ny` grid.
 * Cell (i, j) is centred at u = (i + 0.5) / nx and v = 1 − (j + 0.5) / ny: row 0 is the top, as on screen and as
 * d3-contour expects. Returns values row-major; a cell on top of a sample takes that sample's value.
 */
export function idwGrid(samples: readonly UnitSample[], nx: number, ny: number, power = DEFAULT_IDW_POWER): Float64Array {
  if (!Number.isInteger(nx) || !Number.isInteger(ny) || nx < 1 || ny < 1) throw new Error(`Grid size must be positive integers, got nx=${nx}, ny=${ny}`);
  const grid = new Float64Array(nx * ny);
  if (samples.length === 0) return grid.fill(Number.NaN);
  for (let j = 0; j < ny; j++) {
    const v = 1 - (j + 0.5) / ny;
    for (let i = 0; i < nx; i++) {
      const u = (i + 0.5) / nx;
      let num = 0;
      let den = 0;
      let exact: number | null = null;
      for (const s of samples) {
        const d2 = (s.u - u) ** 2 + (s.v - v) ** 2;
        if (d2 < 1e-18) {
          exact = s.value;
          break;
        }
        const w = power === 2 ? 1 / d2 : 1 / d2 ** (power / 2);
        num += w * s.value;
        den += w;
      }
      grid[j * nx + i] = exact ?? num / den;
    }
  }
  return grid;
}

/** The colour scale's domain ordered [worst, best] for the objective's direction, so "good" is always the same end. */
export function colorDomain(values: readonly number[], direction: ChartObjective['direction']): [number, number] {
  if (values.length === 0) return [0, 1];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return direction === 'MINIMIZE' ? [hi, lo] : [lo, hi];
}

/** Width of a character of a tick label (10 px), for laying the legend out without measuring text. */
export const LEGEND_CHAR_PX = 6;
/** The colour bar: its gap from the plot, its own width, and its tick marks. */
export const LEGEND_GAP_PX = 14;
export const LEGEND_BAR_PX = 10;
export const LEGEND_TICK_PX = 4;
/** Room of the title's line (rotated, beside the labels). */
export const LEGEND_TITLE_PX = 14;
/** An interior tick closer than this to a labelled end would print over the end's label (10 px text). */
export const LEGEND_MIN_TICK_GAP_PX = 12;

export interface ColorLegendLayout {
  /** The objective and its direction, cut with an ellipsis to the bar's height; `fullTitle` goes in its tooltip. */
  title: string;
  fullTitle: string;
  /** Lowest and highest value seen: the bar's bottom and top, like a y axis. */
  domain: [number, number];
  /** Pixel y (0 = top of the bar) and label of each tick, top to bottom: the exact highest and lowest values, and round ones between. */
  ticks: { y: number; value: number; label: string }[];
  /** Gradient stops from the bottom (offset 0) to the top (offset 1), each with the value whose colour it takes. */
  stops: { offset: number; value: number }[];
  /** Where the bar, the tick labels and the title start, right of the plot's edge. */
  x: { bar: number; label: number; title: number };
  /** The room the legend takes right of the plot. */
  width: number;
}

/**
 * The contour's colour scale as a vertical bar beside the plot, `height` pixels tall: the colours of the
 * objective's values (the same values `colorDomain` spans), labelled with the lowest and highest exactly and a few
 * round values between, and titled with the objective and whether it is minimised or maximised. Null without values.
 */
export function colorLegendLayout(values: readonly number[], objective: ChartObjective, height: number): ColorLegendLayout | null {
  if (values.length === 0) return null;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const tick = (value: number, y: number) => ({ y, value, label: formatValue(value) });
  let ticks: ColorLegendLayout['ticks'];
  if (lo === hi) ticks = [tick(lo, height / 2)];
  else {
    const y = scaleLinear().domain([lo, hi]).range([height, 0]);
    const between = y
      .ticks(4)
      .reverse()
      .filter((v) => y(v) >= LEGEND_MIN_TICK_GAP_PX && y(v) <= height - LEGEND_MIN_TICK_GAP_PX)
      .map((v) => tick(v, y(v)));
    ticks = [tick(hi, 0), ...between, tick(lo, height)];
  }
  const stops = [0, 0.25, 0.5, 0.75, 1].map((offset) => ({ offset, value: lo + offset * (hi - lo) }));
  const fullTitle = `${objective.name} (${objective.direction === 'MINIMIZE' ? 'min' : 'max'})`;
  const room = Math.max(3, Math.floor(height / LEGEND_CHAR_PX));
  const title = fullTitle.length <= room ? fullTitle : `${fullTitle.slice(0, room - 1)}…`;
  const labelChars = Math.max(...ticks.map((t) => t.label.length));
  const bar = LEGEND_GAP_PX;
  const label = bar + LEGEND_BAR_PX + LEGEND_TICK_PX + 2;
  const titleX = label + labelChars * LEGEND_CHAR_PX + 4;
  return { title, fullTitle, domain: [lo, hi], ticks, stops, x: { bar, label, title: titleX }, width: titleX + LEGEND_TITLE_PX };
}
