import { describe, expect, it } from 'vitest';
import { SpaceError } from './errors.ts';
import { MAX_CHOICES, MAX_PARAMS, activeParams, parseSpace, spaceContains, spaceToJson } from './space.ts';
import { decodeFromUnitCube, encodeToUnitCube } from './space-codec.ts';

const example = {
  learningRate: { type: 'float', low: 1e-5, high: 0.1, log: true },
  dropout: { type: 'float', low: 0, high: 0.5, step: 0.05 },
  layers: { type: 'int', low: 1, high: 4 },
  optimizer: { type: 'categorical', choices: ['adam', 'sgd'] },
  momentum: { type: 'float', low: 0, high: 0.99, when: { optimizer: ['sgd'] } },
};

function errorOf(json: unknown): SpaceError {
  try {
    parseSpace(json);
  } catch (e) {
    if (e instanceof SpaceError) return e;
    throw e;
  }
  throw new Error('parseSpace accepted the document');
}

describe('parseSpace', () => {
  it('accepts the example document and orders parents before children', () => {
    const { momentum, ...rest } = example;
    const space = parseSpace({ momentum, ...rest });
    const names = space.params.map((p) => p.name);
    expect(names.indexOf('optimizer')).toBeLessThan(names.indexOf('momentum'));
    expect(space.params).toHaveLength(5);
  });

  it('round-trips through spaceToJson', () => {
    const space = parseSpace(example);
    expect(parseSpace(spaceToJson(space))).toEqual(space);
  });

  const rules: [string, unknown, string | undefined, RegExp][] = [
    ['a document that is not an object', [1], undefined, /must be a JSON object.*got \[1\]/],
    ['an empty document', {}, undefined, /at least one parameter/],
    ['more parameters than the cap', Object.fromEntries(Array.from({ length: MAX_PARAMS + 1 }, (_, i) => [`p${i}`, { type: 'int', low: 0, high: 1 }])), undefined, new RegExp(`at most ${MAX_PARAMS} parameters, got ${MAX_PARAMS + 1}`)],
    ['an over-long name', { ['x'.repeat(65)]: { type: 'int', low: 0, high: 1 } }, 'x'.repeat(65), /1 to 64 characters, got 65/],
    ['a spec that is not an object', { a: 3 }, 'a', /spec must be an object, got 3/],
    ['an unknown type', { a: { type: 'double', low: 0, high: 1 } }, 'a', /`type` must be one of float, int, categorical, got type="double"/],
    ['an unknown field', { a: { type: 'float', low: 0, high: 1, lowe: 2 } }, 'a', /unknown field `lowe`/],
    ['a NaN bound', { a: { type: 'float', low: Number.NaN, high: 1 } }, 'a', /`low` must be a finite number, got low=NaN/],
    ['a missing bound', { a: { type: 'float', low: 0 } }, 'a', /`high` must be a finite number, got high=undefined/],
    ['low above high', { a: { type: 'float', low: 3, high: 1 } }, 'a', /`low <= high` must hold, got low=3, high=1/],
    ['a range wider than the largest double', { a: { type: 'float', low: -1e308, high: 1e308 } }, 'a', /`high - low` must be a finite number, got low=-1e\+308, high=1e\+308/],
    ['a non-boolean log', { a: { type: 'float', low: 1, high: 2, log: 'yes' } }, 'a', /`log` must be true or false, got log="yes"/],
    ['log with low at zero', { a: { type: 'float', low: 0, high: 1, log: true } }, 'a', /`low > 0` must hold when log is true, got low=0/],
    ['a zero step', { a: { type: 'float', low: 0, high: 1, step: 0 } }, 'a', /`step > 0` must hold, got step=0/],
    ['a step not dividing the range', { a: { type: 'float', low: 0, high: 1, step: 0.3 } }, 'a', /`step` must divide `high - low`, got low=0, high=1, step=0.3/],
    ['step together with log on a float', { a: { type: 'float', low: 1, high: 2, step: 0.5, log: true } }, 'a', /`step` and `log` cannot both be set/],
    ['a fractional int bound', { a: { type: 'int', low: 0.5, high: 3 } }, 'a', /`low` must be an integer for type int, got low=0.5/],
    ['a log int with step 2', { a: { type: 'int', low: 1, high: 9, step: 2, log: true } }, 'a', /`step` must be 1 when log is true for type int, got step=2/],
    ['an int step not dividing the range', { a: { type: 'int', low: 0, high: 10, step: 3 } }, 'a', /must divide `high - low`, got low=0, high=10, step=3/],
    ['empty choices', { a: { type: 'categorical', choices: [] } }, 'a', /`choices` must be a non-empty array, got choices=\[\]/],
    ['too many choices', { a: { type: 'categorical', choices: Array.from({ length: MAX_CHOICES + 1 }, (_, i) => i) } }, 'a', /at most 1000 values, got 1001/],
    ['a choice that is not a scalar', { a: { type: 'categorical', choices: ['x', { y: 1 }] } }, 'a', /choices\[1\] must be a string, a finite number or a boolean, got \{"y":1\}/],
    ['duplicate choices', { a: { type: 'categorical', choices: ['x', 'y', 'x'] } }, 'a', /must not repeat a value, got "x" twice/],
    ['a when that is not an object', { a: { type: 'int', low: 0, high: 1, when: ['b'] } }, 'a', /`when` must be an object/],
    ['a when on an unknown parameter', { a: { type: 'int', low: 0, high: 1, when: { b: ['x'] } } }, 'a', /unknown parameter "b"/],
    ['a when with no values', { b: { type: 'categorical', choices: ['x'] }, a: { type: 'int', low: 0, high: 1, when: { b: [] } } }, 'a', /`when.b` must be a non-empty array of values, got \[\]/],
    ['a when value the parent cannot take', { b: { type: 'categorical', choices: ['x'] }, a: { type: 'int', low: 0, high: 1, when: { b: ['z'] } } }, 'a', /`when.b` lists "z", which "b" cannot take/],
    ['a when on a continuous float', { b: { type: 'float', low: 0, high: 1 }, a: { type: 'int', low: 0, high: 1, when: { b: [0.5] } } }, 'a', /needs a categorical, int or stepped float parent/],
    ['a when on the parameter itself', { a: { type: 'int', low: 0, high: 1, when: { a: [0] } } }, 'a', /must not refer to the parameter itself/],
    ['cyclic whens', { a: { type: 'int', low: 0, high: 1, when: { b: [0] } }, b: { type: 'int', low: 0, high: 1, when: { a: [1] } } }, 'a', /must not form a cycle, got a → b → a/],
  ];
  it.each(rules)('rejects %s with a message naming the rule and the values', (_label, json, param, message) => {
    const error = errorOf(json);
    expect(error.param).toBe(param);
    expect(error.message).toMatch(message);
    if (param !== undefined) expect(error.message).toContain(`parameter "${param}"`);
  });
});

