import { describe, expect, it } from 'vitest';
import { checkRows, duplicateJsonKey, rowCellErrors, spaceLevelErrors } from './space-checks.ts';
import { emptyRow, rowsToSpace, textToSpace, type ParamRow } from './space-editor.ts';

const row = (patch: Partial<ParamRow>): ParamRow => ({ ...emptyRow(), ...patch });

describe('the new-study form checks its parameter rows', () => {
  it('refuses two rows with one name on both name cells, before the space document drops one of them', () => {
    const rows = [
      row({ name: 'lr', low: '0.001', high: '0.1' }),
      row({ name: 'units', type: 'int', low: '16', high: '64' }),
      row({ name: 'lr', type: 'categorical', choices: 'a, b' }),
    ];
    expect(Object.keys(rowsToSpace(rows))).toEqual(['lr', 'units']); // what the API would have received
    const errors = checkRows(rows);
    const message = 'parameter name "lr" is used by rows 1 and 3; each parameter needs its own name';
    expect(errors).toEqual({ 'space.#0.name': [message], 'space.#2.name': [message] });
    expect(rowCellErrors(errors, rows, 0, 'name')).toEqual([message]);
    expect(rowCellErrors(errors, rows, 2, 'name')).toEqual([message]);
    expect(rowCellErrors(errors, rows, 1, 'name')).toEqual([]);
  });

  it('puts every non-numeric bound on its own cell at once', () => {
    const rows = [
      row({ name: 'lr', low: 'ten', high: '0.1' }),
      row({ name: 'units', type: 'int', low: '1', high: '', step: 'two' }),
    ];
    expect(checkRows(rows)).toEqual({
      'space.#0.low': ['parameter "lr": low must be a number, got "ten"'],
      'space.#1.high': ['parameter "units": high must be a number, got ""'],
      'space.#1.step': ['parameter "units": step must be a number, got "two"'],
    });
  });

  it('refuses a row whose name was cleared but whose values remain, rather than leaving the parameter out', () => {
    const rows = [
      row({ name: 'lr', low: '0.001', high: '0.1' }),
      row({ name: '  ', type: 'int', low: '16', high: '256', log: true }),
      row({ name: '', type: 'categorical', choices: 'relu, tanh' }),
    ];
    expect(Object.keys(rowsToSpace(rows))).toEqual(['lr']); // what the API would have received
    expect(checkRows(rows)).toEqual({
      'space.#1.name': [
        'name is required for a row that has low="16", high="256"; clear them or remove the row',
      ],
      'space.#2.name': [
        'name is required for a row that has choices="relu, tanh"; clear them or remove the row',
      ],
    });
    expect(rowCellErrors(checkRows(rows), rows, 1, 'name')).toHaveLength(1);
  });

  it('leaves alone empty rows, categorical bounds and valid rows', () => {
    expect(
      checkRows([
        emptyRow(),
        row({ name: 'opt', type: 'categorical', choices: 'adam' }),
        row({ name: 'x', low: '0', high: '1', step: '0.5' }),
      ]),
    ).toEqual({});
  });

  it("shows the API's errors on the cell they name, and the rest under the space text", () => {
    const rows = [row({ name: 'lr', low: '0.1', high: '0.01' }), row({ name: 'lr' })];
    const errors = {
      'space.lr.high': ['`low <= high` must hold, got low=0.1, high=0.01'],
      'space.lr': ['a parameter name starts with a letter'],
      'space.gone.low': ['for a parameter the rows do not show'],
      space: ['a search space must define at least one parameter'],
      name: ['not a space error'],
    };
    expect(rowCellErrors(errors, rows, 0, 'high')).toEqual([
      '`low <= high` must hold, got low=0.1, high=0.01',
    ]);
    expect(rowCellErrors(errors, rows, 0, 'name')).toEqual(['a parameter name starts with a letter']);
    expect(rowCellErrors(errors, rows, 0, 'low')).toEqual([]);
    expect(rowCellErrors(errors, rows, 1, 'high')).toEqual([]); // the API's messages go to the first row of a name
    expect(spaceLevelErrors(errors, rows)).toEqual([
      'for a parameter the rows do not show',
      'a search space must define at least one parameter',
    ]);
  });
});

describe('the space text refuses a key given twice', () => {
  it('names the key and where it is in JSON, which JSON.parse would silently merge', () => {
    const text =
      '{"lr": {"type": "float", "low": 0, "high": 1}, "units": {"type": "int", "low": 1, "high": 2}, "lr": {"type": "int", "low": 1, "high": 3}}';
    expect(duplicateJsonKey(text)).toEqual({ path: '', key: 'lr' });
    expect(textToSpace(text, 'json')).toEqual({
      error: 'space is not valid JSON: the key "lr" appears twice',
    });
    expect(duplicateJsonKey('{"lr": {"type": "float", "low": 0, "low": 1}}')).toEqual({
      path: 'lr',
      key: 'low',
    });
    expect(duplicateJsonKey('{"a": [{"x": 1}, {"x": 2}], "b": {"a": "\\"a\\""}}')).toBeUndefined();
  });

  it('in YAML too', () => {
    expect(textToSpace('lr: {type: float}\nlr: {type: int}\n', 'yaml').error).toMatch(
      /^space is not valid YAML: Map keys must be unique/,
    );
  });
});
