import { describe, expect, it } from 'vitest';
import { parseSpace } from '../space.ts';
import type { FrozenTrial } from '../types.ts';
import { createSampler } from './create.ts';

const space = parseSpace({
  lr: { type: 'float', low: 1e-5, high: 1e-1, log: true },
  units: { type: 'int', low: 16, high: 256 },
  act: { type: 'categorical', choices: ['relu', 'tanh'] },
});

/** A real history: every state, values and parameters that a sampler reading them would notice. */
function realHistory(n: number): FrozenTrial[] {
  const states = ['COMPLETE', 'PRUNED', 'FAIL', 'RUNNING', 'PENDING'] as const;
  return Array.from({ length: n }, (_, i) => ({
    number: i,
    state: states[i % states.length]!,
    params: { lr: 10 ** (-5 + (i % 4)), units: 16 + i, act: i % 2 ? 'relu' : 'tanh' },
    ...(i % 5 === 0 ? { values: [1 / (i + 1)] } : {}),
  }));
}

describe('samplers that read only the count of trials', () => {
  it.each(['random', 'qmc'] as const)('%s suggests the same batch from the count as from the real history', (kind) => {
    const sampler = createSampler({ kind, seed: 7 });
    for (const n of [0, 1, 37]) {
      const real = sampler.ask({ space, trials: realHistory(n), directions: ['minimize'] }, 5);
      const fromCount = sampler.askFromCount!({ space, count: n, directions: ['minimize'] }, 5);
      expect(fromCount).toEqual(real);
      expect(real).toHaveLength(5);
    }
    // A study of a million trials costs nothing more than an empty one.
    expect(sampler.askFromCount!({ space, count: 1_000_000, directions: ['minimize'] }, 2)).toHaveLength(2);
  });

  it.each(['tpe', 'grid', 'gp', 'cmaes', 'nsga2', 'auto'] as const)('%s reads the whole history', (kind) => {
    expect(createSampler({ kind }).askFromCount).toBeUndefined();
  });

  it('refuses a bad count or batch size, naming it', () => {
    const sampler = createSampler({ kind: 'random' });
    expect(() => sampler.askFromCount!({ space, count: -1, directions: ['minimize'] })).toThrow(/count=-1/);
    expect(() => sampler.askFromCount!({ space, count: 3, directions: ['minimize'] }, 1.5)).toThrow(/n=1.5/);
  });
});
