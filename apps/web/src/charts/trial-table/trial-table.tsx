'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ChartObjective, ChartParam, ChartTrial, TrialState } from '../types.ts';
import styles from '../charts.module.css';
import { buildColumns, filterRows, formatCell, sortRows, toCsv } from './transform.ts';
import type { ExtraColumn, SortDirection } from './transform.ts';

export interface TrialTableProps {
  trials: readonly ChartTrial[];
  params: readonly ChartParam[];
  objectives: readonly ChartObjective[];
  onRowClick?: (trial: ChartTrial) => void;
  extraColumns?: readonly ExtraColumn[];
  /** Height of the scrolling body in pixels (fixed, so the page does not jump as rows arrive). */
  height?: number;
  /** File name of the CSV export. */
  csvFileName?: string;
  /** More toolbar buttons, before Export CSV (the study page's Export JSONL). */
  exportActions?: ReactNode;
  /** With `onToggleSelected`: a checkbox per row (e.g. to compare the chosen trials). */
  selectedIds?: ReadonlySet<string>;
  onToggleSelected?: (trial: ChartTrial) => void;
  /** Sort and filter held by the page (its URL), when it wants them; the table keeps its own otherwise. */
  sort?: { key: string; direction: SortDirection };
  onSortChange?: (sort: { key: string; direction: SortDirection }) => void;
  filter?: string;
  onFilterChange?: (filter: string) => void;
}

const ROW_HEIGHT = 28;
const STATE_COLORS: Record<TrialState, string> = {
  PENDING: 'var(--muted)',
  RUNNING: 'var(--accent)',
  COMPLETE: '#2e9e5b',
  PRUNED: '#c98a12',
  FAIL: '#d9534f',
  CANCELLED: 'var(--muted)',
};

function Badge({ state }: { state: TrialState }) {
  return (
    <span className={styles.badge} style={{ color: STATE_COLORS[state], borderColor: STATE_COLORS[state] }}>
      {state}
    </span>
  );
}

/** Every trial as a row (virtualised: only the visible rows are in the DOM), sortable by any column, filterable, exportable. */
export function TrialTable({
  trials,
  params,
  objectives,
  onRowClick,
  extraColumns,
  height = 420,
  csvFileName = 'trials.csv',
  exportActions,
  selectedIds,
  onToggleSelected,
  ...held
}: TrialTableProps) {
  const columns = useMemo(() => buildColumns(params, objectives, extraColumns), [params, objectives, extraColumns]);
  const [ownSort, setOwnSort] = useState<{ key: string; direction: SortDirection }>({ key: 'number', direction: 'desc' });
  const [ownFilter, setOwnFilter] = useState('');
  const sort = held.sort ?? ownSort;
  const filter = held.filter ?? ownFilter;
  const setSort = (next: { key: string; direction: SortDirection }) => {
    setOwnSort(next);
    held.onSortChange?.(next);
  };
  const setFilter = (next: string) => {
    setOwnFilter(next);
    held.onFilterChange?.(next);
  };
  const filterId = useId();
  const rows = useMemo(() => {
    const column = columns.find((c) => c.key === sort.key) ?? columns[0];
    const filtered = filterRows(trials, columns, filter);
    return column ? sortRows(filtered, column, sort.direction) : filtered;
  }, [trials, columns, sort, filter]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  // A new sort or filter shows its first rows: kept where it was, a sort read from the bottom showed the trials
  // without a value (they sort last) and looked wrong. Trials arriving live change neither, so they never scroll.
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [sort.key, sort.direction, filter]);
  const template = `${onToggleSelected ? '32px ' : ''}${columns.map((c) => (c.key === 'number' ? '64px' : c.key === 'state' ? '110px' : 'minmax(90px, 1fr)')).join(' ')}`;

  const toggleSort = (key: string) =>
    setSort(sort.key === key ? { key, direction: sort.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: 'asc' });

  const exportCsv = () => {
    const blob = new Blob([toCsv(rows, columns)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = csvFileName;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div className={styles.tableRoot} data-testid="trial-table" data-row-count={rows.length}>
      <div className={styles.toolbar}>
        <label htmlFor={filterId} className={styles.muted}>
          Filter
        </label>
        <input id={filterId} className={styles.input} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="e.g. COMPLETE adam" />
        <span className={styles.muted} aria-live="polite">
          {rows.length === trials.length ? `${trials.length} trials` : `${rows.length} of ${trials.length} trials`}
        </span>
        <span className={styles.exportActions}>{exportActions}</span>
        <button type="button" className={styles.linkButton} onClick={exportCsv} disabled={rows.length === 0}>
          Export CSV
        </button>
      </div>
      <div ref={scrollRef} className={styles.tableScroll} style={{ height }} role="table" aria-rowcount={rows.length + 1}>
        <div className={`${styles.tableRow} ${styles.tableHeader}`} style={{ gridTemplateColumns: template, height: ROW_HEIGHT }} role="row">
          {onToggleSelected && (
            <div role="columnheader">
              <span className="sr-only">Select</span>
            </div>
          )}
          {columns.map((c) => (
            <div key={c.key} role="columnheader" aria-sort={sort.key === c.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
              <button type="button" className={styles.headerButton} onClick={() => toggleSort(c.key)} title={`Sort by ${c.label}`}>
                {c.label}
                {sort.key === c.key ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
              </button>
            </div>
          ))}
        </div>
        {rows.length === 0 ? (
          <div className={styles.empty} style={{ height: height - ROW_HEIGHT - 2, border: 'none' }}>
            {trials.length === 0 ? 'No trials yet.' : 'No trial matches the filter.'}
          </div>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const trial = rows[item.index] as ChartTrial;
              return (
                <div
                  key={trial.id}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className={`${styles.tableRow} ${onRowClick ? styles.clickable : ''}`}
                  style={{ gridTemplateColumns: template, height: ROW_HEIGHT, position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
                  tabIndex={onRowClick ? 0 : undefined}
                  onClick={onRowClick ? () => onRowClick(trial) : undefined}
                  onKeyDown={
                    onRowClick
                      ? (e) => {
                          if (e.key === 'Enter') onRowClick(trial);
                        }
                      : undefined
                  }
                >
                  {onToggleSelected && (
                    <div role="cell" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
                      <input type="checkbox" checked={selectedIds?.has(trial.id) ?? false} onChange={() => onToggleSelected(trial)} aria-label={`Select trial #${trial.number}`} />
                    </div>
                  )}
                  {columns.map((c) => (
                    <div key={c.key} role="cell">
                      {c.kind === 'state' ? <Badge state={trial.state} /> : formatCell(c.value(trial))}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
