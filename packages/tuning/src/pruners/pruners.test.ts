import { describe, expect, it } from 'vitest';
import type { FrozenTrial } from '../types.ts';
import { createPruner, hyperbandBracketOf, hyperbandBrackets, parsePrunerConfig } from './index.ts';
import type { PrunerConfig } from './index.ts';
import { createRng } from '../rng.ts';

function curve(number: number, state: FrozenTrial['state'], values: Record<number, number>): FrozenTrial {
  return { number, state, params: {}, intermediate: Object.entries(values).map(([step, value]) => ({ step: Number(step), value })) };
}

/** Five complete trials whose value at step 3 is 1, 2, 3, 4, 5. */
const finished = [1, 2, 3, 4, 5].map((v, i) => curve(i, 'COMPLETE', { 1: v + 1, 3: v }));

function prune(config: PrunerConfig, trial: FrozenTrial, trials: FrozenTrial[], direction: 'minimize' | 'maximize' = 'minimize'): boolean {
  return createPruner(config).shouldPrune({ trial, trials: [...trials, trial], direction });
}

describe('none pruner', () => {
  it('never prunes', () => {
    expect(prune({ kind: 'none' }, curve(9, 'RUNNING', { 3: 1e9 }), finished)).toBe(false);
  });
});

describe('median pruner', () => {
  it('prunes a trial whose best value so far is worse than the median at this step', () => {
    expect(prune({ kind: 'median' }, curve(9, 'RUNNING', { 1: 9, 3: 3.5 }), finished)).toBe(true);
    expect(prune({ kind: 'median' }, curve(9, 'RUNNING', { 1: 2.5, 3: 3.5 }), finished)).toBe(false);
    expect(prune({ kind: 'median' }, curve(9, 'RUNNING', { 3: 2.5 }), finished)).toBe(false);
  });

  it('flips the comparison when maximising', () => {
    expect(prune({ kind: 'median' }, curve(9, 'RUNNING', { 3: 2.5 }), finished, 'maximize')).toBe(true);
    expect(prune({ kind: 'median' }, curve(9, 'RUNNING', { 3: 3.5 }), finished, 'maximize')).toBe(false);
  });

  it('waits for the warm-up steps and the start-up trials', () => {
    const bad = curve(9, 'RUNNING', { 3: 100 });
    expect(prune({ kind: 'median', warmupSteps: 4 }, bad, finished)).toBe(false);
    expect(prune({ kind: 'median', warmupSteps: 3 }, bad, finished)).toBe(true);
    expect(prune({ kind: 'median' }, bad, finished.slice(0, 4))).toBe(false);
    expect(prune({ kind: 'median', startupTrials: 4 }, bad, finished.slice(0, 4))).toBe(true);
  });

  it('does not compare at a step no other trial reported, and prunes a NaN', () => {
    expect(prune({ kind: 'median' }, curve(9, 'RUNNING', { 2: 100 }), finished)).toBe(false);
    expect(prune({ kind: 'median' }, curve(9, 'RUNNING', { 2: 0, 3: Number.NaN }), finished)).toBe(true);
  });

  it('requires minTrials reports at the step', () => {
    expect(prune({ kind: 'median', minTrials: 6 }, curve(9, 'RUNNING', { 3: 100 }), finished)).toBe(false);
  });
});

describe('percentile pruner', () => {
  it('prunes beyond the 25th percentile (2 among 1…5) when minimising', () => {
    expect(prune({ kind: 'percentile', percentile: 25 }, curve(9, 'RUNNING', { 3: 2.5 }), finished)).toBe(true);
    expect(prune({ kind: 'percentile', percentile: 25 }, curve(9, 'RUNNING', { 3: 1.5 }), finished)).toBe(false);
  });

  it('uses the mirrored percentile (75th: 4) when maximising', () => {
    expect(prune({ kind: 'percentile', percentile: 25 }, curve(9, 'RUNNING', { 3: 3.5 }), finished, 'maximize')).toBe(true);
    expect(prune({ kind: 'percentile', percentile: 25 }, curve(9, 'RUNNING', { 3: 4.5 }), finished, 'maximize')).toBe(false);
  });
});

describe('threshold pruner', () => {
  const config: PrunerConfig = { kind: 'threshold', lower: 0, upper: 1 };
  it('prunes when the latest value leaves [lower, upper] or is NaN', () => {
    expect(prune(config, curve(9, 'RUNNING', { 1: 0.5 }), [])).toBe(false);
    expect(prune(config, curve(9, 'RUNNING', { 1: 0.5, 2: 1.5 }), [])).toBe(true);
    expect(prune(config, curve(9, 'RUNNING', { 1: -0.1 }), [])).toBe(true);
    expect(prune(config, curve(9, 'RUNNING', { 1: Number.NaN }), [])).toBe(true);
    expect(prune({ ...config, warmupSteps: 2 }, curve(9, 'RUNNING', { 1: 5 }), [])).toBe(false);
  });
});

