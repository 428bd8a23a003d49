import type { ClaimedTrial } from './api.ts';

/** A lease claimed ahead, waiting for a slot's objective to return. */
interface Prefetched {
  lease: ClaimedTrial;
  timer: NodeJS.Timeout;
}

/**
 * Leases claimed ahead of time, in the order they were claimed, each with a timer: a lease not started within
 * its hold is taken out and handed to `onExpired` (the trial it waited for runs longer than its ETA said: give
 * the lease back rather than let it expire).
 */
export class PrefetchQueue {
  private readonly entries: Prefetched[] = [];

  get length(): number {
    return this.entries.length;
  }

  hold(lease: ClaimedTrial, holdMs: number, onExpired: (lease: ClaimedTrial) => void): void {
    const entry: Prefetched = {
      lease,
      timer: setTimeout(() => {
        const index = this.entries.indexOf(entry);
        if (index < 0) return;
        this.entries.splice(index, 1);
        onExpired(lease);
      }, holdMs),
    };
    this.entries.push(entry);
  }

  /** The oldest lease held, its timer cleared; undefined when none is. */
  shift(): ClaimedTrial | undefined {
    const next = this.entries.shift();
    if (!next) return undefined;
    clearTimeout(next.timer);
    return next.lease;
  }

  /** Every lease held, timers cleared, the queue left empty. */
  drain(): ClaimedTrial[] {
    const all = this.entries.splice(0);
    for (const entry of all) clearTimeout(entry.timer);
    return all.map((entry) => entry.lease);
  }
}
