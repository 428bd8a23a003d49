import { describe, expect, it } from 'vitest';
import { initialLive, liveReducer, upsertTrial } from './live';
import { toChartTrial, type WireTrial } from './to-chart';

function wire(number: number, overrides: Partial<WireTrial> = {}): WireTrial {
  return { id: `t${number}`, number, state: 'PENDING', params: { lr: 0.01 * (number + 1) }, values: null, durationSeconds: null, ...overrides };
}

describe('live trials', () => {
  it('adds a created trial after the ones already shown', () => {
    const state = initialLive([toChartTrial(wire(0)), toChartTrial(wire(1))]);
    const next = liveReducer(state, { type: 'event', event: { kind: 'TRIAL_CREATED', trial: wire(2) } });
    expect(next.trials.map((t) => t.number)).toEqual([0, 1, 2]);
    expect(next.statusVersion).toBe(state.statusVersion + 1);
  });

  it('replaces a trial in place when it finishes, with its values as numbers', () => {
    const state = initialLive([toChartTrial(wire(0)), toChartTrial(wire(1, { state: 'RUNNING' }))]);
    const next = liveReducer(state, {
      type: 'event',
      event: { kind: 'TRIAL_FINISHED', trial: wire(1, { state: 'COMPLETE', values: [0.25], durationSeconds: 3 }) },
    });
    expect(next.trials).toHaveLength(2);
    expect(next.trials[1]).toMatchObject({ id: 't1', state: 'COMPLETE', values: [0.25], durationSeconds: 3 });
    expect(state.trials[1]?.state).toBe('RUNNING');
  });

  it('keeps number order when an older trial arrives late', () => {
    const trials = upsertTrial([toChartTrial(wire(0)), toChartTrial(wire(2))], toChartTrial(wire(1)));
    expect(trials.map((t) => t.number)).toEqual([0, 1, 2]);
  });

  it('marks a trial for refetch when its event has no data, once, and clears it when it arrives', () => {
    let state = initialLive([toChartTrial(wire(0))]);
    state = liveReducer(state, { type: 'event', event: { kind: 'TRIAL_CLAIMED', trial: null, trialId: 't3' } });
    state = liveReducer(state, { type: 'event', event: { kind: 'TRIAL_REPORTED', trial: null, trialId: 't3' } });
    expect(state.stale).toEqual(['t3']);
    expect(state.metricsVersion).toBe(1);
    state = liveReducer(state, { type: 'refetched', trial: wire(3, { state: 'RUNNING' }) });
    expect(state.stale).toEqual([]);
    expect(state.trials.map((t) => [t.number, t.state])).toEqual([
      [0, 'PENDING'],
      [3, 'RUNNING'],
    ]);
  });

  it('turns non-finite objective values into missing values the charts skip', () => {
    const state = liveReducer(initialLive([]), {
      type: 'event',
      event: { kind: 'TRIAL_FINISHED', trial: wire(0, { state: 'FAIL', values: ['NaN', 2] }) },
    });
    expect(state.trials[0]?.values).toEqual([null, 2]);
  });

  it('only bumps the status version on a study status event', () => {
    const state = initialLive([toChartTrial(wire(0))]);
    const next = liveReducer(state, { type: 'event', event: { kind: 'STUDY_STATUS', trial: null } });
    expect(next.trials).toBe(state.trials);
    expect(next.statusVersion).toBe(1);
  });
});

describe('stale trial snapshots', () => {
  it('keeps a finished trial when an older running snapshot of it arrives later', () => {
    let state = initialLive([toChartTrial(wire(0, { state: 'RUNNING' }))]);
    state = liveReducer(state, {
      type: 'event',
      event: { kind: 'TRIAL_FINISHED', trial: wire(0, { state: 'COMPLETE', values: [0.98885], durationSeconds: 2 }) },
    });
    state = liveReducer(state, { type: 'event', event: { kind: 'TRIAL_REPORTED', trial: wire(0, { state: 'RUNNING' }) } });
    state = liveReducer(state, { type: 'refetched', trial: wire(0, { state: 'RUNNING' }) });
    expect(state.trials[0]).toMatchObject({ state: 'COMPLETE', values: [0.98885] });
  });

  it('still lets a released running trial go back to pending', () => {
    const state = liveReducer(initialLive([toChartTrial(wire(0, { state: 'RUNNING' }))]), {
      type: 'event',
      event: { kind: 'TRIAL_CREATED', trial: wire(0, { state: 'PENDING' }) },
    });
    expect(state.trials[0]?.state).toBe('PENDING');
  });

  it('refetches a finished trial once rather than trusting only its event', () => {
    let state = initialLive([toChartTrial(wire(0, { state: 'RUNNING' }))]);
    const finished = { type: 'event', event: { kind: 'TRIAL_FINISHED', trial: wire(0, { state: 'COMPLETE', values: [1] }) } } as const;
    state = liveReducer(state, finished);
    state = liveReducer(state, finished);
    expect(state.stale).toEqual(['t0']);
    state = liveReducer(state, { type: 'refetched', trial: wire(0, { state: 'COMPLETE', values: [1] }) });
    expect(state.stale).toEqual([]);
  });
});
