import Papa from 'papaparse';
import type { ChartObjective, ChartParam, ChartTrial } from '../types.ts';

export type CellValue = string | number | boolean | null | undefined;

/** A column beyond the params and objectives (e.g. a chosen metric), supplied by the page. */
export interface ExtraColumn {
  key: string;
  label: string;
  value: (trial: ChartTrial) => CellValue;
}

export interface TableColumn {
  key: string;
  label: string;
  kind: 'number' | 'text' | 'state';
  value: (trial: ChartTrial) => CellValue;
}

export function buildColumns(params: readonly ChartParam[], objectives: readonly ChartObjective[], extra: readonly ExtraColumn[] = []): TableColumn[] {
  return [
    { key: 'number', label: '#', kind: 'number', value: (t) => t.number },
    { key: 'state', label: 'State', kind: 'state', value: (t) => t.state },
    ...objectives.map((o, i): TableColumn => ({ key: `objective:${i}`, label: o.name, kind: 'number', value: (t) => t.values?.[i] ?? null })),
    ...params.map((p): TableColumn => ({ key: `param:${p.name}`, label: p.name, kind: p.kind === 'categorical' ? 'text' : 'number', value: (t) => t.params[p.name] })),
    ...extra.map((c): TableColumn => ({ key: `extra:${c.key}`, label: c.label, kind: 'text', value: c.value })),
    { key: 'duration', label: 'Duration (s)', kind: 'number', value: (t) => t.durationSeconds },
  ];
}

export type SortDirection = 'asc' | 'desc';

const missing = (v: CellValue): boolean => v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));

/** Sorts by one column; numbers numerically, the rest as text; missing values always last whatever the direction. */
export function sortRows<T extends ChartTrial>(rows: readonly T[], column: TableColumn, direction: SortDirection): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  // Rows already in strictly increasing order of the column (the live store keeps trials by number, the default
  // sort): a copy or its reverse, O(n), instead of a comparison sort of every row on each update.
  if (strictlyIncreasing(rows, column)) return direction === 'asc' ? rows.slice() : rows.slice().reverse();
  return rows
    .map((row, index) => ({ row, index, v: column.value(row) }))
    .sort((a, b) => {
      const ma = missing(a.v);
      const mb = missing(b.v);
      if (ma || mb) return ma && mb ? a.index - b.index : ma ? 1 : -1;
      const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : String(a.v).localeCompare(String(b.v), undefined, { numeric: true });
      return sign * c || a.index - b.index;
    })
    .map((x) => x.row);
}

function strictlyIncreasing(rows: readonly ChartTrial[], column: TableColumn): boolean {
  let previous = Number.NEGATIVE_INFINITY;
  for (const row of rows) {
    const v = column.value(row);
    if (typeof v !== 'number' || Number.isNaN(v) || v <= previous) return false;
    previous = v;
  }
  return true;
}

export function formatCell(v: CellValue): string {
  if (missing(v)) return '';
  if (typeof v === 'number') {
    const a = Math.abs(v);
    if (Number.isInteger(v)) return String(v);
    return a !== 0 && (a < 1e-3 || a >= 1e6) ? v.toExponential(3) : String(Number(v.toPrecision(5)));
  }
  return String(v);
}

/** Keeps rows where every whitespace-separated term appears (case-insensitively) in some cell's text. */
export function filterRows<T extends ChartTrial>(rows: readonly T[], columns: readonly TableColumn[], text: string): T[] {
  const terms = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return rows.slice();
  return rows.filter((row) => {
    const cells = columns.map((c) => formatCell(c.value(row)).toLowerCase());
    return terms.every((term) => cells.some((cell) => cell.includes(term)));
  });
}

/** CSV of the rows as shown (full precision numbers, papaparse quoting). */
/**
 * A cell as the CSV holds it: a missing value empty; NaN, ±Infinity and −0 spelled out as the JSONL export and
 * the API do (they were an empty cell, like a missing value, and 0); text that a spreadsheet would run as a
 * formula (=, +, -, @ first) behind a quote, as OWASP advises against CSV injection.
 */
export function csvCell(v: CellValue): string | number {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN';
    if (v === Number.POSITIVE_INFINITY) return 'Infinity';
    if (v === Number.NEGATIVE_INFINITY) return '-Infinity';
    return Object.is(v, -0) ? '-0' : v;
  }
  const text = String(v);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function toCsv(rows: readonly ChartTrial[], columns: readonly TableColumn[]): string {
  return Papa.unparse({
    fields: columns.map((c) => c.label),
    data: rows.map((row) => columns.map((c) => csvCell(c.value(row)))),
  });
}
