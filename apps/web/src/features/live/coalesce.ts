// Refetches that never pile up or cancel each other: at most one runs at a time, a request made while one runs
// makes exactly one more run after it, and requests made before a run starts are one run. A page that refetched
// on every event used to start a request per event and abort the previous one (the "aborted POST /graphql every
// 1.5 s" of a running study); here a burst of events is one request, started on the next frame.

export type Schedule = (run: () => void, delayMs: number) => () => void;

/** Runs on the next animation frame (or after `delayMs`), in a browser; a plain timer elsewhere. */
export const frameSchedule: Schedule = (run, delayMs) => {
  if (delayMs <= 0 && typeof requestAnimationFrame === 'function') {
    const id = requestAnimationFrame(() => run());
    return () => cancelAnimationFrame(id);
  }
  const timer = setTimeout(run, delayMs);
  return () => clearTimeout(timer);
};

export interface Coalescer {
  /** Asks for a run: now-ish if idle, once more after the current run otherwise. */
  request(): void;
  /** Stops: nothing more starts (a run in progress finishes, its result is the caller's to ignore). */
  dispose(): void;
}

export interface CoalesceOptions {
  /** Least time between the starts of two runs (a throttle for panels that follow a stream). */
  minIntervalMs?: number;
  /** A failed run is tried again after this long. */
  retryMs?: number;
  schedule?: Schedule;
  now?: () => number;
}

export function coalesce(run: () => Promise<void>, options: CoalesceOptions = {}): Coalescer {
  const { minIntervalMs = 0, retryMs = 2_000, schedule = frameSchedule, now = Date.now } = options;
  let scheduled: (() => void) | null = null;
  let running = false;
  let again = false;
  let disposed = false;
  let lastStart = Number.NEGATIVE_INFINITY;

  const plan = (delayMs: number) => {
    if (disposed || scheduled || running) return;
    scheduled = schedule(() => {
      scheduled = null;
      void start();
    }, Math.max(delayMs, lastStart + minIntervalMs - now()));
  };

  const start = async () => {
    if (disposed) return;
    running = true;
    again = false;
    lastStart = now();
    let failed = false;
    try {
      await run();
    } catch {
      failed = true;
    }
    running = false;
    if (failed) plan(retryMs);
    else if (again) plan(0);
  };

  return {
    request() {
      if (running) again = true;
      else plan(0);
    },
    dispose() {
      disposed = true;
      scheduled?.();
      scheduled = null;
    },
  };
}
