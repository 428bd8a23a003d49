import { spaceFromEntries } from '@tuneboard/contract';
import type { ParamRow } from './space-editor.ts';
import type { FieldErrors } from './user-errors.ts';

/** The cells of a parameter row an error can sit on. */
export type RowField = 'name' | 'type' | 'low' | 'high' | 'step' | 'log' | 'choices' | 'when';
const ROW_FIELDS: readonly RowField[] = ['name', 'type', 'low', 'high', 'step', 'log', 'choices', 'when'];

/** The key of a form-side error on row `i`'s cell; `#` cannot start a parameter name, so it never meets an API key. */
export function rowKey(i: number, field: RowField): string {
  return `space.#${i}.${field}`;
}

function isNumber(text: string): boolean {
  const t = text.trim();
  return t !== '' && Number.isFinite(Number(t));
}

/**
 * What the form can tell about its parameter rows before anything is sent, every problem at once, each on its
 * cell: two rows with one name (building the space document would silently keep only the last), a row with
 * values but no name (it would be left out), and numeric cells that do not hold a number. The API checks the rest (ranges, steps, conditions).
 */
export function checkRows(rows: readonly ParamRow[]): FieldErrors {
  const errors: FieldErrors = {};
  const add = (i: number, field: RowField, message: string) =>
    (errors[rowKey(i, field)] ??= []).push(message);
  rows.forEach((row, i) => {
    if (!row.name.trim()) {
      // A row without a name is skipped when the space is built: refused if anything else was typed in it, so a
      // cleared name never drops a filled-in parameter silently.
      const filled = (['low', 'high', 'step', 'choices', 'when'] as const).filter(
        (f) => row[f].trim() !== '',
      );
      if (filled.length > 0) {
        add(
          i,
          'name',
          `name is required for a row that has ${filled.map((f) => `${f}=${JSON.stringify(row[f].trim())}`).join(', ')}; clear them or remove the row`,
        );
      }
      return;
    }
    if (row.type === 'categorical') return;
    for (const field of ['low', 'high'] as const) {
      if (!isNumber(row[field]))
        add(
          i,
          field,
          `parameter ${JSON.stringify(row.name.trim())}: ${field} must be a number, got ${JSON.stringify(row[field])}`,
        );
    }
    if (row.step.trim() !== '' && !isNumber(row.step))
      add(
        i,
        'step',
        `parameter ${JSON.stringify(row.name.trim())}: step must be a number, got ${JSON.stringify(row.step)}`,
      );
  });
  // A name used by two rows: the contract names it on each row (`space.#<row>.name`), as rowKey does.
  const { issues } = spaceFromEntries(rows.map((row) => ({ name: row.name, spec: {} })));
  for (const issue of issues) (errors[issue.path.join('.')] ??= []).push(issue.message);
  return errors;
}

/**
 * The messages for one cell of row `i`: the form's own (`space.#i.<field>`), and the API's for the parameter the
 * row names (`space.<name>.<field>`; `space.<name>` alone, e.g. a bad name, sits on the name cell). When two rows
 * share a name, the API's messages go to the first.
 */
export function rowCellErrors(
  errors: FieldErrors,
  rows: readonly ParamRow[],
  i: number,
  field: RowField,
): string[] {
  const own = errors[rowKey(i, field)] ?? [];
  const name = rows[i]?.name.trim();
  if (!name || rows.findIndex((row) => row.name.trim() === name) !== i) return own;
  const api = errors[`space.${name}.${field}`] ?? [];
  const whole = field === 'name' ? (errors[`space.${name}`] ?? []) : [];
  return [...own, ...whole, ...api];
}

/**
 * Space errors no row cell shows, for the text under the space editor: the document's own, and those of
 * parameters the rows do not show (text the table cannot display) or of a field no cell has.
 */
export function spaceLevelErrors(errors: FieldErrors, rows: readonly ParamRow[]): string[] {
  const names = new Set(rows.map((row) => row.name.trim()).filter(Boolean));
  const out: string[] = [];
  for (const [key, messages] of Object.entries(errors)) {
    if (key !== 'space' && !key.startsWith('space.')) continue;
    const [, param, field, ...rest] = key.split('.');
    if (param?.startsWith('#')) continue;
    const onCell =
      param !== undefined &&
      names.has(param) &&
      rest.length === 0 &&
      (field === undefined || ROW_FIELDS.includes(field as RowField));
    if (!onCell) out.push(...messages);
  }
  return out;
}

export { duplicateJsonKey } from '@tuneboard/contract';
