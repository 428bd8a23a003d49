import { describe, expect, it } from 'vitest';
import type { ChartParam, ChartTrial } from '../types.ts';
import {
  axisDomain,
  DEFAULT_GRID_SIZE,
  gridSizeFor,
  MIN_GRID_SIZE,
  axisScaleKind,
  colorDomain,
  colorLegendLayout,
  contourParams,
  contourPoints,
  idwGrid,
  LEGEND_BAR_PX,
  LEGEND_CHAR_PX,
  LEGEND_MIN_TICK_GAP_PX,
  unitPosition,
} from './transform.ts';

const t = (number: number, state: ChartTrial['state'], params: ChartTrial['params'], value: number | null): ChartTrial => ({
  id: `t${number}`,
  number,
  state,
  params,
  values: value === null ? null : [value],
  durationSeconds: null,
});
const lr: ChartParam = { name: 'lr', kind: 'float', log: true, low: 1e-4, high: 1e-1 };
const units: ChartParam = { name: 'units', kind: 'int', log: false, low: 8, high: 64 };

describe('contour chart transform', () => {
  it('keeps complete trials with both parameters numeric, positive on a log parameter, and a finite objective', () => {
    const trials = [
      t(0, 'COMPLETE', { lr: 0.01, units: 16 }, 0.3),
      t(1, 'COMPLETE', { lr: 0, units: 16 }, 0.3),
      t(2, 'PRUNED', { lr: 0.01, units: 32 }, 0.2),
      t(3, 'COMPLETE', { units: 32 }, 0.2),
      t(4, 'COMPLETE', { lr: 0.001, units: 64 }, null),
      t(5, 'COMPLETE', { lr: 0.001, units: 64 }, 0.1),
    ];
    expect(contourPoints(trials, lr, units, 0).map((p) => [p.number, p.x, p.y, p.value])).toEqual([
      [0, 0.01, 16, 0.3],
      [5, 0.001, 64, 0.1],
    ]);
  });

  it('offers only numeric parameters as axes', () => {
    const opt: ChartParam = { name: 'opt', kind: 'categorical', log: false, choices: ['sgd'] };
    expect(contourParams([lr, opt, units]).map((p) => p.name)).toEqual(['lr', 'units']);
  });

  it('chooses a log axis only for a log parameter whose values and lower bound are positive', () => {
    expect(axisScaleKind(lr, [0.01, 0.001])).toBe('log');
    expect(axisScaleKind(units, [8, 16])).toBe('linear');
    expect(axisScaleKind({ ...lr, low: 0 }, [0.01])).toBe('linear');
    expect(axisScaleKind(lr, [0.01, -1])).toBe('linear');
  });

  it('spans the space bounds and any value outside them, and widens a single value', () => {
    expect(axisDomain(units, [4, 32], 'linear')).toEqual([4, 64]);
    expect(axisDomain({ name: 'x', kind: 'float', log: false }, [3], 'linear')).toEqual([2.5, 3.5]);
    expect(axisDomain({ name: 'x', kind: 'float', log: true }, [3], 'log')).toEqual([1.5, 6]);
  });

  it('positions values in log space on a log axis', () => {
    expect(unitPosition(1e-2, [1e-4, 1], 'log')).toBeCloseTo(0.5, 12);
    expect(unitPosition(16, [8, 24], 'linear')).toBeCloseTo(0.5, 12);
  });

  it('interpolates by inverse distance: symmetric samples give their mean at the centre, samples dominate nearby cells', () => {
    const grid = idwGrid(
      [
        { u: 0, v: 0.5, value: 0 },
        { u: 1, v: 0.5, value: 10 },
      ],
      3,
      3,
    );
    expect(grid).toHaveLength(9);
    expect(grid[1 * 3 + 1]).toBeCloseTo(5, 12);
    expect(grid[1 * 3 + 0]!).toBeLessThan(2);
    expect(grid[1 * 3 + 2]!).toBeGreaterThan(8);
    // Rows mirror top to bottom around the samples' line.
    expect(grid[0]).toBeCloseTo(grid[6]!, 12);
  });

  it('puts row 0 at the top of the unit square and returns a sample value exactly on its cell', () => {
    const grid = idwGrid(
      [
        { u: 0.25, v: 0.75, value: 7 },
        { u: 0.75, v: 0.25, value: 1 },
      ],
      2,
      2,
    );
    expect(grid[0]).toBe(7);
    expect(grid[3]).toBe(1);
  });

  it('rejects a grid size that is not a positive integer, naming the values', () => {
    expect(() => idwGrid([], 0, 3)).toThrow('nx=0, ny=3');
  });

  it('orders the colour domain worst to best for the direction', () => {
    expect(colorDomain([3, 1, 2], 'MINIMIZE')).toEqual([3, 1]);
    expect(colorDomain([3, 1, 2], 'MAXIMIZE')).toEqual([1, 3]);
  });

  it('coarsens the grid for many trials, never below the minimum', () => {
    expect(gridSizeFor(10)).toBe(DEFAULT_GRID_SIZE);
    expect(gridSizeFor(2_000)).toBe(DEFAULT_GRID_SIZE);
    expect(gridSizeFor(10_000)).toBeLessThan(DEFAULT_GRID_SIZE);
    expect(gridSizeFor(10_000_000)).toBe(MIN_GRID_SIZE);
  });

  describe('colour legend', () => {
    const loss = { name: 'val_loss', direction: 'MINIMIZE' } as const;
    const accuracy = { name: 'val_accuracy', direction: 'MAXIMIZE' } as const;

    it('spans exactly the values the colours span, lowest at the bottom and highest at the top, whatever the direction', () => {
      const values = [0.31, 0.12, 0.27, 0.055];
      for (const objective of [loss, accuracy]) {
        const legend = colorLegendLayout(values, objective, 200);
        expect(legend?.domain).toEqual([...colorDomain(values, objective.direction)].sort((a, b) => a - b));
        expect(legend?.ticks[0]).toEqual({ y: 0, value: 0.31, label: '0.31' });
        expect(legend?.ticks.at(-1)).toEqual({ y: 200, value: 0.055, label: '0.055' });
        expect(legend?.stops.map((s) => [s.offset, s.value])).toEqual([
          [0, 0.055],
          [0.25, 0.055 + 0.25 * 0.255],
          [0.5, 0.055 + 0.5 * 0.255],
          [0.75, 0.055 + 0.75 * 0.255],
          [1, 0.31],
        ]);
      }
    });

    it('names the objective with its direction', () => {
      expect(colorLegendLayout([1, 2], loss, 200)).toMatchObject({ title: 'val_loss (min)', fullTitle: 'val_loss (min)' });
      expect(colorLegendLayout([1, 2], accuracy, 200)).toMatchObject({ title: 'val_accuracy (max)' });
    });

    it('puts round values between the ends, each where a linear scale puts it and clear of the end labels', () => {
      const legend = colorLegendLayout([0.955, 0.9889], accuracy, 200);
      const between = legend?.ticks.slice(1, -1) ?? [];
      expect(between.map((t) => t.label)).toEqual(['0.98', '0.97', '0.96']);
      for (const t of between) {
        expect(t.y).toBeCloseTo(200 - ((t.value - 0.955) / (0.9889 - 0.955)) * 200, 9);
        expect(t.y).toBeGreaterThanOrEqual(LEGEND_MIN_TICK_GAP_PX);
        expect(t.y).toBeLessThanOrEqual(200 - LEGEND_MIN_TICK_GAP_PX);
      }
      // 0.96 would sit 3 px above the bottom's 0.9595 and print over it.
      expect(colorLegendLayout([0.9595, 0.9889], accuracy, 200)?.ticks.map((t) => t.label)).toEqual(['0.9889', '0.98', '0.97', '0.9595']);
    });

    it('shows a single value as one tick in the middle of a bar of one colour', () => {
      const legend = colorLegendLayout([0.4, 0.4], loss, 120);
      expect(legend?.ticks).toEqual([{ y: 60, value: 0.4, label: '0.4' }]);
      expect(new Set(legend?.stops.map((s) => s.value))).toEqual(new Set([0.4]));
    });

    it('has no legend without a value', () => {
      expect(colorLegendLayout([], loss, 200)).toBeNull();
    });

    it('makes room for its longest label after the bar, and cuts a title longer than the bar', () => {
      const legend = colorLegendLayout([-123456, 0.5], loss, 200);
      expect(legend?.ticks[legend.ticks.length - 1]?.label).toBe('-1.23e+5');
      expect(legend?.x.bar).toBeGreaterThan(0);
      expect(legend?.x.label).toBeGreaterThan((legend?.x.bar ?? 0) + LEGEND_BAR_PX);
      expect(legend?.x.title).toBeGreaterThanOrEqual((legend?.x.label ?? 0) + '-1.23e+5'.length * LEGEND_CHAR_PX);
      expect(legend?.width).toBeGreaterThan(legend?.x.title ?? 0);
      const long = colorLegendLayout([1, 2], { name: 'validation_cross_entropy_after_distillation', direction: 'MINIMIZE' }, 120);
      expect(long?.title).toBe('validation_cross_en…');
      expect((long?.title.length ?? 0) * LEGEND_CHAR_PX).toBeLessThanOrEqual(120);
      expect(long?.fullTitle).toBe('validation_cross_entropy_after_distillation (min)');
    });
  });
});
