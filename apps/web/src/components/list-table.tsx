import type { ReactNode } from 'react';

/** One column of a `ListTable`: its header and how a row fills its cell. */
export interface ListColumn<T> {
  /** The header's text (null: an empty header, e.g. over a column of buttons). */
  header: ReactNode;
  /** A tooltip on the header. */
  title?: string;
  /** The cell of one row. */
  cell: (row: T) => ReactNode;
  /** The cell's class (`num`, `muted`), or one chosen by the row. */
  className?: string | ((row: T) => string | undefined);
}

/**
 * The list of the dashboard's list pages (teams, projects, members, studies, runners, tokens) and of the trial
 * page's panels (attempts, artifacts): a `data` table
 * with one header row and a row per item, or, when there are no items and `empty` is given, that message.
 * Not a client component: server pages pass it their columns as they are.
 */
export function ListTable<T>({
  rows,
  rowKey,
  columns,
  empty,
  testId,
}: {
  rows: readonly T[];
  rowKey: (row: T) => string;
  columns: readonly ListColumn<T>[];
  /** Shown instead of the table when there are no rows: text (muted) or a node of its own. */
  empty?: ReactNode;
  /** The table's `data-testid`. */
  testId?: string;
}) {
  if (rows.length === 0 && empty !== undefined) {
    return typeof empty === 'string' ? <p className="muted">{empty}</p> : <>{empty}</>;
  }
  return (
    <table className="data" data-testid={testId}>
      <thead>
        <tr>
          {columns.map((column, i) => (
            <th key={i} scope="col" title={column.title}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column, i) => (
              <td key={i} className={typeof column.className === 'function' ? column.className(row) : column.className}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
