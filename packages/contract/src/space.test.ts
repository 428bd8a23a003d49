import { describe, expect, it } from 'vitest';
import { duplicateJsonKey } from './json-keys.ts';
import { checkSpace, normalizeSpace, spaceFromEntries } from './space.ts';

describe('the search-space document', () => {
  it('refuses a parameter name used twice, on each row that uses it, instead of dropping one definition', () => {
    const { document, issues } = spaceFromEntries([
      { name: 'lr', spec: { type: 'float', low: 0.001, high: 0.1 } },
      { name: 'units', spec: { type: 'int', low: 1, high: 4 } },
      { name: ' lr ', spec: { type: 'categorical', choices: ['a'] } },
      { name: '', spec: { type: 'int', low: 0, high: 1 } },
    ]);
    const message = 'parameter name "lr" is used by rows 1 and 3; each parameter needs its own name';
    expect(issues).toEqual([
      { path: ['space', '#0', 'name'], message },
      { path: ['space', '#2', 'name'], message },
    ]);
    expect(Object.keys(document)).toEqual(['lr', 'units']);
  });

  it('finds a key given twice in JSON text, which JSON.parse would keep silently', () => {
    expect(duplicateJsonKey('{"lr": {"type": "float"}, "lr": {"type": "int"}}')).toEqual({ path: '', key: 'lr' });
    expect(duplicateJsonKey('{"lr": {"type": "float", "low": 0, "low": 1}}')).toEqual({ path: 'lr', key: 'low' });
    expect(duplicateJsonKey('{"a": [{"x": 1}, {"x": 2}], "b": {"a": "\\"a\\""}}')).toBeUndefined();
  });

  it('lists every faulty parameter at once, each at the field of its spec that is wrong, naming the value', () => {
    const { issues, space } = checkSpace({
      lr: { type: 'float', low: 'ten', high: 0.1 },
      units: { type: 'int', low: 8, high: 2 },
      dropout: { type: 'float', low: 0, high: 0.5 },
      wide: { type: 'float', low: -1.7976931348623157e308, high: 1.7976931348623157e308 },
    });
    expect(space).toBeUndefined();
    expect(issues).toEqual([
      { path: ['space', 'lr', 'low'], message: 'parameter "lr": `low` must be a finite number, got low="ten"' },
      { path: ['space', 'units', 'high'], message: 'parameter "units": `low <= high` must hold, got low=8, high=2' },
      {
        path: ['space', 'wide', 'high'],
        message: 'parameter "wide": `high - low` must be a finite number, got low=-1.7976931348623157e+308, high=1.7976931348623157e+308',
      },
    ]);
  });

  it('reports a rule between parameters when none is faulty on its own', () => {
    const { issues } = checkSpace({ a: { type: 'int', low: 0, high: 1, when: { b: [1] } } });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toEqual(['space', 'a', 'when']);
    expect(issues[0]?.message).toContain('unknown parameter "b"');
  });

  it('has one normal form: parents first, defaults left out, and normalising twice changes nothing', () => {
    const given = {
      units: { type: 'int', low: 1, high: 4, step: 1, log: false, when: { kind: ['mlp'] } },
      kind: { type: 'categorical', choices: ['mlp', 'cnn'] },
      lr: { type: 'float', low: 1e-4, high: 0.1, log: true },
    };
    const { space } = checkSpace(given);
    const normal = normalizeSpace(space!);
    expect(normal).toEqual({
      kind: { type: 'categorical', choices: ['mlp', 'cnn'] },
      units: { type: 'int', low: 1, high: 4, when: { kind: ['mlp'] } },
      lr: { type: 'float', low: 1e-4, high: 0.1, log: true },
    });
    expect(Object.keys(normal)).toEqual(['kind', 'units', 'lr']);
    expect(normalizeSpace(checkSpace(normal).space!)).toEqual(normal);
  });
});
