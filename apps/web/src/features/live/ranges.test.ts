import { describe, expect, it } from 'vitest';
import { fromColumns, planRanges, readRanges, TRIAL_RANGE, type Columns } from './ranges.ts';

/** Range `[from, to)` of a study whose trials carry `numbers`, as `Study.trialColumns` gives it. */
function columns(numbers: number[], from: number, to: number): Columns {
  const inside = numbers.filter((n) => n >= from && n < to).sort((a, b) => a - b);
  const next = numbers.filter((n) => n >= to).sort((a, b) => a - b)[0] ?? null;
  return {
    ids: inside.map((n) => `t${n}`),
    numbers: inside,
    states: inside.map((n) => (n % 2 ? 'COMPLETE' : 'RUNNING')),
    attempts: inside.map(() => 0),
    durations: inside.map((n) => (n % 2 ? 1.5 : null)),
    params: { lr: inside.map((n) => n / 1000), optimizer: inside.map((n) => (n % 3 ? 'adam' : null)) },
    values: inside.map((n) => (n % 2 ? [n, 'NaN'] : null)),
    next,
  };
}

describe('reading a big study as ranges of columns', () => {
  it('turns columns back into trials, leaving out parameters a trial lacks and non-finite values', () => {
    const trials = fromColumns({
      ids: ['a', 'b'],
      numbers: [0, 1],
      states: ['RUNNING', 'COMPLETE'],
      attempts: [0, 2],
      durations: [null, 3],
      params: { lr: [0.1, 0.2], optimizer: [null, 'sgd'] },
      values: [null, [0.5, 'Infinity']],
      next: null,
    });
    expect(trials).toEqual([
      { id: 'a', number: 0, state: 'RUNNING', attempt: 0, params: { lr: 0.1 }, values: null, durationSeconds: null },
      { id: 'b', number: 1, state: 'COMPLETE', attempt: 2, params: { lr: 0.2, optimizer: 'sgd' }, values: [0.5, null], durationSeconds: 3 },
    ]);
  });

  it('plans the ranges after the first from the trial count, up to the most the page holds', () => {
    expect(planRanges(TRIAL_RANGE, TRIAL_RANGE)).toEqual([]);
    expect(planRanges(5_000, 12_001)).toEqual([
      [5_000, 10_000],
      [10_000, 15_000],
    ]);
    expect(planRanges(5_000, 1_000_000, 20_000)).toHaveLength(3);
  });

  it('reads every range at once, follows `next` past them, and keeps number order', async () => {
    // 12,000 trials numbered 0…11,999, and two created past the planned ranges (a gap in the numbers).
    const numbers = [...Array.from({ length: 12_000 }, (_, i) => i), 15_500, 27_000];
    const reads: number[] = [];
    let inFlight = 0;
    let most = 0;
    const trials = await readRanges(0, 12_000, async (from) => {
      reads.push(from);
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight -= 1;
      return columns(numbers, from, from + TRIAL_RANGE);
    });
    expect(trials.map((t) => t.number)).toEqual(numbers);
    expect(trials[1]).toMatchObject({ id: 't1', state: 'COMPLETE', params: { lr: 0.001, optimizer: 'adam' }, values: [1, null], durationSeconds: 1.5 });
    expect(most).toBe(3);
    expect(reads).toEqual([0, 5_000, 10_000, 15_500, 27_000]);
  });

  it('reads from a start, at least one range even when the count says nothing is left, and stops at the room left', async () => {
    const numbers = [...Array.from({ length: 1_000 }, (_, i) => i), 1_200, 7_000, 8_000];
    const reads: number[] = [];
    const read = async (from: number) => {
      reads.push(from);
      return columns(numbers, from, from + TRIAL_RANGE);
    };
    // The count (1,000) was read before trials 1,200, 7,000 and 8,000 were created.
    expect((await readRanges(1_000, 1_000, read)).map((t) => t.number)).toEqual([1_200, 7_000, 8_000]);
    expect(reads).toEqual([1_000, 7_000]);
    expect((await readRanges(1_000, 1_000, read, 2)).map((t) => t.number)).toEqual([1_200, 7_000]);
  });
});