describe('conditions', () => {
  it('activates a child only when its parent takes a listed value, through nesting', () => {
    const space = parseSpace({
      ...example,
      nesterov: { type: 'categorical', choices: [true, false], when: { momentum: [0], optimizer: ['sgd'] } },
      momentum: { type: 'float', low: 0, high: 0.9, step: 0.1, when: { optimizer: ['sgd'] } },
    });
    const names = (params: Record<string, string | number | boolean>): string[] => activeParams(space, params).map((p) => p.name);
    expect(names({ optimizer: 'adam' })).not.toContain('momentum');
    expect(names({ optimizer: 'sgd', momentum: 0.5 })).toContain('momentum');
    expect(names({ optimizer: 'sgd', momentum: 0.5 })).not.toContain('nesterov');
    expect(names({ optimizer: 'sgd', momentum: 0 })).toContain('nesterov');
  });

  it('contains a point exactly when every active parameter is present and valid and nothing else is', () => {
    const space = parseSpace(example);
    const base = { learningRate: 0.001, dropout: 0.15, layers: 2, optimizer: 'adam' };
    expect(spaceContains(space, base)).toBe(true);
    expect(spaceContains(space, { ...base, momentum: 0.5 })).toBe(false);
    expect(spaceContains(space, { ...base, optimizer: 'sgd' })).toBe(false);
    expect(spaceContains(space, { ...base, optimizer: 'sgd', momentum: 0.5 })).toBe(true);
    expect(spaceContains(space, { ...base, dropout: 0.17 })).toBe(false);
    expect(spaceContains(space, { ...base, layers: 2.5 })).toBe(false);
    expect(spaceContains(space, { ...base, learningRate: 0.2 })).toBe(false);
    expect(spaceContains(space, { ...base, extra: 1 })).toBe(false);
  });
});

describe('unit-cube encoding', () => {
  const space = parseSpace(example);

  it('encodes log parameters by their logarithm and categoricals at the centre of their cell', () => {
    const u = encodeToUnitCube(space, { learningRate: 10 ** -3, dropout: 0, layers: 4, optimizer: 'sgd' });
    const at = (name: string): number => u[space.index[name] as number] as number;
    expect(at('learningRate')).toBeCloseTo(0.5, 12);
    expect(at('optimizer')).toBeCloseTo(0.75, 12);
    expect(at('dropout')).toBeCloseTo(0.5 / 11, 12);
    expect(at('layers')).toBeCloseTo(3.5 / 4, 12);
    expect(Number.isNaN(at('momentum'))).toBe(true);
  });

  it('decodes any vector of the cube to a point of the space and inverts encoding', () => {
    for (let i = 0; i <= 20; i++) {
      const u = space.params.map((_, d) => ((i * 7 + d * 3) % 21) / 20);
      const params = decodeFromUnitCube(space, u);
      expect(spaceContains(space, params)).toBe(true);
      expect(decodeFromUnitCube(space, encodeToUnitCube(space, params).map((x) => (Number.isNaN(x) ? 0.3 : x)))).toEqual(params);
    }
  });

  it('rejects a vector of the wrong length, naming both lengths', () => {
    expect(() => decodeFromUnitCube(space, [0.5])).toThrow(/u.length === 5.*got u.length=1/);
  });
});
