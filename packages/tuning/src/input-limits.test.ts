import { describe, expect, it } from 'vitest';
import { SpaceError, show } from './errors.ts';
import { createSampler } from './samplers/create.ts';
import { enumerateGrid } from './samplers/grid.ts';
import { parseSpace, spaceContains } from './space.ts';
import type { FrozenTrial, Params } from './types.ts';

/** Issue #15: spaces that made samplers throw `Invalid array length` or lose a parameter are refused by name, or work. */
describe('input limits of search spaces', () => {
  const refusal = (json: unknown): SpaceError => {
    try {
      parseSpace(json);
    } catch (error) {
      if (error instanceof SpaceError) return error;
      throw error;
    }
    throw new Error('the space was accepted');
  };

  it.each(['__proto__', 'constructor', 'prototype', 'a b', '1x', 'x\u0000', ''])('refuses the parameter name %j', (name) => {
    const json = JSON.parse(`{${JSON.stringify(name)}: {"type": "float", "low": 0, "high": 1}}`) as unknown;
    const error = refusal(json);
    expect(error.param).toBe(name);
  });

  it('accepts names of letters, digits, _ . / -', () => {
    expect(parseSpace({ 'opt.lr': { type: 'float', low: 0, high: 1 }, _n: { type: 'int', low: 1, high: 2 }, 'a/b-c': { type: 'int', low: 1, high: 2 } }).params).toHaveLength(3);
  });

  it('refuses a float step under (high - low) / 1e9 and ints beyond 2^53', () => {
    expect(refusal({ x: { type: 'float', low: 0, high: 1, step: 1e-300 } }).rule).toBe('step count');
    expect(refusal({ n: { type: 'int', low: 0, high: 1e300 } }).rule).toBe('high safe integer');
    expect(refusal({ n: { type: 'int', low: -(2 ** 60), high: 0 } }).rule).toBe('low safe integer');
    expect(parseSpace({ x: { type: 'float', low: 0, high: 1, step: 1e-9 } }).params[0]).toMatchObject({ step: 1e-9 });
  });

  it('names the parameter of a grid too large to list, before listing it', () => {
    const space = parseSpace({ a: { type: 'categorical', choices: ['x', 'y'] }, n: { type: 'int', low: 0, high: Number.MAX_SAFE_INTEGER } });
    expect(() => enumerateGrid(space)).toThrow(new SpaceError('n', 'grid size', `takes ${Number.MAX_SAFE_INTEGER + 1} values on the grid, a grid may hold at most 100000 points; use a larger \`step\` or another sampler`));
  });

  it.each(['gp', 'cmaes', 'tpe', 'nsga2'] as const)('%s proposes points of an int range of 2^53 values after its start-up trials', (kind) => {
    const space = parseSpace({ n: { type: 'int', low: 0, high: Number.MAX_SAFE_INTEGER }, x: { type: 'float', low: 0, high: 1, step: 1e-9 } });
    const sampler = createSampler({ kind, seed: 5 });
    const trials: FrozenTrial[] = [];
    for (let i = 0; i < 14; i++) {
      const [params] = sampler.ask({ space, trials, directions: ['minimize'] }) as Params[];
      expect(spaceContains(space, params!)).toBe(true);
      trials.push({ number: i, state: 'COMPLETE', params: params!, values: [((params!.n as number) / 2 ** 53 - 0.3) ** 2 + (params!.x as number)] });
    }
  });

  it('shows a value too deep for JSON.stringify without throwing, and cuts long values', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(show(deep)).toBe('[array]');
    expect(show('x'.repeat(1000))).toHaveLength(201);
  });
});
