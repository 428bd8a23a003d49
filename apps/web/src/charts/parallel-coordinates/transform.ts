import { extent, scaleLinear, scaleLog, scalePoint, scaleSequential, interpolateViridis } from 'd3';
import { categoryTickIndices } from '../category-ticks.ts';
import { logAxisTicks } from '../log-ticks.ts';
import { axisAccessor, brushTest } from '../brush.ts';
import { objectiveAxisKey, paramAxisKey } from '../types.ts';
import type { AxisKey, AxisSelection, Brush, ChartObjective, ChartParam, ChartTrial, ParamValue } from '../types.ts';

export type AxisType = 'linear' | 'log' | 'categorical';

export interface AxisDef {
  key: AxisKey;
  label: string;
  type: AxisType;
  /** Numeric axes: [low, high] in data units. */
  domain: [number, number];
  /** Categorical axes: the choices, bottom to top. */
  categories: ParamValue[];
  /** Some trial lacks a value here (conditional parameter, running trial): draw the "missing" tick. */
  hasMissing: boolean;
}

/** A brush edge this close to an axis end counts as reaching it. */
const EDGE_PX = 0.5;

/** Pixels between an axis' bottom and its "missing" tick. */
export const MISSING_GAP = 18;
/**
 * The "missing" label hangs this far below its tick, in a band of its own: lines end at the tick, so none crosses
 * the label (beside the tick, as it was, the lines from the left ran through it), and no tick label is that low.
 */
export const MISSING_LABEL_DY = 4;
/** Height of the band the label takes (one line of 10 px text). */
export const MISSING_LABEL_HEIGHT = 11;

