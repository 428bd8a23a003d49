import { describe, expect, it } from 'vitest';
import type { FrozenTrial } from '@tuneboard/tuning';
import { pruneQuestion, pruneVerdict } from './prune-verdict.ts';

const loss = [{ name: 'loss', direction: 'minimize' as const }];
const threshold = { kind: 'threshold', upper: 10 };

function curve(number: number, state: FrozenTrial['state'], points: [number, number][]): FrozenTrial {
  return { number, state, params: {}, intermediate: points.map(([step, value]) => ({ step, value })) };
}

describe('pruneQuestion', () => {
  it('asks nothing of a study without a pruner, or about a batch without a point of the first objective', () => {
    expect(pruneQuestion({ objectives: loss, pruner: { kind: 'none' } }, { keys: ['loss'], steps: [1] })).toBeUndefined();
    expect(pruneQuestion({ objectives: loss, pruner: threshold }, { keys: ['acc', 'lr'], steps: [1, 1] })).toBeUndefined();
    expect(pruneQuestion({ objectives: [], pruner: threshold }, { keys: ['loss'], steps: [1] })).toBeUndefined();
  });

  it('judges the first objective at the batch’s steps of it, ascending and once each, in the objective’s direction', () => {
    const question = pruneQuestion(
      { objectives: [{ name: 'acc', direction: 'maximize' }, ...loss], pruner: { kind: 'median' } },
      { keys: ['acc', 'loss', 'acc', 'acc', 'loss'], steps: [7, 1, 3, 7, 9] },
    );
    expect(question).toMatchObject({ key: 'acc', steps: [3, 7], direction: 'maximize' });
    expect(question?.judge.kind).toBe('median');
    expect(question?.judge.reads).toBe('steps');
  });

  it('refuses a stored pruner the tuning package does not accept, naming the field', () => {
    expect(() => pruneQuestion({ objectives: loss, pruner: { kind: 'guess' } }, { keys: ['loss'], steps: [1] })).toThrow(/pruner\.kind/);
  });
});

describe('pruneVerdict', () => {
  it('judges each new step on the curve up to it: a bad step inside the batch prunes though the last is good', () => {
    const question = pruneQuestion({ objectives: loss, pruner: threshold }, { keys: ['loss', 'loss'], steps: [2, 1] })!;
    const history = [curve(0, 'RUNNING', [[1, 20], [2, 5]])];
    expect(pruneVerdict(question, { number: 0 }, history)).toBe(true);
    // The same curve judged only at its last step (a batch of step 2 alone) is within the threshold.
    const last = pruneQuestion({ objectives: loss, pruner: threshold }, { keys: ['loss'], steps: [2] })!;
    expect(pruneVerdict(last, { number: 0 }, history)).toBe(false);
  });

  it('compares with the other trials as the pruner says (median: worse than the completed trials at that step)', () => {
    const question = pruneQuestion(
      { objectives: loss, pruner: { kind: 'median', startupTrials: 2, warmupSteps: 0 } },
      { keys: ['loss'], steps: [1] },
    )!;
    const done = [curve(0, 'COMPLETE', [[1, 1]]), curve(1, 'COMPLETE', [[1, 2]])];
    expect(pruneVerdict(question, { number: 2 }, [...done, curve(2, 'RUNNING', [[1, 9]])])).toBe(true);
    expect(pruneVerdict(question, { number: 2 }, [...done, curve(2, 'RUNNING', [[1, 0.5]])])).toBe(false);
    // Before the start-up trials completed, nothing is pruned.
    expect(pruneVerdict(question, { number: 2 }, [done[0]!, curve(2, 'RUNNING', [[1, 9]])])).toBe(false);
  });

  it('does not prune a trial missing from the history', () => {
    const question = pruneQuestion({ objectives: loss, pruner: threshold }, { keys: ['loss'], steps: [1] })!;
    expect(pruneVerdict(question, { number: 5 }, [curve(0, 'RUNNING', [[1, 99]])])).toBe(false);
  });
});
