import { describe, expect, it } from 'vitest';
import { BUSY_SHARE, MAX_INTERVAL_MS, baseInterval, createPacer } from './pace.ts';

describe('pacing live batches by their render cost', () => {
  it('starts from the size-based spacing: every frame for a small study, longer for a big one', () => {
    const pacer = createPacer();
    expect(pacer.interval(500)).toBe(0);
    expect(pacer.interval(10_000)).toBe(baseInterval(10_000));
    expect(pacer.interval(100_000)).toBe(1_000);
  });

  it('spaces batches so that their renders keep the main thread busy at most BUSY_SHARE of the time', () => {
    const pacer = createPacer();
    pacer.record(30);
    const interval = pacer.interval(10_000);
    // One render of 30 ms per interval of wall time (batches start `interval` apart).
    expect(30 / interval).toBeCloseTo(BUSY_SHARE, 5);
  });

  it('follows a running estimate (one slow render does not decide alone) and never waits past the cap', () => {
    const pacer = createPacer();
    pacer.record(10);
    pacer.record(110);
    const estimate = 10 + 0.3 * 100;
    expect(pacer.interval(10_000)).toBeCloseTo(estimate / BUSY_SHARE, 5);
    for (let i = 0; i < 20; i++) pacer.record(5_000);
    expect(pacer.interval(10_000)).toBe(MAX_INTERVAL_MS);
  });

  it('ignores measurements that are not durations', () => {
    const pacer = createPacer();
    pacer.record(Number.NaN);
    pacer.record(-5);
    // From a batch that changed nothing to a later render: not one render's cost.
    pacer.record(60_000);
    expect(pacer.interval(500)).toBe(0);
  });
});
