import { describe, expect, it } from 'vitest';
import { coalesce, type Schedule } from './coalesce.ts';

/** A schedule the test steps by hand: `tick()` runs what is due. */
function manualSchedule() {
  let queue: { run: () => void; delayMs: number }[] = [];
  const schedule: Schedule = (run, delayMs) => {
    const entry = { run, delayMs };
    queue.push(entry);
    return () => (queue = queue.filter((e) => e !== entry));
  };
  return {
    schedule,
    pending: () => queue.map((e) => e.delayMs),
    tick() {
      const due = queue;
      queue = [];
      for (const entry of due) entry.run();
    },
  };
}

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('coalesced refetches', () => {
  it('makes a burst of requests one run, and requests during a run exactly one more, never two at once', async () => {
    const clock = manualSchedule();
    const runs: ReturnType<typeof deferred>[] = [];
    let concurrent = 0;
    let most = 0;
    const c = coalesce(
      () => {
        const d = deferred();
        runs.push(d);
        concurrent += 1;
        most = Math.max(most, concurrent);
        return d.promise.finally(() => (concurrent -= 1));
      },
      { schedule: clock.schedule, now: () => 0 },
    );
    for (let i = 0; i < 50; i += 1) c.request();
    clock.tick();
    expect(runs).toHaveLength(1);
    for (let i = 0; i < 50; i += 1) c.request();
    clock.tick();
    expect(runs).toHaveLength(1);
    runs[0]!.resolve();
    await settle();
    clock.tick();
    expect(runs).toHaveLength(2);
    runs[1]!.resolve();
    await settle();
    clock.tick();
    expect(runs).toHaveLength(2);
    expect(most).toBe(1);
  });

  it('tries a failed run again after the retry delay, and starts nothing once disposed', async () => {
    const clock = manualSchedule();
    let calls = 0;
    const c = coalesce(
      () => {
        calls += 1;
        return Promise.reject(new Error('offline'));
      },
      { schedule: clock.schedule, retryMs: 2_000, now: () => 0 },
    );
    c.request();
    clock.tick();
    await settle();
    expect(calls).toBe(1);
    expect(clock.pending()).toEqual([2_000]);
    c.dispose();
    clock.tick();
    expect(calls).toBe(1);
  });

  it('keeps the least interval between starts', async () => {
    const clock = manualSchedule();
    let now = 0;
    const c = coalesce(() => Promise.resolve(), { schedule: clock.schedule, minIntervalMs: 1_500, now: () => now });
    c.request();
    clock.tick();
    await settle();
    now = 100;
    c.request();
    expect(clock.pending()).toEqual([1_400]);
  });
});
