import { describe, expect, it } from 'vitest';
import type { ChartObjective, ChartParam, ChartTrial } from '../types.ts';
import { buildColumns, csvCell, filterRows, sortRows, toCsv } from './transform.ts';
import type { TableColumn } from './transform.ts';

const t = (number: number, state: ChartTrial['state'], params: ChartTrial['params'], value: number | null): ChartTrial => ({
  id: `t${number}`,
  number,
  state,
  params,
  values: value === null ? null : [value],
  durationSeconds: number * 10,
});
const params: ChartParam[] = [
  { name: 'lr', kind: 'float', log: true },
  { name: 'note', kind: 'categorical', log: false, choices: ['plain', 'a, "quoted" one'] },
];
const objectives: ChartObjective[] = [{ name: 'loss', direction: 'MINIMIZE' }];
const rows = [t(0, 'COMPLETE', { lr: 0.01, note: 'plain' }, 0.5), t(1, 'PRUNED', { lr: 0.1, note: 'a, "quoted" one' }, null), t(2, 'COMPLETE', { lr: 0.001, note: 'plain' }, 0.2)];
const columns = buildColumns(params, objectives, [{ key: 'acc', label: 'accuracy', value: (r) => (r.number === 0 ? 0.9 : null) }]);
const col = (key: string): TableColumn => {
  const c = columns.find((x) => x.key === key);
  if (!c) throw new Error(key);
  return c;
};

describe('trial table transform', () => {
  it('has a column per objective, parameter and extra column', () => {
    expect(columns.map((c) => c.label)).toEqual(['#', 'State', 'loss', 'lr', 'note', 'accuracy', 'Duration (s)']);
  });

  it('sorts numbers both ways with missing values last', () => {
    expect(sortRows(rows, col('objective:0'), 'asc').map((r) => r.number)).toEqual([2, 0, 1]);
    expect(sortRows(rows, col('objective:0'), 'desc').map((r) => r.number)).toEqual([0, 2, 1]);
    expect(sortRows(rows, col('param:lr'), 'desc').map((r) => r.number)).toEqual([1, 0, 2]);
  });

  it('sorts text columns alphabetically, keeping ties in their order', () => {
    expect(sortRows(rows, col('state'), 'asc').map((r) => r.number)).toEqual([0, 2, 1]);
  });

  it('filters by every term in any cell, case-insensitively', () => {
    expect(filterRows(rows, columns, 'pruned').map((r) => r.number)).toEqual([1]);
    expect(filterRows(rows, columns, 'COMPLETE plain 0.001').map((r) => r.number)).toEqual([2]);
    expect(filterRows(rows, columns, '  ').map((r) => r.number)).toEqual([0, 1, 2]);
    expect(filterRows(rows, columns, 'nothing-matches')).toEqual([]);
  });

  it('writes CSV with quoting and empty cells for missing values', () => {
    const csv = toCsv(rows.slice(0, 2), columns);
    expect(csv.split('\r\n')).toEqual(['#,State,loss,lr,note,accuracy,Duration (s)', '0,COMPLETE,0.5,0.01,plain,0.9,0', '1,PRUNED,,0.1,"a, ""quoted"" one",,10']);
  });
  it('spells out NaN, ±Infinity and −0 in CSV, leaves missing values empty, and defuses text a spreadsheet would run', () => {
    expect([NaN, Infinity, -Infinity, -0, 0, 1.5, null, undefined].map(csvCell)).toEqual(['NaN', 'Infinity', '-Infinity', '-0', 0, 1.5, '', '']);
    expect(['=HYPERLINK("x")', '+1', '-cmd', '@SUM(A1)', 'adam', 'relu-6'].map(csvCell)).toEqual([
      `'=HYPERLINK("x")`,
      "'+1",
      "'-cmd",
      "'@SUM(A1)",
      'adam',
      'relu-6',
    ]);
  });

  it('sorts rows already in order (the live store keeps them by number) like any others, in both directions', () => {
    const many = Array.from({ length: 50 }, (_, i) => t(i, 'COMPLETE', { lr: 0.01, note: 'plain' }, (i * 7) % 11));
    const number = col('number');
    expect(sortRows(many, number, 'desc').map((r) => r.number)).toEqual([...many].reverse().map((r) => r.number));
    expect(sortRows(many, number, 'asc').map((r) => r.number)).toEqual(many.map((r) => r.number));
    // Not in order by value: the comparison sort, ties kept in row order.
    const byValue = sortRows(many, col('objective:0'), 'desc').map((r) => r.values?.[0]);
    expect(byValue).toEqual([...byValue].sort((a, b) => (b ?? 0) - (a ?? 0)));
    // The input is never reordered in place.
    expect(many.map((r) => r.number)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
