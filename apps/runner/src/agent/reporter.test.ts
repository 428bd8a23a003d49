import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReportReply, WirePoint } from './api.ts';
import { backoffDelay, jittered } from './backoff.ts';
import { TransientApiError } from './graphql-client.ts';
import { memoryLogger } from './logger.ts';
import { MetricReporter, lastPerStep } from './reporter.ts';
import type { ReporterOptions } from './reporter.ts';

const ok = (over: Partial<ReportReply> = {}): ReportReply => ({ shouldPrune: false, leaseExpiresAt: null, accepted: 0, userErrors: [], ...over });
const points = (from: number, count: number, key = 'loss') => Array.from({ length: count }, (_, i) => ({ key, step: from + i, value: from + i }));

function harness(options: Partial<ReporterOptions> = {}, reply: (batch: WirePoint[]) => Promise<ReportReply> = async () => ok()) {
  const batches: WirePoint[][] = [];
  const lines: string[] = [];
  const lost: string[] = [];
  const reporter = new MetricReporter({
    leaseMs: 60_000,
    log: memoryLogger(lines),
    onLost: (reason) => lost.push(reason),
    backoff: { random: () => 0 },
    ...options,
    send: (batch) => {
      batches.push(batch);
      return reply(batch);
    },
  });
  return { reporter, batches, lines, lost };
}

describe('MetricReporter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds a few points for 500 ms and sends them as one batch', async () => {
    const { reporter, batches } = harness();
    reporter.push(points(0, 3));
    reporter.push(points(3, 2));
    await vi.advanceTimersByTimeAsync(499);
    expect(batches).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.map((p) => p.step)).toEqual([0, 1, 2, 3, 4]);
    expect(reporter.acknowledged).toBe(5);
    reporter.close();
  });

  it('sends at once when 200 points are waiting, and never more than 1,000 per report', async () => {
    const { reporter, batches } = harness();
    reporter.push(points(0, 200));
    await vi.advanceTimersByTimeAsync(0);
    expect(batches.map((b) => b.length)).toEqual([200]);
    reporter.push(points(200, 2_500));
    await vi.advanceTimersByTimeAsync(0);
    expect(batches.map((b) => b.length)).toEqual([200, 1_000, 1_000, 500]);
    expect(batches.flat().map((p) => p.step)).toEqual(Array.from({ length: 2_700 }, (_, i) => i));
    reporter.close();
  });

  it('sends NaN and infinities as the strings MetricValue accepts', async () => {
    const { reporter, batches } = harness();
    reporter.push([
      { key: 'a', step: 0, value: Number.NaN },
      { key: 'a', step: 1, value: Number.POSITIVE_INFINITY },
      { key: 'a', step: 2, value: 0.5 },
    ]);
    await vi.advanceTimersByTimeAsync(500);
    expect(batches[0]!.map((p) => p.value)).toEqual(['NaN', 'Infinity', 0.5]);
    reporter.close();
  });

  it('keeps points through network failures and re-sends them in order after a backoff', async () => {
    let down = true;
    const { reporter, batches, lines } = harness({}, async () => {
      if (down) throw new TransientApiError('cannot reach the API: ECONNREFUSED');
      return ok();
    });
    reporter.push(points(0, 3));
    await vi.advanceTimersByTimeAsync(500);
    expect(batches).toHaveLength(1);
    reporter.push(points(3, 2));
    // Backoff with random 0: 125 ms, then 250 ms, ...
    await vi.advanceTimersByTimeAsync(125);
    expect(batches).toHaveLength(2);
    expect(reporter.pending).toBe(5);
    down = false;
    await vi.advanceTimersByTimeAsync(250);
    expect(batches.at(-1)!.map((p) => p.step)).toEqual([0, 1, 2, 3, 4]);
    expect(reporter.pending).toBe(0);
    expect(reporter.acknowledged).toBe(5);
    expect(lines.some((line) => line.includes('keeping 3 points'))).toBe(true);
    expect(lines.some((line) => line.includes('answers again'))).toBe(true);
    reporter.close();
  });

  it('bounds the buffer while the API is down, dropping the oldest points with a warning', async () => {
    let down = true;
    const { reporter, batches, lines } = harness({ maxBuffered: 100 }, async () => {
      if (down) throw new TransientApiError('down');
      return ok();
    });
    reporter.push(points(0, 150));
    await vi.advanceTimersByTimeAsync(500);
    expect(reporter.pending).toBe(100);
    expect(lines.some((line) => line.includes('dropping the oldest'))).toBe(true);
    down = false;
    await vi.advanceTimersByTimeAsync(60_000);
    const sent = batches.filter((batch) => batch.length > 0).at(-1)!;
    expect(sent.map((p) => p.step)).toEqual(Array.from({ length: 100 }, (_, i) => 50 + i));
    reporter.close();
    expect(lines.some((line) => line.includes('50 metric points were dropped'))).toBe(true);
  });

  it('sends an empty report every lease/3 while the trial is silent', async () => {
    const { reporter, batches } = harness({ leaseMs: 3_000 });
    await vi.advanceTimersByTimeAsync(999);
    expect(batches).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(batches).toEqual([[]]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(batches).toEqual([[], []]);
    // Points renew the lease too: the heartbeat waits a full period after them.
    await vi.advanceTimersByTimeAsync(400);
    reporter.push(points(0, 1));
    await vi.advanceTimersByTimeAsync(500);
    expect(batches).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(999);
    expect(batches).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(batches).toHaveLength(4);
    reporter.close();
  });

  it('reports a refused lease once, then drops everything', async () => {
    const { reporter, batches, lost } = harness({}, async () =>
      ok({ userErrors: [{ code: 'STALE_LEASE', message: 'The lease of this trial is no longer yours.' }] }),
    );
    reporter.push(points(0, 3));
    await vi.advanceTimersByTimeAsync(500);
    expect(lost).toEqual(['The lease of this trial is no longer yours.']);
    expect(reporter.lost).toBe(true);
    reporter.push(points(3, 300));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(batches).toHaveLength(1);
    expect(await reporter.flush()).toBe(false);
    reporter.close();
  });

  it('remembers the pruner verdict', async () => {
    let prune = false;
    const { reporter } = harness({}, async () => ok({ shouldPrune: prune }));
    reporter.push(points(0, 1));
    await vi.advanceTimersByTimeAsync(500);
    expect(reporter.shouldPrune).toBe(false);
    prune = true;
    reporter.push(points(1, 1));
    await vi.advanceTimersByTimeAsync(500);
    prune = false;
    reporter.push(points(2, 1));
    await vi.advanceTimersByTimeAsync(500);
    expect(reporter.shouldPrune).toBe(true);
    reporter.close();
  });

  it('flush sends a partial batch at once and resolves when it is acknowledged', async () => {
    const { reporter, batches } = harness();
    reporter.push(points(0, 7));
    const flushed = reporter.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(await flushed).toBe(true);
    expect(batches.map((b) => b.length)).toEqual([7]);
    reporter.close();
  });

  it('flush gives up when its signal aborts while the API is down', async () => {
    const { reporter } = harness({}, async () => {
      throw new TransientApiError('down');
    });
    reporter.push(points(0, 4));
    const stop = new AbortController();
    const flushed = reporter.flush(stop.signal);
    await vi.advanceTimersByTimeAsync(2_000);
    stop.abort();
    expect(await flushed).toBe(false);
    expect(reporter.pending).toBe(4);
    reporter.close();
  });

  it('takeRest hands the unsent points over for the last request, after the report in flight, and closes', async () => {
    let answer: (() => void) | undefined;
    const { reporter, batches } = harness({}, (batch) =>
      batch.length === 200 ? new Promise((resolve) => (answer = () => resolve(ok({ accepted: 200 })))) : Promise.resolve(ok()),
    );
    reporter.push(points(0, 200)); // a full batch goes out at once and waits for its answer
    await vi.advanceTimersByTimeAsync(0);
    reporter.push(points(200, 7));
    let rest: WirePoint[] | undefined | 'waiting' = 'waiting';
    void reporter.takeRest().then((taken) => (rest = taken));
    await vi.advanceTimersByTimeAsync(0);
    expect(rest).toBe('waiting');
    answer!();
    await vi.advanceTimersByTimeAsync(0);
    expect((rest as unknown as WirePoint[]).map((p) => p.step)).toEqual([200, 201, 202, 203, 204, 205, 206]);
    expect(batches.map((b) => b.length)).toEqual([200]);
    expect(reporter.acknowledged).toBe(200);
    // Closed: nothing more goes out, whatever arrives or however long it waits.
    reporter.push(points(207, 1));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(batches).toHaveLength(1);
  });

  it('takeRest sends all but the last report’s worth itself, and answers undefined once the lease is lost', async () => {
    const { reporter, batches } = harness({ batchPoints: 5_000, maxBuffered: 10_000 });
    reporter.push(points(0, 2_300));
    const rest = await reporter.takeRest();
    expect(batches.map((b) => b.length)).toEqual([1_000, 1_000, 300]);
    expect(rest).toEqual([]);

    const stale = harness({}, async () => ok({ userErrors: [{ message: 'not yours', code: 'STALE_LEASE' }] }));
    stale.reporter.push(points(0, 200));
    await vi.advanceTimersByTimeAsync(0);
    stale.reporter.push(points(200, 3));
    expect(await stale.reporter.takeRest()).toBeUndefined();
    expect(stale.lost).toEqual(['not yours']);
  });
});