describe('ASHA pruner', () => {
  // Rungs at resources 1, 2, 4, 8 (minResource 1, η = 2).
  const config: PrunerConfig = { kind: 'asha', minResource: 1, reductionFactor: 2 };
  const others = [curve(0, 'COMPLETE', { 1: 1.0, 2: 0.5, 4: 0.4 }), curve(1, 'PRUNED', { 1: 2.0, 2: 1.5 })];

  it('lets the first trial at a rung continue', () => {
    expect(prune(config, curve(0, 'RUNNING', { 1: 100 }), [])).toBe(false);
  });

  it('keeps only the top 1/η at a rung: 1.5 among 1.0, 1.5, 2.0 stops, 0.8 continues', () => {
    expect(prune(config, curve(2, 'RUNNING', { 1: 1.5 }), others)).toBe(true);
    expect(prune(config, curve(2, 'RUNNING', { 1: 0.8 }), others)).toBe(false);
  });

  it('judges the next rung with the value reached there', () => {
    expect(prune(config, curve(2, 'RUNNING', { 1: 0.8, 2: 1.0 }), others)).toBe(true);
    expect(prune(config, curve(2, 'RUNNING', { 1: 0.8, 2: 0.4 }), others)).toBe(false);
  });

  it('does not judge between rungs', () => {
    expect(prune(config, curve(2, 'RUNNING', { 1: 0.8, 2: 0.4, 3: 99 }), others)).toBe(false);
  });

  it('flips the ranking when maximising', () => {
    expect(prune(config, curve(2, 'RUNNING', { 1: 1.5 }), others, 'maximize')).toBe(true);
    expect(prune(config, curve(2, 'RUNNING', { 1: 2.5 }), others, 'maximize')).toBe(false);
  });

  it('starts later rungs with a higher minimum early-stopping rate', () => {
    // Rate 1: the first rung is at resource 2, so a bad value at step 1 is not judged.
    expect(prune({ ...config, minEarlyStoppingRate: 1 }, curve(2, 'RUNNING', { 1: 1.5 }), others)).toBe(false);
    expect(prune({ ...config, minEarlyStoppingRate: 1 }, curve(2, 'RUNNING', { 1: 1.5, 2: 1.6 }), others)).toBe(true);
  });
});

describe('Hyperband pruner', () => {
  it('builds ⌊log_η(max/min)⌋ + 1 brackets weighted by their number of configurations', () => {
    expect(hyperbandBrackets(1, 9, 3)).toEqual([
      { rate: 0, weight: 9 },
      { rate: 1, weight: 5 },
      { rate: 2, weight: 3 },
    ]);
  });

  it('assigns trials to brackets in proportion to their weights', () => {
    const brackets = hyperbandBrackets(1, 9, 3);
    const counts = [0, 0, 0];
    for (let n = 0; n < 17_000; n++) counts[hyperbandBracketOf(n, brackets)]!++;
    expect(counts[0]! / 17_000).toBeCloseTo(9 / 17, 1);
    expect(counts[2]! / 17_000).toBeCloseTo(3 / 17, 1);
  });

  it('compares a trial only with trials of its own bracket', () => {
    const brackets = hyperbandBrackets(1, 9, 3);
    const inZero = Array.from({ length: 50 }, (_, n) => n).filter((n) => hyperbandBracketOf(n, brackets) === 0);
    const elsewhere = Array.from({ length: 50 }, (_, n) => n).filter((n) => hyperbandBracketOf(n, brackets) !== 0);
    const config: PrunerConfig = { kind: 'hyperband', minResource: 1, maxResource: 9, reductionFactor: 3 };
    const [me, peer, peer2] = inZero as [number, number, number];
    const strangers = elsewhere.slice(0, 5).map((n) => curve(n, 'COMPLETE', { 1: 0 }));
    // Only strangers did better: alone in its bracket, the trial continues.
    expect(prune(config, curve(me, 'RUNNING', { 1: 5 }), strangers)).toBe(false);
    // Two bracket peers did better: 5 is not in the top third of [0, 0, 5].
    const peers = [curve(peer, 'COMPLETE', { 1: 0 }), curve(peer2, 'COMPLETE', { 1: 0 })];
    expect(prune(config, curve(me, 'RUNNING', { 1: 5 }), [...strangers, ...peers])).toBe(true);
  });
});

