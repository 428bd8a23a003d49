import { describe, expect, it } from 'vitest';
import { parseSpace } from '../space';
import type { FrozenTrial } from '../types';
import { createSampler } from './create';
import { countOnlyHistory } from './types';

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
  it.each(['random', 'qmc'] as const)('%s suggests the same batch from a stand-in history as from the real one', (kind) => {
    const sampler = createSampler({ kind, seed: 7 });
    expect(sampler.reads).toBe('count');
    for (const n of [0, 1, 37]) {
      const real = sampler.ask({ space, trials: realHistory(n), directions: ['minimize'] }, 5);
      const standIn = sampler.ask({ space, trials: countOnlyHistory(n), directions: ['minimize'] }, 5);
      expect(standIn).toEqual(real);
      expect(real).toHaveLength(5);
    }
  });

  it.each(['tpe', 'grid', 'gp', 'cmaes', 'nsga2', 'auto'] as const)('%s reads the whole history', (kind) => {
    expect(createSampler({ kind }).reads).toBeUndefined();
  });

  it('numbers the stand-ins 0..n-1 and refuses a bad count', () => {
    expect(countOnlyHistory(3).map((t) => t.number)).toEqual([0, 1, 2]);
    expect(() => countOnlyHistory(-1)).toThrow(/n=-1/);
  });
});
