import { describe, expect, it } from 'vitest';
import type { ChartObjective, ChartParam, ChartTrial } from '../types.ts';
import {
  AXIS_BUTTONS_PX,
  CATEGORY_TICK_GAP_PX,
  MISSING_GAP,
  MISSING_LABEL_DY,
  MISSING_LABEL_HEIGHT,
  NO_COLOR,
  PC_MARGIN,
  TICK_CHAR_PX,
  TITLE_CHAR_PX,
  axisButtonsLayout,
  axisScale,
  axisTitleLayout,
  brushMask,
  buildAxes,
  colorByObjective,
  missingLabelLayout,
  moveAxis,
  projectTrials,
  visibleAxes,
} from './transform.ts';
import type { AxisDef } from './transform.ts';

const trial = (number: number, params: ChartTrial['params'], values: ChartTrial['values']): ChartTrial => ({
  id: `t${number}`,
  number,
  state: values ? 'COMPLETE' : 'RUNNING',
  params,
  values,
  durationSeconds: null,
});

const params: ChartParam[] = [
  { name: 'lr', kind: 'float', log: true, low: 1e-4, high: 1e-1 },
  { name: 'optimizer', kind: 'categorical', log: false, choices: ['adam', 'sgd', 'rmsprop'] },
  { name: 'momentum', kind: 'float', log: false, low: 0, high: 1 },
];
const objectives: ChartObjective[] = [{ name: 'loss', direction: 'MINIMIZE' }];
const trials: ChartTrial[] = [
  trial(0, { lr: 1e-4, optimizer: 'adam' }, [0.9]),
  trial(1, { lr: 1e-3, optimizer: 'sgd', momentum: 0.5 }, [0.5]),
  trial(2, { lr: 1e-1, optimizer: 'rmsprop', momentum: 1 }, [0.1]),
  trial(3, { lr: 1e-2, optimizer: 'sgd', momentum: 0 }, null),
];

const axisOf = (key: string): AxisDef => {
  const a = buildAxes(trials, params, objectives).find((x) => x.key === key);
  if (!a) throw new Error(`no axis ${key}`);
  return a;
};

