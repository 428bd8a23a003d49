import { describe, expect, it } from 'vitest';
import { parseSpace } from '../space.ts';
import type { FrozenTrial } from '../types.ts';
import { createSampler } from './create.ts';
import { enumerateGrid, gridValuesOf } from './grid.ts';

const space = parseSpace({
  opt: { type: 'categorical', choices: ['adam', 'sgd'] },
  lr: { type: 'float', low: 1e-4, high: 1, log: true },
  m: { type: 'float', low: 0, high: 0.9, step: 0.3, when: { opt: ['sgd'] } },
});

describe('grid sampler', () => {
  it('takes every combination, conditional parameters only where their condition holds', () => {
    // adam: 5 learning rates; sgd: 5 learning rates × 4 momenta.
    expect(enumerateGrid(space)).toHaveLength(5 + 20);
    expect(enumerateGrid(space, 2)).toHaveLength(2 + 8);
  });

  it('spaces floats without step evenly on their (log) scale', () => {
    const values = gridValuesOf(space.params[space.index.lr as number]!, 5) as number[];
    expect(values.map((v) => Math.log10(v))).toEqual([-4, -3, -2, -1, 0].map((e) => expect.closeTo(e, 9) as unknown as number));
  });

  it('never repeats a point, across parallel asks too, and says when it is exhausted', () => {
    const sampler = createSampler({ kind: 'grid', seed: 1 });
    const trials: FrozenTrial[] = [];
    const seen = new Set<string>();
    while (true) {
      const ctx = { space, trials, directions: ['minimize' as const] };
      const remaining = sampler.remaining(ctx);
      const batch = sampler.ask(ctx, 4);
      expect(batch.length).toBe(Math.min(4, remaining ?? 0));
      if (batch.length === 0) break;
      for (const params of batch) {
        const key = JSON.stringify(params);
        expect(seen.has(key)).toBe(false);
        seen.add(key);
        trials.push({ number: trials.length, state: 'RUNNING', params });
      }
    }
    expect(seen.size).toBe(25);
    expect(sampler.remaining({ space, trials, directions: ['minimize'] })).toBe(0);
  });

  it('refuses a grid larger than the cap, naming the cap', () => {
    const huge = parseSpace({ a: { type: 'int', low: 0, high: 999 }, b: { type: 'int', low: 0, high: 999 } });
    expect(() => createSampler({ kind: 'grid' }).ask({ space: huge, trials: [], directions: ['minimize'] })).toThrow(/at most 100000 points/);
  });
});
