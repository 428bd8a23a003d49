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