describe('backoff', () => {
  it('doubles its cap from the initial delay up to the maximum, keeping at least half of it', () => {
    const low = (n: number) => backoffDelay(n, { initialMs: 100, maxMs: 1_000, random: () => 0 });
    const high = (n: number) => backoffDelay(n, { initialMs: 100, maxMs: 1_000, random: () => 0.999999 });
    expect([0, 1, 2, 3, 4, 10].map(low)).toEqual([50, 100, 200, 400, 500, 500]);
    expect([0, 1, 2, 3, 4, 10].map(high)).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('spreads polls by ±25 % around the interval', () => {
    expect(jittered(8_000, 0.25, () => 0)).toBe(6_000);
    expect(jittered(8_000, 0.25, () => 0.5)).toBe(8_000);
    expect(jittered(8_000, 0.25, () => 0.999999)).toBe(10_000);
  });
});

describe('lastPerStep', () => {
  it('keeps one point per key and step, the last given, and leaves a batch without repeats as it is', () => {
    const batch: WirePoint[] = [
      { key: 'loss', step: 0, value: 1 },
      { key: 'acc', step: 0, value: 0.5 },
      { key: 'loss', step: 0, value: 2 },
      { key: 'loss', step: 1, value: 'NaN' },
    ];
    expect(lastPerStep(batch)).toEqual([batch[1], batch[2], batch[3]]);
    const plain = batch.slice(1);
    expect(lastPerStep(plain)).toBe(plain);
  });
});
