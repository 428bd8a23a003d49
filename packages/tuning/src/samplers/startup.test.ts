import { describe, expect, it } from 'vitest';
import { createRng } from '../rng.ts';
import { parseSpace } from '../space.ts';
import type { FrozenTrial } from '../types.ts';
import { createSampler } from './create.ts';
import { sampleUniform } from './random.ts';

const space = parseSpace({
  lr: { type: 'float', low: 1e-6, high: 1, log: true },
  n: { type: 'int', low: 0, high: 9 },
  c: { type: 'categorical', choices: ['a', 'b', 'c', 'd'] },
});

function history(kind: 'auto' | 'qmc' | 'tpe', count: number): FrozenTrial[] {
  const sampler = createSampler({ kind, seed: 3 });
  const trials: FrozenTrial[] = [];
  for (let i = 0; i < count; i++) {
    const [params] = sampler.ask({ space, trials, directions: ['minimize'] });
    trials.push({ number: i, state: 'COMPLETE', params: params ?? {}, values: [i] });
  }
  return trials;
}

describe('start-up sampling', () => {
  it('auto starts with the same scrambled Sobol points as qmc', () => {
    expect(history('auto', 10).map((t) => t.params)).toEqual(history('qmc', 10).map((t) => t.params));
    expect(history('auto', 12).map((t) => t.params)).not.toEqual(history('qmc', 12).map((t) => t.params));
  });

  it('qmc covers every int value and every choice exactly as often in its first 2^k points', () => {
    // 16 points: each half of every coordinate's range holds 8; 4 categorical cells hold 4 each.
    const trials = history('qmc', 16);
    const counts = new Map<string, number>();
    for (const t of trials) counts.set(String(t.params.c), (counts.get(String(t.params.c)) ?? 0) + 1);
    expect([...counts.values()]).toEqual([4, 4, 4, 4]);
    expect(trials.filter((t) => (t.params.lr as number) < 1e-3).length).toBe(8);
  });

  it('random sampling is log-uniform for log parameters and uniform over ints and choices', () => {
    const rng = createRng(9);
    const n = 20_000;
    const points = Array.from({ length: n }, () => sampleUniform(space, rng));
    const belowGeometricMid = points.filter((p) => (p.lr as number) < 1e-3).length / n;
    // Tolerances are about 5 standard errors of a proportion over 20,000 draws.
    expect(Math.abs(belowGeometricMid - 0.5)).toBeLessThan(0.02);
    for (let v = 0; v <= 9; v++) expect(Math.abs(points.filter((p) => p.n === v).length / n - 0.1)).toBeLessThan(0.01);
    for (const c of ['a', 'b', 'c', 'd']) expect(Math.abs(points.filter((p) => p.c === c).length / n - 0.25)).toBeLessThan(0.015);
  });
});
