/**
 * Callers waiting for a background sender to make progress (the metric reporter, the log streamer): `wait` until
 * the next `wakeAll`, or until `signal` aborts; the waiter then checks its own condition again.
 */
export class Waiters {
  private waiting: (() => void)[] = [];

  wait(signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = () => {
        signal?.removeEventListener('abort', wake);
        resolve();
      };
      this.waiting.push(wake);
      signal?.addEventListener('abort', wake, { once: true });
    });
  }

  wakeAll(): void {
    const waiting = this.waiting;
    this.waiting = [];
    waiting.forEach((wake) => wake());
  }
}

/**
 * A polling loop's wake-up: `request()` (an event, a stop) ends the current `wait(ms)` at once, or the next one
 * when none is waiting; otherwise `wait` returns after `ms`. `pending` tells whether a request came since `clear()`.
 */
export class Wakeup {
  private requested = false;
  private wakeUp: (() => void) | undefined;

  request(): void {
    this.requested = true;
    this.wakeUp?.();
  }

  get pending(): boolean {
    return this.requested;
  }

  clear(): void {
    this.requested = false;
  }

  async wait(ms: number): Promise<void> {
    if (!this.requested) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.wakeUp = done;
      });
      this.wakeUp = undefined;
    }
    this.requested = false;
  }
}