describe('parsePrunerConfig', () => {
  const bad: [string, unknown, RegExp][] = [
    ['a non-object', 'median', /pruner: must be a JSON object with a `kind`, got "median"/],
    ['an unknown kind', { kind: 'early' }, /pruner.kind: must be one of none, median, percentile, asha, hyperband, threshold, got kind="early"/],
    ['an unknown field', { kind: 'median', warmup: 3 }, /pruner.warmup: unknown field for kind "median"/],
    ['negative warm-up steps', { kind: 'median', warmupSteps: -1 }, /pruner.warmupSteps: must be an integer with `0 <= warmupSteps/],
    ['a missing percentile', { kind: 'percentile' }, /pruner.percentile: is required/],
    ['a percentile above 100', { kind: 'percentile', percentile: 120 }, /`0 <= percentile <= 100` must hold, got percentile=120/],
    ['a reduction factor of 1', { kind: 'asha', reductionFactor: 1 }, /`reductionFactor > 1` must hold, got reductionFactor=1/],
    ['a hyperband without max resource', { kind: 'hyperband' }, /pruner.maxResource: is required/],
    ['max resource below min', { kind: 'hyperband', minResource: 4, maxResource: 2 }, /`minResource <= maxResource` must hold, got minResource=4, maxResource=2/],
    ['a threshold with no bound', { kind: 'threshold' }, /at least one of `lower` and `upper`/],
    ['a threshold with lower above upper', { kind: 'threshold', lower: 2, upper: 1 }, /`lower <= upper` must hold, got lower=2, upper=1/],
  ];
  it.each(bad)('rejects %s, naming the field and value', (_label, json, message) => {
    expect(() => parsePrunerConfig(json)).toThrow(message);
  });

  it('accepts a valid config and keeps only the given fields', () => {
    expect(parsePrunerConfig({ kind: 'asha', minResource: 2, warmupSteps: 1 })).toEqual({ kind: 'asha', minResource: 2, warmupSteps: 1 });
  });
});

describe('pruners that read other trials only at the judged step', () => {
  it('give the same verdict from the other trials’ values at that step as from their whole curves', () => {
    const rng = createRng(11, 0, 0x51);
    const configs: PrunerConfig[] = [
      { kind: 'none' },
      { kind: 'median', startupTrials: 2 },
      { kind: 'median', warmupSteps: 3, minTrials: 2 },
      { kind: 'percentile', percentile: 25 },
      { kind: 'threshold', upper: 0.8 },
    ];
    const states = ['COMPLETE', 'COMPLETE', 'PRUNED', 'RUNNING', 'FAIL'] as const;
    let verdicts = 0;
    for (let round = 0; round < 300; round++) {
      const curve = (length: number) =>
        Array.from({ length }, (_, step) => ({ step, value: rng.next() < 0.03 ? Number.NaN : rng.next() + 1 / (step + 1) }));
      const trials: FrozenTrial[] = Array.from({ length: 2 + Math.floor(rng.next() * 8) }, (_, number) => ({
        number,
        state: states[Math.floor(rng.next() * states.length)]!,
        params: {},
        intermediate: curve(Math.floor(rng.next() * 12)),
      }));
      const judged: FrozenTrial = { number: trials.length, state: 'RUNNING', params: {}, intermediate: curve(1 + Math.floor(rng.next() * 10)) };
      const step = judged.intermediate!.at(-1)!.step;
      const atStep = trials.map((t) => ({ ...t, intermediate: t.intermediate!.filter((x) => x.step === step) }));
      for (const config of configs) {
        const pruner = createPruner(config);
        expect(pruner.reads).toBe('steps');
        const full = pruner.shouldPrune({ trial: judged, trials: [...trials, judged], direction: round % 2 ? 'minimize' : 'maximize' });
        const partial = pruner.shouldPrune({ trial: judged, trials: [...atStep, judged], direction: round % 2 ? 'minimize' : 'maximize' });
        expect(partial).toBe(full);
        if (full) verdicts += 1;
      }
    }
    // Both outcomes occurred, so the comparison above is not between two constant answers.
    expect(verdicts).toBeGreaterThan(50);
    expect(verdicts).toBeLessThan(1400);
  });

  it('ASHA and Hyperband read whole curves', () => {
    expect(createPruner({ kind: 'asha' }).reads).toBeUndefined();
    expect(createPruner({ kind: 'hyperband', maxResource: 27 }).reads).toBeUndefined();
  });
});
