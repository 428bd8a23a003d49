'use client';

import { useId } from 'react';
import { FieldError } from '@/components/field-error';
import { rowCellErrors, spaceLevelErrors, type RowField } from '@/lib/space-checks';
import type { SpaceState } from '@/lib/new-study-state';
import { emptyRow, type ParamRow, type SpaceFormat } from '@/lib/space-editor';
import type { FieldErrors } from '@/lib/user-errors';

/** The space section's state and its edits (the new-study reducer's `space` section). */
export interface SpaceEditor extends SpaceState {
  updateRows: (rows: ParamRow[]) => void;
  updateText: (text: string) => void;
  switchFormat: (format: SpaceFormat) => void;
}

/** One input cell of a parameter row, with its errors beside it and linked to it. */
function Cell({
  id,
  messages,
  children,
}: {
  id: string;
  messages: string[];
  children: (props: {
    'aria-invalid': true | undefined;
    'aria-describedby': string | undefined;
  }) => React.ReactNode;
}) {
  return (
    <td>
      {children({
        'aria-invalid': messages.length > 0 || undefined,
        'aria-describedby': messages.length > 0 ? id : undefined,
      })}
      <FieldError id={id} messages={messages} />
    </td>
  );
}

/** The search space: a table of parameter rows, and the same document as JSON or YAML text. */
export function SpaceSection({ editor, errors }: { editor: SpaceEditor; errors: FieldErrors }) {
  const id = useId();
  const { rows, format, text, textError, updateRows, updateText, switchFormat } = editor;
  const levelErrors = spaceLevelErrors(errors, rows);
  return (
    <fieldset>
      <legend>Search space</legend>
      <div className="table-scroll">
        <table className="data">
          <thead>
            <tr>
              {['Parameter', 'Type', 'Low', 'High', 'Step', 'Log', 'Choices', 'Only when'].map((h) => (
                <th scope="col" key={h}>
                  {h}
                </th>
              ))}
              <th scope="col">
                <span className="muted">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const set = (patch: Partial<ParamRow>) =>
                updateRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
              const numeric = row.type !== 'categorical';
              const label = row.name || `parameter ${i + 1}`;
              const cell = (field: RowField) => ({
                id: `${id}-${i}-${field}`,
                messages: rowCellErrors(errors, rows, i, field),
              });
              return (
                <tr key={i}>
                  <Cell {...cell('name')}>
                    {(a) => (
                      <input
                        aria-label={`Parameter ${i + 1} name`}
                        value={row.name}
                        size={12}
                        onChange={(e) => set({ name: e.target.value })}
                        {...a}
                      />
                    )}
                  </Cell>
                  <Cell {...cell('type')}>
                    {(a) => (
                      <select
                        aria-label={`${label} type`}
                        value={row.type}
                        onChange={(e) => set({ type: e.target.value as ParamRow['type'] })}
                        {...a}
                      >
                        <option value="float">float</option>
                        <option value="int">int</option>
                        <option value="categorical">categorical</option>
                      </select>
                    )}
                  </Cell>
                  {(['low', 'high', 'step'] as const).map((field) => (
                    <Cell key={field} {...cell(field)}>
                      {(a) => (
                        <input
                          aria-label={`${label} ${field}`}
                          size={field === 'step' ? 5 : 7}
                          disabled={!numeric}
                          value={row[field]}
                          onChange={(e) => set({ [field]: e.target.value })}
                          {...a}
                        />
                      )}
                    </Cell>
                  ))}
                  <Cell {...cell('log')}>
                    {(a) => (
                      <input
                        type="checkbox"
                        aria-label={`${label} log scale`}
                        disabled={!numeric}
                        checked={row.log}
                        onChange={(e) => set({ log: e.target.checked })}
                        {...a}
                      />
                    )}
                  </Cell>
                  <Cell {...cell('choices')}>
                    {(a) => (
                      <input
                        aria-label={`${label} choices`}
                        size={14}
                        disabled={numeric}
                        placeholder="adam, sgd"
                        value={row.choices}
                        onChange={(e) => set({ choices: e.target.value })}
                        {...a}
                      />
                    )}
                  </Cell>
                  <Cell {...cell('when')}>
                    {(a) => (
                      <input
                        aria-label={`${label} condition`}
                        size={12}
                        placeholder="optimizer=sgd"
                        value={row.when}
                        onChange={(e) => set({ when: e.target.value })}
                        {...a}
                      />
                    )}
                  </Cell>
                  <td>
                    <button
                      type="button"
                      className="button-secondary"
                      aria-label={`Remove ${label}`}
                      onClick={() => updateRows(rows.filter((_, j) => j !== i))}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p>
        <button type="button" className="button-secondary" onClick={() => updateRows([...rows, emptyRow()])}>
          Add parameter
        </button>
      </p>
      <div className="form-row" role="radiogroup" aria-label="Space format">
        {(['json', 'yaml'] as const).map((f) => (
          <label className="inline" key={f}>
            <input
              type="radio"
              name={`${id}-format`}
              checked={format === f}
              onChange={() => switchFormat(f)}
            />
            {f.toUpperCase()}
          </label>
        ))}
      </div>
      <label>
        Search space ({format.toUpperCase()})
        <textarea
          rows={12}
          spellCheck={false}
          value={text}
          onChange={(e) => updateText(e.target.value)}
          aria-invalid={levelErrors.length > 0 || textError ? true : undefined}
          aria-describedby={`${id}-space`}
        />
      </label>
      <FieldError
        id={`${id}-space`}
        messages={[...new Set([...(textError ? [textError] : []), ...levelErrors])]}
      />
    </fieldset>
  );
}