/** The chart's margins round the axes: titles and buttons above, the "missing" tick and its label below. */
export const PC_MARGIN = { top: 56, right: 60, bottom: 34 + MISSING_GAP, left: 60 };

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function numericDomain(values: number[], low?: number, high?: number): [number, number] {
  const [dataLo, dataHi] = extent(values);
  // Trials inherited from a parent or enqueued by hand may sit outside the declared bounds: widen to show them.
  let lo = Math.min(low ?? Infinity, dataLo ?? Infinity);
  let hi = Math.max(high ?? -Infinity, dataHi ?? -Infinity);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (lo === hi) {
    const pad = lo === 0 ? 0.5 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  return [lo, hi];
}

/** Every axis of the study: one per parameter, then one per objective. */
export function buildAxes(trials: readonly ChartTrial[], params: readonly ChartParam[], objectives: readonly ChartObjective[]): AxisDef[] {
  const axes: AxisDef[] = [];
  for (const p of params) {
    const key = paramAxisKey(p.name);
    let hasMissing = false;
    if (p.kind === 'categorical') {
      const categories: ParamValue[] = [...(p.choices ?? [])];
      const known = new Set<ParamValue>(categories);
      for (const t of trials) {
        const v = t.params[p.name];
        if (v === undefined) hasMissing = true;
        else if (!known.has(v)) {
          known.add(v);
          categories.push(v);
        }
      }
      axes.push({ key, label: p.name, type: 'categorical', domain: [0, Math.max(0, categories.length - 1)], categories, hasMissing });
      continue;
    }
    const values: number[] = [];
    for (const t of trials) {
      const v = t.params[p.name];
      if (finite(v)) values.push(v);
      else hasMissing = true;
    }
    const domain = numericDomain(p.log ? values.filter((v) => v > 0) : values, p.low, p.high);
    const log = p.log && domain[0] > 0;
    axes.push({ key, label: p.name, type: log ? 'log' : 'linear', domain, categories: [], hasMissing });
  }
  objectives.forEach((o, i) => {
    const values: number[] = [];
    let hasMissing = false;
    for (const t of trials) {
      const v = t.values?.[i];
      if (finite(v)) values.push(v);
      else hasMissing = true;
    }
    axes.push({ key: objectiveAxisKey(i), label: `${o.name} (${o.direction === 'MINIMIZE' ? 'min' : 'max'})`, type: 'linear', domain: numericDomain(values), categories: [], hasMissing });
  });
  return axes;
}

/** The axes to draw: `order` first (unknown keys ignored), then the rest in their natural order, minus hidden ones. */
export function visibleAxes(axes: readonly AxisDef[], order: readonly AxisKey[] | undefined, hidden: readonly AxisKey[] | undefined): AxisDef[] {
  const byKey = new Map(axes.map((a) => [a.key, a]));
  const hiddenSet = new Set(hidden ?? []);
  const out: AxisDef[] = [];
  const seen = new Set<AxisKey>();
  for (const key of [...(order ?? []), ...axes.map((a) => a.key)]) {
    const a = byKey.get(key);
    if (a === undefined || seen.has(key)) continue;
    seen.add(key);
    if (!hiddenSet.has(key)) out.push(a);
  }
  return out;
}

/** Moves `key` by `delta` places within `keys` (clamped), returning a new list. */
export function moveAxis(keys: readonly AxisKey[], key: AxisKey, delta: number): AxisKey[] {
  const from = keys.indexOf(key);
  if (from < 0) return keys.slice();
  const to = Math.max(0, Math.min(keys.length - 1, from + delta));
  const out = keys.slice();
  out.splice(from, 1);
  out.splice(to, 0, key);
  return out;
}

export interface AxisScale {
  /** Pixel y of a value; null when the trial lacks it (drawn at the "missing" tick). */
  y(value: ParamValue | undefined): number | null;
  /** The selection a brush from y0 (top) to y1 (bottom) makes on this axis. */
  selectionFromPixels(y0: number, y1: number): AxisSelection;
  /** Where to draw an existing selection, or null when it is off the axis. */
  pixelsFromSelection(selection: AxisSelection): [number, number] | null;
  ticks: { y: number; label: string }[];
}

const formatNumber = (v: number): string => {
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return v.toExponential(0);
  return String(Number(v.toPrecision(3)));
};

/** A log axis labels only its powers of ten (1e-4, 1e-3…) when it spans at least two of them. */
function numericTicks(ticks: number[], log: boolean): number[] {
  return log ? logAxisTicks(ticks) : ticks;
}

/** Fewest pixels between two labelled categories of an axis (a tick label's line height and a little air). */
export const CATEGORY_TICK_GAP_PX = 12;

export function axisScale(axis: AxisDef, height: number): AxisScale {
  if (axis.type === 'categorical') {
    const index = new Map(axis.categories.map((c, i) => [c, i]));
    const point = scalePoint<number>().domain(axis.categories.map((_, i) => i)).range([height, 0]).padding(0.5);
    const at = (i: number): number => point(i) ?? height / 2;
    const step = point.step();
    return {
      y(value) {
        if (value === undefined) return null;
        const i = index.get(value);
        return i === undefined ? null : at(i);
      },
      selectionFromPixels(y0, y1) {
        return { kind: 'set', values: axis.categories.filter((_, i) => at(i) >= y0 && at(i) <= y1) };
      },
      pixelsFromSelection(selection) {
        if (selection.kind !== 'set') return null;
        const ys = selection.values.flatMap((v) => {
          const i = index.get(v);
          return i === undefined ? [] : [at(i)];
        });
        if (ys.length === 0) return null;
        return [Math.max(0, Math.min(...ys) - step / 2), Math.min(height, Math.max(...ys) + step / 2)];
      },
      ticks: categoryTickIndices(axis.categories.length, step, CATEGORY_TICK_GAP_PX).map((i) => ({ y: at(i), label: String(axis.categories[i]) })),
    };
  }
  const scale = axis.type === 'log' ? scaleLog().domain(axis.domain).range([height, 0]) : scaleLinear().domain(axis.domain).range([height, 0]);
  const valid = (v: unknown): v is number => finite(v) && (axis.type !== 'log' || v > 0);
  return {
    y: (value) => (valid(value) ? scale(value) : null),
    // A brush that reaches an end of the axis is open on that side: live trials keep widening the domain, and
    // "the top of val_accuracy" must keep the best trials, including ones better than the domain held when drawn.
    selectionFromPixels: (y0, y1) => ({
      kind: 'range',
      low: y1 >= height - EDGE_PX ? -Infinity : scale.invert(y1),
      high: y0 <= EDGE_PX ? Infinity : scale.invert(y0),
    }),
    pixelsFromSelection(selection) {
      if (selection.kind !== 'range') return null;
      const top = Math.max(0, valid(selection.high) ? scale(selection.high) : 0);
      const bottom = Math.min(height, valid(selection.low) ? scale(selection.low) : height);
      return top <= bottom ? [top, bottom] : null;
    },
    ticks: numericTicks(scale.ticks(5), axis.type === 'log').map((t) => ({ y: scale(t), label: formatNumber(t) })),
  };
}

export interface Projection {
  /** Pixel x of each visible axis. */
  xs: number[];
  /** Pixel y per trial per axis, row-major: ys[trial * axes + axis]; missing values sit at `missingY`. */
  ys: Float32Array;
  axisCount: number;
  missingY: number;
}

/**
 * Pixel coordinates of every trial on every visible axis, computed once per data/layout change so a brush
 * only has to redraw the canvas, never to rescale.
 */
export function projectTrials(trials: readonly ChartTrial[], axes: readonly AxisDef[], scales: readonly AxisScale[], width: number, height: number): Projection {
  const n = axes.length;
  const xs = axes.map((_, i) => (n <= 1 ? width / 2 : (i * width) / (n - 1)));
  const ys = new Float32Array(trials.length * n);
  const missingY = height + MISSING_GAP;
  for (let a = 0; a < n; a++) {
    const axis = axes[a] as AxisDef;
    const scale = scales[a] as AxisScale;
    const value = axisAccessor(axis.key);
    for (let t = 0; t < trials.length; t++) {
      const y = scale.y(value(trials[t] as ChartTrial));
      ys[t * n + a] = y ?? missingY;
    }
  }
  return { xs, ys, axisCount: n, missingY };
}

/** 1 for trials inside every brush, 0 for the others; all 1 with no brush. */
export function brushMask(trials: readonly ChartTrial[], brush: Brush): Uint8Array {
  const test = brushTest(brush);
  if (test === null) return new Uint8Array(trials.length).fill(1);
  const mask = new Uint8Array(trials.length);
  for (let i = 0; i < trials.length; i++) mask[i] = test(trials[i] as ChartTrial) ? 1 : 0;
  return mask;
}

/** Number of colours lines are grouped into, so the canvas strokes one path per colour instead of one per trial. */
export const COLOR_BUCKETS = 24;
/** Bucket of trials without a value for the colour objective. */
export const NO_COLOR = 255;

export interface Coloring {
  buckets: Uint8Array;
  palette: string[];
  domain: [number, number] | null;
  /** Colour at a fraction 0..1 of the legend, best value at 1. */
  interpolate: (t: number) => string;
}

/** Colours lines by an objective; the better end is always the bright end of viridis, whatever the direction. */
export function colorByObjective(trials: readonly ChartTrial[], objectives: readonly ChartObjective[], index: number): Coloring {
  const objective = objectives[index];
  const values = trials.map((t) => t.values?.[index]).filter(finite);
  const [lo, hi] = extent(values);
  const buckets = new Uint8Array(trials.length).fill(NO_COLOR);
  const palette = Array.from({ length: COLOR_BUCKETS }, (_, i) => interpolateViridis(i / (COLOR_BUCKETS - 1)));
  if (objective === undefined || lo === undefined || hi === undefined) return { buckets, palette, domain: null, interpolate: interpolateViridis };
  const minimize = objective.direction === 'MINIMIZE';
  const seq = scaleSequential([0, 1], (t) => t).domain(minimize ? [hi, lo] : [lo, hi]).clamp(true);
  trials.forEach((t, i) => {
    const v = t.values?.[index];
    if (finite(v)) buckets[i] = Math.round((lo === hi ? 1 : seq(v)) * (COLOR_BUCKETS - 1));
  });
  return { buckets, palette, domain: [lo, hi], interpolate: interpolateViridis };
}

/** Width of a character of an axis title (12 px, semibold), for laying titles out without measuring text. */
export const TITLE_CHAR_PX = 7;

/**
 * An axis title that fits: at most the gap to the next axis (a longer one is cut with an ellipsis; the full
 * title goes in its tooltip), shifted inwards on the first and last axes so that it stays inside the margins
 * (the last axis read "val_accuracy (max", its end cut off by the chart's edge).
 */
export function axisTitleLayout(
  label: string,
  index: number,
  count: number,
  innerWidth: number,
  margins: { left: number; right: number },
): { text: string; dx: number } {
  const spacing = count > 1 ? innerWidth / (count - 1) : innerWidth;
  const room = Math.max(3, Math.floor((Math.max(spacing - 8, 0) + (count > 1 ? 0 : margins.left + margins.right)) / TITLE_CHAR_PX));
  const text = label.length <= room ? label : `${label.slice(0, Math.max(1, room - 1))}…`;
  const half = (text.length * TITLE_CHAR_PX) / 2;
  let dx = 0;
  if (index === 0) dx = Math.max(0, half - (margins.left - 4));
  if (index === count - 1) dx -= Math.max(0, half - (margins.right - 4));
  return { text, dx };
}

/** Width of the ← × → buttons above an axis, and of the × alone. */
export const AXIS_BUTTONS_PX = 66;
export const HIDE_BUTTON_PX = 22;

/**
 * Which buttons an axis shows above its title: all three while neighbouring axes are far enough apart for them
 * not to touch, the × alone when only it fits (axes still move by dragging their title), none when not even that
 * fits. Seven axes on a phone put the 66-px groups over each other.
 */
export function axisButtonsLayout(count: number, innerWidth: number): 'all' | 'hide' | 'none' {
  const spacing = count > 1 ? innerWidth / (count - 1) : Infinity;
  if (spacing >= AXIS_BUTTONS_PX + 4) return 'all';
  if (spacing >= HIDE_BUTTON_PX + 4) return 'hide';
  return 'none';
}

/** Width of a character of a tick label (10 px), for laying the "missing" labels out without measuring text. */
export const TICK_CHAR_PX = 6;
/** The words for "no value here", longest first: the first that fits between two axes is shown. */
export const MISSING_WORDS = ['missing', 'n/a'] as const;

/**
 * The "missing" label of an axis, centred under its tick: the longest of `MISSING_WORDS` that fits the gap to the
 * next axis (side by side, the labels of seven axes on a phone read "missingmissingmissing…"), none when not even
 * the shortest fits, and shifted inwards on the first and last axes so that it stays inside the margins.
 */
export function missingLabelLayout(
  index: number,
  count: number,
  innerWidth: number,
  margins: { left: number; right: number },
): { text: string; dx: number } {
  const spacing = count > 1 ? innerWidth / (count - 1) : innerWidth + margins.left + margins.right;
  const text = MISSING_WORDS.find((word) => word.length * TICK_CHAR_PX <= spacing - 4) ?? '';
  const half = (text.length * TICK_CHAR_PX) / 2;
  let dx = 0;
  if (index === 0) dx = Math.max(0, half - (margins.left - 4));
  if (index === count - 1) dx -= Math.max(0, half - (margins.right - 4));
  return { text, dx };
}
