import { describe, expect, it } from 'vitest';
import { parseSpace } from '../../space.ts';
import type { FrozenTrial } from '../../types.ts';
import { createSampler } from '../create.ts';
import { conditionGroups, defaultGamma, defaultWeights, paretoRanks, rankTrials } from './sampler.ts';

const line = parseSpace({ x: { type: 'float', low: -10, high: 10 } });

function complete(number: number, x: number, value: number): FrozenTrial {
  return { number, state: 'COMPLETE', params: { x }, values: [value] };
}

describe('TPE', () => {
  it('concentrates its suggestions near the optimum of a 1-D quadratic', () => {
    // Over 5 seeds, the last 20 of 60 trials should sit much closer to x = 3 than random search would
    // (uniform on [-10, 10]: median distance to 3 is about 5.5).
    const distances: number[] = [];
    for (let seed = 0; seed < 5; seed++) {
      const sampler = createSampler({ kind: 'tpe', seed });
      const trials: FrozenTrial[] = [];
      for (let i = 0; i < 60; i++) {
        const [p] = sampler.ask({ space: line, trials, directions: ['minimize'] });
        const x = p?.x as number;
        trials.push(complete(i, x, (x - 3) ** 2));
        if (i >= 40) distances.push(Math.abs(x - 3));
      }
    }
    distances.sort((a, b) => a - b);
    expect(distances[Math.floor(distances.length / 2)]).toBeLessThan(1);
  });

  it('maximises when asked to, concentrating near the maximum', () => {
    const sampler = createSampler({ kind: 'tpe', seed: 1 });
    const trials: FrozenTrial[] = [];
    for (let i = 0; i < 50; i++) {
      const [p] = sampler.ask({ space: line, trials, directions: ['maximize'] });
      const x = p?.x as number;
      trials.push(complete(i, x, -((x + 6) ** 2)));
    }
    const late = trials.slice(30).map((t) => t.params.x as number).sort((a, b) => a - b);
    expect(Math.abs((late[10] as number) + 6)).toBeLessThan(1.5);
  });

  it('spreads a parallel batch thanks to the constant liar', () => {
    const trials = Array.from({ length: 30 }, (_, i) => complete(i, -10 + (20 * i) / 29, ((-10 + (20 * i) / 29 - 3) ** 2)));
    const spread = (constantLiar: boolean): number => {
      const batch = createSampler({ kind: 'tpe', seed: 2, constantLiar }).ask({ space: line, trials, directions: ['minimize'] }, 8);
      const xs = batch.map((p) => p.x as number);
      return Math.max(...xs) - Math.min(...xs);
    };
    expect(spread(true)).toBeGreaterThan(spread(false));
  });

  it('ranks complete trials first, then pruned ones by how far they got and their last value, then failed, then running ones', () => {
    const trials: FrozenTrial[] = [
      { number: 0, state: 'RUNNING', params: { x: 0 } },
      { number: 1, state: 'PRUNED', params: { x: 1 }, intermediate: [{ step: 1, value: 5 }, { step: 2, value: 4 }] },
      { number: 2, state: 'PRUNED', params: { x: 2 }, intermediate: [{ step: 1, value: 0.1 }] },
      complete(3, 3, 10),
      { number: 4, state: 'FAIL', params: { x: 4 } },
      complete(5, 5, 2),
      { number: 6, state: 'PRUNED', params: { x: 6 }, intermediate: [{ step: 2, value: 3 }] },
    ];
    // The FAIL trial (4) ranks after every finished one, so it is always in the bad group.
    expect(rankTrials(trials, ['minimize'], true).map((r) => r.trial.number)).toEqual([5, 3, 6, 1, 2, 4, 0]);
    expect(rankTrials(trials, ['maximize'], false).map((r) => r.trial.number)).toEqual([3, 5, 1, 6, 2, 4]);
    // A COMPLETE trial without a finite value ranks like a failed one.
    expect(rankTrials([complete(7, 7, Number.NaN), complete(8, 8, 1)], ['minimize'], false).map((r) => r.trial.number)).toEqual([8, 7]);
  });

  it('ranks several objectives by Pareto front', () => {
    expect(paretoRanks([[1, 4], [2, 2], [3, 3], [4, 1], [5, 5]])).toEqual([0, 0, 1, 0, 2]);
  });

  it('groups parameters that share a chain of conditions', () => {
    const space = parseSpace({
      opt: { type: 'categorical', choices: ['a', 'b'] },
      lr: { type: 'float', low: 0, high: 1 },
      m: { type: 'float', low: 0, high: 1, when: { opt: ['b'] } },
      n: { type: 'int', low: 0, high: 3, when: { opt: ['b'] } },
      k: { type: 'int', low: 0, high: 3, when: { opt: ['a'] } },
    });
    expect(conditionGroups(space, true).map((g) => g.map((p) => p.name))).toEqual([['opt', 'lr'], ['m', 'n'], ['k']]);
    expect(conditionGroups(space, false)).toHaveLength(5);
  });

  it('uses 20 % of the observations as the good set, at most 25, and down-weights old ones past 25', () => {
    expect([1, 10, 11, 100, 1000].map(defaultGamma)).toEqual([1, 2, 3, 20, 25]);
    expect(defaultWeights(3)).toEqual([1, 1, 1]);
    const w = defaultWeights(30);
    expect(w).toHaveLength(30);
    expect(w[0]).toBeCloseTo(1 / 30, 12);
    expect(w.slice(5)).toEqual(Array.from({ length: 25 }, () => 1));
  });

  it('fits conditional groups only on trials where they were active', () => {
    const space = parseSpace({
      opt: { type: 'categorical', choices: ['a', 'b'] },
      m: { type: 'float', low: 0, high: 1, when: { opt: ['b'] } },
    });
    const trials: FrozenTrial[] = [];
    const sampler = createSampler({ kind: 'tpe', seed: 4, nStartupTrials: 8 });
    for (let i = 0; i < 60; i++) {
      const [p] = sampler.ask({ space, trials, directions: ['minimize'] });
      const value = p?.opt === 'b' ? Math.abs((p.m as number) - 0.8) : 1;
      trials.push({ number: i, state: 'COMPLETE', params: p ?? {}, values: [value] });
    }
    const late = trials.slice(30);
    expect(late.filter((t) => t.params.opt === 'b').length).toBeGreaterThan(20);
    const ms = late.filter((t) => t.params.opt === 'b').map((t) => t.params.m as number).sort((a, b) => a - b);
    expect(Math.abs((ms[Math.floor(ms.length / 2)] as number) - 0.8)).toBeLessThan(0.1);
  });
});
