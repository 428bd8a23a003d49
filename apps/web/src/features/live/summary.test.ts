import { describe, expect, it } from 'vitest';
import type { LiveTrial } from './study-store.ts';
import { summarize } from './summary.ts';

const t = (number: number, state: LiveTrial['state'], value: number | null = null): LiveTrial => ({
  id: `t${number}`,
  number,
  state,
  attempt: 0,
  params: {},
  values: value === null ? null : [value],
  durationSeconds: null,
});

describe('the summary computed from the store', () => {
  const trials = [t(0, 'COMPLETE', 0.4), t(1, 'COMPLETE', 0.2), t(2, 'PRUNED'), t(3, 'FAIL'), t(4, 'RUNNING'), t(5, 'PENDING'), t(6, 'COMPLETE', 0.2)];

  it('counts the rows the table shows and takes progress over the budget as the API does', () => {
    const { counts, progress } = summarize(trials, 10, [{ name: 'loss', direction: 'MINIMIZE' }]);
    expect(counts).toEqual({ pending: 1, running: 1, complete: 3, pruned: 1, fail: 1, cancelled: 0, total: 7 });
    expect(progress).toBe(0.5);
    expect(summarize(trials, null, []).progress).toBeNull();
  });

  it('picks the best complete trial by the first objective, the lower number on a tie', () => {
    expect(summarize(trials, 10, [{ name: 'loss', direction: 'MINIMIZE' }]).best?.number).toBe(1);
    expect(summarize(trials, 10, [{ name: 'acc', direction: 'MAXIMIZE' }]).best?.number).toBe(0);
  });
});
