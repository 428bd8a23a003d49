import type { Client } from 'urql';
import { describe, expect, it } from 'vitest';
import { fetchSnapshot } from './snapshot.ts';
import { FIRST_RANGE, fromColumns, TRIAL_RANGE, type Columns } from './ranges.ts';
import { fromSnapshot, storeReducer, type LiveEvent, type StudyStatus } from './study-store.ts';

/** Range `[from, to)` of trials numbered `numbers`, all RUNNING except those `complete`. */
function columns(numbers: readonly number[], from: number, to: number, complete: ReadonlySet<number> = new Set()): Columns {
  const inside = numbers.filter((n) => n >= from && n < to);
  return {
    ids: inside.map((n) => `t${n}`),
    numbers: inside,
    states: inside.map((n) => (complete.has(n) ? 'COMPLETE' : 'RUNNING')),
    attempts: inside.map(() => 0),
    durations: inside.map(() => null),
    params: { lr: inside.map((n) => n / 1000) },
    values: inside.map((n) => (complete.has(n) ? [n] : null)),
    next: numbers.find((n) => n >= to) ?? null,
  };
}

interface Served {
  seq: number;
  status: StudyStatus;
  complete?: ReadonlySet<number>;
}

/** A client whose `StudyTrialRange` answers from `numbers`, each range with the event number `served(from)` gives. */
function fakeClient(numbers: readonly number[], served: (from: number) => Served | null, reads: number[]) {
  return {
    query: (_document: unknown, variables: { from: number; to: number }) => ({
      toPromise: async () => {
        reads.push(variables.from);
        const at = served(variables.from);
        if (!at) return { data: { study: null } };
        return {
          data: {
            study: {
              id: 's',
              eventSeq: at.seq,
              status: at.status,
              failureReason: null,
              trialColumns: columns(numbers, variables.from, variables.to, at.complete),
            },
          },
        };
      },
    }),
  } as unknown as Client;
}

const numbers = Array.from({ length: 12_000 }, (_, i) => i);

describe('reading a whole study view as ranges read at once', () => {
  it('takes the lowest event number of its ranges, with the status read with it', async () => {
    const reads: number[] = [];
    const seqs: Record<number, Served> = { 0: { seq: 7, status: 'RUNNING' }, 5_000: { seq: 5, status: 'PAUSED' }, 10_000: { seq: 9, status: 'RUNNING' } };
    const snapshot = await fetchSnapshot(fakeClient(numbers, (from) => seqs[from]!, reads), 's', 12_000);
    expect(reads.sort((a, b) => a - b)).toEqual([0, 5_000, 10_000]);
    expect(snapshot).toMatchObject({ seq: 5, status: 'PAUSED', failureReason: null });
    expect(snapshot!.trials.map((t) => t.number)).toEqual(numbers);
  });

  it("completes the server's first trials with the ranges after them, never reading those again", async () => {
    const reads: number[] = [];
    const first = { seq: 4, status: 'RUNNING' as const, failureReason: null, trials: fromColumns(columns(numbers, 0, FIRST_RANGE)), partial: true };
    const snapshot = await fetchSnapshot(fakeClient(numbers, () => ({ seq: 6, status: 'RUNNING' }), reads), 's', 12_000, first);
    expect(reads.sort((a, b) => a - b)).toEqual([FIRST_RANGE, FIRST_RANGE + TRIAL_RANGE, FIRST_RANGE + 2 * TRIAL_RANGE]);
    // The server's trials were read at 4: the whole is only known to reflect the events up to 4.
    expect(snapshot).toMatchObject({ seq: 4, status: 'RUNNING' });
    expect(snapshot!.trials.map((t) => t.number)).toEqual(numbers);
  });

  it('is nothing when a range finds the study gone', async () => {
    const reads: number[] = [];
    const client = fakeClient(numbers, (from) => (from === 5_000 ? null : { seq: 1, status: 'RUNNING' }), reads);
    expect(await fetchSnapshot(client, 's', 12_000)).toBeNull();
  });

  it('gives the live store a whole view: the events held since the first number apply on top, none lost, none undone', async () => {
    const reads: number[] = [];
    const first = { seq: 4, status: 'RUNNING' as const, failureReason: null, trials: fromColumns(columns(numbers, 0, FIRST_RANGE)), partial: true };
    // Events 5 and 6 finished trials 10 and 2,000 while the ranges were read; the ranges were read after event 6.
    let store = fromSnapshot(first);
    const finished = (seq: number, number: number): LiveEvent => ({
      kind: 'TRIAL_FINISHED',
      seq,
      status: 'RUNNING',
      trial: { ...fromColumns(columns(numbers, number, number + 1, new Set([number])))[0]! },
    });
    store = storeReducer(store, { type: 'events', events: [finished(5, 10), finished(6, 2_000)] });
    expect(store).toMatchObject({ stale: true, partial: true, seq: 4 });
    const client = fakeClient(numbers, () => ({ seq: 6, status: 'RUNNING', complete: new Set([2_000]) }), reads);
    const snapshot = await fetchSnapshot(client, 's', 12_000, store);
    store = storeReducer(store, { type: 'snapshot', snapshot: snapshot! });
    expect(store).toMatchObject({ stale: false, partial: false, seq: 6 });
    expect(store.trials).toHaveLength(12_000);
    expect(store.trials[10]).toMatchObject({ number: 10, state: 'COMPLETE' });
    expect(store.trials[2_000]).toMatchObject({ number: 2_000, state: 'COMPLETE' });
  });
});