describe('parallel coordinates transform', () => {
  it('builds one axis per parameter then one per objective, with the right kinds', () => {
    const axes = buildAxes(trials, params, objectives);
    expect(axes.map((a) => [a.key, a.type])).toEqual([
      ['param:lr', 'log'],
      ['param:optimizer', 'categorical'],
      ['param:momentum', 'linear'],
      ['objective:0', 'linear'],
    ]);
    expect(axisOf('param:momentum').hasMissing).toBe(true);
    expect(axisOf('param:lr').hasMissing).toBe(false);
    expect(axisOf('objective:0').hasMissing).toBe(true);
    expect(axisOf('objective:0').domain).toEqual([0.1, 0.9]);
  });

  it('maps 1e-4..1e-1 evenly on a log axis', () => {
    const s = axisScale(axisOf('param:lr'), 300);
    const ys = [1e-4, 1e-3, 1e-2, 1e-1].map((v) => s.y(v) as number);
    expect(ys[0]).toBeCloseTo(300);
    expect(ys[3]).toBeCloseTo(0);
    expect(ys[0]! - ys[1]!).toBeCloseTo(100);
    expect(ys[1]! - ys[2]!).toBeCloseTo(100);
    expect(s.ticks.map((t) => t.label)).toEqual(['1e-4', '0.001', '0.01', '0.1']);
  });

  it('places categories at evenly spaced points, first choice at the bottom', () => {
    const s = axisScale(axisOf('param:optimizer'), 300);
    expect(s.y('adam')).toBeCloseTo(250);
    expect(s.y('sgd')).toBeCloseTo(150);
    expect(s.y('rmsprop')).toBeCloseTo(50);
    expect(s.y(undefined)).toBeNull();
    expect(s.ticks.map((t) => t.label)).toEqual(['adam', 'sgd', 'rmsprop']);
  });

  it('labels as many categories of a crowded axis as fit, every k-th, while every category keeps its place', () => {
    const choices = Array.from({ length: 1000 }, (_, i) => `v${i}`);
    const [axis] = buildAxes([trial(0, { c: 'v500' }, [1])], [{ name: 'c', kind: 'categorical', log: false, choices }], objectives);
    const s = axisScale(axis!, 300);
    expect(s.ticks.length).toBe(25);
    expect(s.ticks[0]!.label).toBe('v0');
    expect(s.ticks[1]!.label).toBe('v40');
    for (let k = 1; k < s.ticks.length; k++) expect(s.ticks[k - 1]!.y - s.ticks[k]!.y).toBeGreaterThanOrEqual(CATEGORY_TICK_GAP_PX - 1e-9);
    // Thinned labels, not thinned categories: an unlabelled choice is still drawn at its own height.
    expect(s.y('v500')).toBeCloseTo(300 - 300 * (500.5 / 1000));
  });

  it('shows an axis its three buttons where they fit between axes, the × alone where only it fits, else none', () => {
    expect(axisButtonsLayout(4, 1120)).toBe('all');
    expect(axisButtonsLayout(1, 100)).toBe('all');
    // Seven axes on a 390-px phone (about 300 px inside the margins): 50 px apart, less than the 66-px group.
    expect(axisButtonsLayout(7, 300)).toBe('hide');
    expect(300 / 6).toBeLessThan(AXIS_BUTTONS_PX);
    expect(axisButtonsLayout(30, 300)).toBe('none');
    // The boundary: the group and 4 px of air.
    expect(axisButtonsLayout(2, AXIS_BUTTONS_PX + 4)).toBe('all');
    expect(axisButtonsLayout(2, AXIS_BUTTONS_PX + 3)).toBe('hide');
  });

  it('adds categories that trials use but the space does not list', () => {
    const axes = buildAxes([trial(9, { optimizer: 'lion' }, [1])], params, objectives);
    expect(axes.find((a) => a.key === 'param:optimizer')?.categories).toEqual(['adam', 'sgd', 'rmsprop', 'lion']);
  });

  it('turns a brush in pixels into a range on numeric axes and the categories inside on categorical ones', () => {
    const lr = axisScale(axisOf('param:lr'), 300).selectionFromPixels(100, 200);
    expect(lr.kind).toBe('range');
    if (lr.kind === 'range') {
      expect(lr.low).toBeCloseTo(1e-3);
      expect(lr.high).toBeCloseTo(1e-2);
    }
    expect(axisScale(axisOf('param:optimizer'), 300).selectionFromPixels(100, 260)).toEqual({ kind: 'set', values: ['adam', 'sgd'] });
    expect(axisScale(axisOf('param:optimizer'), 300).pixelsFromSelection({ kind: 'set', values: ['sgd'] })).toEqual([100, 200]);
  });

  it('leaves a brush that reaches an end of the axis open on that side, so trials beyond the domain it was drawn on stay in', () => {
    const drawnOn = buildAxes(trials, params, objectives);
    const axis = drawnOn.find((a) => a.key === 'objective:0') as AxisDef;
    const top = axisScale(axis, 300).selectionFromPixels(0, 150);
    // A trial that arrives later with a value above the whole domain of the axis the brush was drawn on.
    const better: ChartTrial = { id: 'n', number: 99, state: 'COMPLETE', params: {}, values: [axis.domain[1] + 1], durationSeconds: 1 };
    expect(Array.from(brushMask([better], { 'objective:0': top }))).toEqual([1]);
    const bottom = axisScale(axis, 300).selectionFromPixels(150, 300);
    const worse: ChartTrial = { ...better, values: [axis.domain[0] - 1] };
    expect(Array.from(brushMask([worse], { 'objective:0': bottom }))).toEqual([1]);
    // Away from the ends the range is closed, and the rectangle is drawn back where it was.
    const middle = axisScale(axis, 300).selectionFromPixels(100, 200);
    expect(Array.from(brushMask([better, worse], { 'objective:0': middle }))).toEqual([0, 0]);
    expect(axisScale(axis, 300).pixelsFromSelection(top)).toEqual([0, 150]);
  });

  it('draws trials lacking a value at the missing tick below the axis', () => {
    const axes = buildAxes(trials, params, objectives);
    const scales = axes.map((a) => axisScale(a, 300));
    const p = projectTrials(trials, axes, scales, 600, 300);
    expect(p.xs).toEqual([0, 200, 400, 600]);
    expect(p.missingY).toBe(300 + MISSING_GAP);
    expect(p.ys[0 * 4 + 2]).toBe(p.missingY); // trial 0 has no momentum
    expect(p.ys[3 * 4 + 3]).toBe(p.missingY); // trial 3 has no loss yet
    expect(p.ys[1 * 4 + 2]).toBeCloseTo(150); // momentum 0.5 mid-axis
  });

  it('masks exactly the trials inside the brush', () => {
    expect(Array.from(brushMask(trials, {}))).toEqual([1, 1, 1, 1]);
    expect(Array.from(brushMask(trials, { 'param:lr': { kind: 'range', low: 1e-3, high: 1e-2 } }))).toEqual([0, 1, 0, 1]);
  });

  it('orders and hides axes, and moves one by keyboard steps', () => {
    const axes = buildAxes(trials, params, objectives);
    expect(visibleAxes(axes, ['objective:0', 'nope'], ['param:momentum']).map((a) => a.key)).toEqual(['objective:0', 'param:lr', 'param:optimizer']);
    expect(moveAxis(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moveAxis(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
  });

  it('colours the best value brightest whatever the direction, and leaves trials without a value uncoloured', () => {
    const min = colorByObjective(trials, objectives, 0);
    expect(Array.from(min.buckets)).toEqual([0, 12, 23, NO_COLOR]);
    const max = colorByObjective(trials, [{ name: 'acc', direction: 'MAXIMIZE' }], 0);
    expect(Array.from(max.buckets)).toEqual([23, 12, 0, NO_COLOR]);
  });

  it('fits axis titles between their neighbours and keeps the first and last inside the margins', () => {
    const margins = { left: 60, right: 60 };
    // Seven axes over 1,000 px: 166 px apart, room for 22 characters.
    expect(axisTitleLayout('learning_rate', 3, 7, 1000, margins)).toEqual({ text: 'learning_rate', dx: 0 });
    const long = axisTitleLayout('a_very_long_parameter_name_indeed', 3, 7, 1000, margins);
    expect(long.text).toBe('a_very_long_parameter…');
    expect(long.text.length * TITLE_CHAR_PX).toBeLessThanOrEqual(1000 / 6 - 8);
    // The last title, 18 characters (126 px), centred on the last axis, would end 63 px past it: moved left.
    const last = axisTitleLayout('val_accuracy (max)', 6, 7, 1000, margins);
    expect(last.text).toBe('val_accuracy (max)');
    expect(last.dx).toBe(-(63 - 56));
    expect(axisTitleLayout('val_accuracy (max)', 0, 7, 1000, margins).dx).toBe(63 - 56);
  });

  it('centres each "missing" label under its axis, never touching a neighbour\'s, and keeps the first and last inside the margins', () => {
    const margins = { left: PC_MARGIN.left, right: PC_MARGIN.right };
    // From a desktop panel down to a phone, with few axes and many.
    for (const innerWidth of [1120, 600, 230, 120]) {
      for (const count of [1, 2, 4, 7, 12, 30]) {
        const spacing = count > 1 ? innerWidth / (count - 1) : 0;
        const boxes = Array.from({ length: count }, (_, i) => {
          const { text, dx } = missingLabelLayout(i, count, innerWidth, margins);
          const x = i * spacing + dx;
          return { text, left: x - (text.length * TICK_CHAR_PX) / 2, right: x + (text.length * TICK_CHAR_PX) / 2 };
        });
        const where = `${count} axes over ${innerWidth} px`;
        boxes.slice(1).forEach((box, i) => {
          if (box.text && boxes[i]?.text) expect(box.left - (boxes[i]?.right ?? 0), where).toBeGreaterThanOrEqual(2);
        });
        expect(boxes[0]?.left, where).toBeGreaterThanOrEqual(-margins.left + 4);
        expect(boxes[count - 1]?.right, where).toBeLessThanOrEqual(innerWidth + margins.right - 4);
      }
    }
  });

  it('says "missing" where there is room, "n/a" on a crowded phone, and nothing where not even that fits', () => {
    const margins = { left: 60, right: 60 };
    // Seven axes over 1,000 px: 166 px apart.
    expect(missingLabelLayout(3, 7, 1000, margins)).toEqual({ text: 'missing', dx: 0 });
    // A 350 px phone holds 230 px of axes: seven are 38 px apart, less than "missing" takes (42 px and a gap).
    expect(missingLabelLayout(3, 7, 230, margins)).toEqual({ text: 'n/a', dx: 0 });
    expect(missingLabelLayout(3, 30, 230, margins).text).toBe('');
    expect(missingLabelLayout(0, 1, 230, margins)).toEqual({ text: 'missing', dx: 0 });
    // A margin narrower than half the word moves the first and last labels inwards.
    expect(missingLabelLayout(0, 3, 600, { left: 20, right: 20 }).dx).toBe(21 - 16);
    expect(missingLabelLayout(2, 3, 600, { left: 20, right: 20 }).dx).toBe(-(21 - 16));
  });

  it('hangs the "missing" label below every line and tick, inside the bottom margin', () => {
    const height = 300;
    const axes = buildAxes(trials, params, objectives);
    const projection = projectTrials(trials, axes, axes.map((a) => axisScale(a, height)), 600, height);
    // Lines end at the "missing" tick at the lowest; the label starts below it.
    expect(Math.max(...projection.ys)).toBe(projection.missingY);
    expect(MISSING_LABEL_DY).toBeGreaterThan(0);
    // The lowest tick label (10 px text centred on the axis' bottom) ends above the label's band.
    expect(height + 5).toBeLessThan(projection.missingY + MISSING_LABEL_DY);
    expect(MISSING_GAP + MISSING_LABEL_DY + MISSING_LABEL_HEIGHT).toBeLessThanOrEqual(PC_MARGIN.bottom);
  });
});
