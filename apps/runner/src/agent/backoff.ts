/** Exponential backoff with "full jitter": many runners that lost the API at once do not come back in step. */
export interface BackoffOptions {
  /** First delay's upper bound. */
  initialMs?: number;
  /** Largest delay's upper bound. */
  maxMs?: number;
  factor?: number;
  /** A number in [0, 1); injected by tests. */
  random?: () => number;
}

export const defaultBackoff = { initialMs: 250, maxMs: 30_000, factor: 2 } as const;

/**
 * Delay before retry `attempt` (0 for the first retry): uniform in [cap/2, cap] with cap = min(max, initial·factorⁿ).
 * Half the cap is kept fixed so a retry never fires straight away, half is random so retries spread out.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const { initialMs, maxMs, factor } = { ...defaultBackoff, ...options };
  const random = options.random ?? Math.random;
  const cap = Math.min(maxMs, initialMs * factor ** Math.max(0, attempt));
  return Math.round(cap / 2 + random() * (cap / 2));
}

/** Resolves after `ms`, or early (without throwing) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** A delay in [ms·(1 − spread), ms·(1 + spread)]: polls of many runners drift apart instead of lining up. */
export function jittered(ms: number, spread = 0.25, random: () => number = Math.random): number {
  return Math.round(ms * (1 - spread + 2 * spread * random()));
}
