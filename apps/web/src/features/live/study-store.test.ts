import { describe, expect, it } from 'vitest';
import { fromSnapshot, storeReducer, trialRank, upsertTrials, type LiveEvent, type LiveTrial, type StudyStore } from './study-store.ts';

const trial = (number: number, state: LiveTrial['state'], attempt = 0, value: number | null = null): LiveTrial => ({
  id: `t${number}`,
  number,
  state,
  attempt,
  params: { lr: 0.01 },
  values: value === null ? null : [value],
  durationSeconds: null,
});
const event = (seq: number, kind: LiveEvent['kind'], t: LiveTrial | null = null, status: LiveEvent['status'] = 'RUNNING'): LiveEvent => ({
  kind,
  seq,
  trial: t,
  status,
});
const start = (seq = 3): StudyStore => fromSnapshot({ seq, status: 'RUNNING', failureReason: null, trials: [trial(1, 'RUNNING'), trial(0, 'COMPLETE', 0, 0.5)] });
const feed = (store: StudyStore, ...events: LiveEvent[]) => storeReducer(store, { type: 'events', events });

describe('the study live store', () => {
  it('applies events numbered one after the store, in order, and keeps trials by number', () => {
    const store = feed(start(), event(4, 'TRIAL_CREATED', trial(2, 'PENDING')), event(5, 'TRIAL_FINISHED', trial(1, 'COMPLETE', 0, 0.3)));
    expect(store.seq).toBe(5);
    expect(store.stale).toBe(false);
    expect(store.trials.map((t) => [t.number, t.state])).toEqual([
      [0, 'COMPLETE'],
      [1, 'COMPLETE'],
      [2, 'PENDING'],
    ]);
  });

  it('ignores duplicates and events at or below its number', () => {
    const once = feed(start(), event(4, 'TRIAL_FINISHED', trial(1, 'FAIL')));
    const again = feed(once, event(4, 'TRIAL_FINISHED', trial(1, 'FAIL')), event(2, 'TRIAL_CLAIMED', trial(1, 'RUNNING')));
    expect(again).toBe(once);
  });

  it('turns stale on a gap, holds later events unseen, and after the snapshot applies only those above it', () => {
    const gap = feed(start(), event(6, 'TRIAL_FINISHED', trial(1, 'COMPLETE', 0, 0.2)), event(7, 'TRIAL_CREATED', trial(3, 'PENDING')));
    expect(gap.stale).toBe(true);
    // Nothing of the held events is shown: the view keeps its last whole state.
    expect(gap.trials.map((t) => t.state)).toEqual(['COMPLETE', 'RUNNING']);
    expect(gap.seq).toBe(3);
    const settled = storeReducer(gap, {
      type: 'snapshot',
      snapshot: { seq: 6, status: 'RUNNING' as const, failureReason: null, trials: [trial(0, 'COMPLETE', 0, 0.5), trial(1, 'COMPLETE', 0, 0.2), trial(2, 'RUNNING')] },
    });
    expect(settled.stale).toBe(false);
    expect(settled.seq).toBe(7);
    expect(settled.trials.map((t) => [t.number, t.state])).toEqual([
      [0, 'COMPLETE'],
      [1, 'COMPLETE'],
      [2, 'RUNNING'],
      [3, 'PENDING'],
    ]);
  });

  it('stays stale when the held events leave a hole above the snapshot', () => {
    const gap = feed(start(), event(5, 'TRIAL_CREATED', trial(2, 'PENDING')), event(8, 'TRIAL_CREATED', trial(3, 'PENDING')));
    const settled = storeReducer(gap, { type: 'snapshot', snapshot: { seq: 5, status: 'RUNNING' as const, failureReason: null, trials: [trial(2, 'PENDING')] } });
    expect(settled.stale).toBe(true);
    expect(settled.held.map((e) => e.seq)).toEqual([8]);
    expect(settled.trials.map((t) => t.number)).toEqual([2]);
  });

  it('turns stale on a SYNC ahead of it (a reconnect, a page restored from the cache) and not on one equal to it', () => {
    expect(feed(start(), event(3, 'SYNC', null))).toEqual(start());
    const behind = feed(start(), event(9, 'SYNC', null));
    expect(behind.stale).toBe(true);
    const settled = storeReducer(behind, {
      type: 'snapshot',
      snapshot: { seq: 9, status: 'COMPLETED' as const, failureReason: null, trials: [trial(0, 'COMPLETE', 0, 0.5), trial(1, 'COMPLETE', 0, 0.4)] },
    });
    expect(settled).toMatchObject({ seq: 9, status: 'COMPLETED', stale: false });
    expect(settled.trials.every((t) => t.state === 'COMPLETE')).toBe(true);
  });

  it('never moves a trial backwards: an older copy arriving later is ignored, a re-queued attempt is not', () => {
    const finished = feed(start(), event(4, 'TRIAL_FINISHED', trial(1, 'COMPLETE', 0, 0.1)), event(5, 'TRIAL_CLAIMED', trial(1, 'RUNNING')));
    expect(finished.trials[1]?.state).toBe('COMPLETE');
    const requeued = feed(start(), event(4, 'TRIAL_FINISHED', trial(1, 'PENDING', 1)), event(5, 'TRIAL_CLAIMED', trial(1, 'RUNNING', 0)));
    expect(requeued.trials[1]).toMatchObject({ state: 'PENDING', attempt: 1 });
    expect(trialRank({ attempt: 1, state: 'PENDING' })).toBeGreaterThan(trialRank({ attempt: 0, state: 'COMPLETE' }));
  });

  it('reads the view again when events leave the study COMPLETED with a trial still running, and takes the snapshot as it is', () => {
    // Trial 1 is held at attempt 1 (a re-queued copy); the finish that arrives says attempt 0, so the rank rule keeps
    // RUNNING, and the study's COMPLETED status contradicts it.
    const requeued = feed(start(), event(4, 'TRIAL_CLAIMED', trial(1, 'RUNNING', 1)));
    expect(requeued.stale).toBe(false);
    const finished = feed(requeued, event(5, 'TRIAL_FINISHED', trial(1, 'COMPLETE', 0, 0.2), 'COMPLETED'));
    expect(finished.status).toBe('COMPLETED');
    expect(finished.stale).toBe(true);
    const snapshot = { seq: 5, status: 'COMPLETED' as const, failureReason: null, trials: [trial(0, 'COMPLETE', 0, 0.5), trial(1, 'COMPLETE', 0, 0.2)] };
    const settled = storeReducer(finished, { type: 'snapshot', snapshot });
    expect(settled.stale).toBe(false);
    expect(settled.trials.map((t) => t.state)).toEqual(['COMPLETE', 'COMPLETE']);
    // A study still RUNNING with running trials is no contradiction; nor is a STOPPED one whose trials finish later.
    expect(feed(start(), event(4, 'STUDY_STATUS', null, 'STOPPED')).stale).toBe(false);
    expect(feed(start(), event(4, 'TRIAL_REPORTED', trial(1, 'RUNNING'))).stale).toBe(false);
  });

  it('asks for another read on a SYNC that comes while a read is already wanted (it may have started before the reconnect)', () => {
    const gap = feed(start(), event(6, 'TRIAL_CLAIMED', trial(2, 'RUNNING')));
    expect(gap.stale).toBe(true);
    const synced = feed(gap, event(9, 'SYNC'));
    expect(synced.stale).toBe(true);
    expect(synced.asks).toBeGreaterThan(gap.asks);
    // A SYNC equal to a store that is not stale asks for nothing.
    const current = start();
    expect(feed(current, event(3, 'SYNC')).asks).toBe(current.asks);
  });

  it('takes the study status from events and bumps the metrics version on reports and finishes', () => {
    const store = feed(start(), event(4, 'TRIAL_REPORTED', trial(1, 'RUNNING')), event(5, 'STUDY_STATUS', null, 'PAUSED'));
    expect(store.status).toBe('PAUSED');
    expect(store.metricsVersion).toBe(1);
  });

  it('ignores a snapshot older than the store unless it is waiting for one', () => {
    const ahead = feed(start(), event(4, 'TRIAL_FINISHED', trial(1, 'COMPLETE', 0, 0.1)));
    const old = { seq: 3, status: 'RUNNING' as const, failureReason: null, trials: [trial(1, 'RUNNING')] };
    expect(storeReducer(ahead, { type: 'snapshot', snapshot: old })).toBe(ahead);
  });

  it('starts a partial snapshot stale, holds events, and shows the whole snapshot with the held events above it', () => {
    const partial = fromSnapshot({ seq: 10, status: 'RUNNING', failureReason: null, trials: [trial(0, 'COMPLETE', 0, 0.5)], partial: true });
    expect(partial).toMatchObject({ partial: true, stale: true });
    const held = feed(partial, event(11, 'TRIAL_FINISHED', trial(1, 'COMPLETE', 0, 0.1)), event(12, 'TRIAL_CREATED', trial(3, 'PENDING')));
    expect(held.trials.map((t) => t.number)).toEqual([0]);
    const whole = storeReducer(held, {
      type: 'snapshot',
      snapshot: { seq: 11, status: 'RUNNING', failureReason: null, trials: [trial(0, 'COMPLETE', 0, 0.5), trial(1, 'COMPLETE', 0, 0.1), trial(2, 'RUNNING')] },
    });
    expect(whole).toMatchObject({ partial: false, stale: false, seq: 12 });
    expect(whole.trials.map((t) => [t.number, t.state])).toEqual([
      [0, 'COMPLETE'],
      [1, 'COMPLETE'],
      [2, 'RUNNING'],
      [3, 'PENDING'],
    ]);
  });

  it('never lets a partial snapshot replace a whole store; a newer one marks it stale', () => {
    const whole = start(5);
    const older = storeReducer(whole, { type: 'snapshot', snapshot: { seq: 4, status: 'RUNNING', failureReason: null, trials: [], partial: true } });
    expect(older).toBe(whole);
    const newer = storeReducer(whole, { type: 'snapshot', snapshot: { seq: 9, status: 'RUNNING', failureReason: null, trials: [], partial: true } });
    expect(newer).toMatchObject({ stale: true, partial: false });
    expect(newer.trials).toBe(whole.trials);
  });

  it('upserts a batch with one copy, by number, in order, and returns the same list when nothing changes', () => {
    const trials = [0, 2, 4, 6].map((n) => trial(n, 'RUNNING'));
    const out = upsertTrials(trials, [trial(3, 'PENDING'), trial(6, 'COMPLETE', 0, 0.4), trial(9, 'PENDING'), trial(2, 'PENDING'), trial(-1, 'PENDING')]);
    expect(out.map((t) => [t.number, t.state])).toEqual([
      [-1, 'PENDING'],
      [0, 'RUNNING'],
      [2, 'RUNNING'],
      [3, 'PENDING'],
      [4, 'RUNNING'],
      [6, 'COMPLETE'],
      [9, 'PENDING'],
    ]);
    expect(trials.map((t) => t.number)).toEqual([0, 2, 4, 6]);
    expect(upsertTrials(trials, [trial(4, 'PENDING')])).toBe(trials);
  });
});
