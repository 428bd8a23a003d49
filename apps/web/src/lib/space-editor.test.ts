import { describe, expect, it } from 'vitest';
import { emptyRow, rowsToSpace, spaceToRows, spaceToText, textToSpace, type ParamRow } from './space-editor.ts';

const rows: ParamRow[] = [
  { ...emptyRow(), name: 'lr', type: 'float', low: '0.0001', high: '0.1', log: true },
  { ...emptyRow(), name: 'units', type: 'int', low: '16', high: '256', step: '16' },
  { ...emptyRow(), name: 'optimizer', type: 'categorical', choices: 'adam, sgd, 3, true' },
  { ...emptyRow(), name: 'momentum', type: 'float', low: '0', high: '0.99', when: 'optimizer=sgd' },
];

describe('space editor form and document', () => {
  it('turns form rows into the API space document with numbers, log, step, choices and conditions', () => {
    expect(rowsToSpace(rows)).toEqual({
      lr: { type: 'float', low: 0.0001, high: 0.1, log: true },
      units: { type: 'int', low: 16, high: 256, step: 16 },
      optimizer: { type: 'categorical', choices: ['adam', 'sgd', 3, true] },
      momentum: { type: 'float', low: 0, high: 0.99, when: { optimizer: ['sgd'] } },
    });
  });

  it('skips rows without a name and keeps text that is not a number so the API can name it', () => {
    const space = rowsToSpace([emptyRow(), { ...emptyRow(), name: 'x', low: 'abc', high: '2' }]);
    expect(space).toEqual({ x: { type: 'float', low: 'abc', high: 2 } });
  });

  it('round-trips a document through the form rows', () => {
    const space = rowsToSpace(rows);
    expect(rowsToSpace(spaceToRows(space))).toEqual(space);
  });

  it('reads several conditions and several allowed values', () => {
    const [row] = spaceToRows({ d: { type: 'int', low: 1, high: 3, when: { a: ['x', 'y'], b: [1] } } });
    expect(row?.when).toBe('a=x|y; b=1');
    expect(rowsToSpace(row ? [row] : [])).toEqual({
      d: { type: 'int', low: 1, high: 3, when: { a: ['x', 'y'], b: [1] } },
    });
  });

  it('refuses a parameter the form cannot show, naming it and its type', () => {
    expect(() => spaceToRows({ lr: { type: 'double' } })).toThrow(
      /parameter "lr": type must be float, int or categorical, got "double"/,
    );
    expect(() => spaceToRows([1, 2])).toThrow(/space must be an object/);
  });

  it('writes and reads the same document as JSON and as YAML', () => {
    const space = rowsToSpace(rows);
    for (const format of ['json', 'yaml'] as const) {
      expect(textToSpace(spaceToText(space, format), format)).toEqual({ space });
    }
    expect(spaceToText(space, 'yaml')).toContain('lr:\n  type: float');
  });

  it('reports text that does not parse with its format', () => {
    expect(textToSpace('{"lr": ', 'json').error).toMatch(/^space is not valid JSON: /);
    expect(textToSpace('lr: [1, 2', 'yaml').error).toMatch(/^space is not valid YAML: /);
    expect(textToSpace('   ', 'json')).toEqual({ space: {} });
  });
});
