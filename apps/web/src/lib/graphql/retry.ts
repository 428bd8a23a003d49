// Transient API errors on the dashboard's server: a page whose server render meets one (the API's fair share
// answering RATE_LIMITED under load, an API restarting) tries once more, and if that fails too it renders the
// app's error view with a readable message and a Retry button instead of throwing (a thrown error reaches the
// browser as React's bare, minified production error).
import { GraphqlRequestError } from './errors.ts';

/** Codes after which the same request may well succeed a moment later. */
const TRANSIENT_CODES = ['RATE_LIMITED', 'SERVICE_UNAVAILABLE', 'TIMEOUT'];
/** The longest a server render waits before its one retry (the API's own hint may be longer). */
const MAX_WAIT_MS = 2_000;

/** Why `error` is transient, as a sentence for the page, or null when it is not (a bug, a missing study…). */
export function transientReason(error: unknown): string | null {
  if (error instanceof GraphqlRequestError) {
    if (error.has('RATE_LIMITED')) {
      const seconds = retryAfterSeconds(error);
      return `The API is busy and asked the dashboard to slow down${seconds ? ` (try again in ${seconds} s)` : ''}.`;
    }
    if (TRANSIENT_CODES.some((code) => error.has(code))) return `The API could not answer just now: ${error.message}`;
    return null;
  }
  // fetch's own failure (connection refused or reset): the API is restarting or unreachable.
  if (error instanceof TypeError && /fetch failed|network|ECONNRE/i.test(`${error.message} ${String(error.cause ?? '')}`)) {
    return 'The API could not be reached.';
  }
  return null;
}

function retryAfterSeconds(error: GraphqlRequestError): number | null {
  const seconds = error.errors.map((e) => e.extensions?.retryAfterSeconds).find((s) => typeof s === 'number');
  return seconds === undefined ? null : seconds;
}

/** How long to wait before retrying after `error`: the API's hint, capped, or a short pause. */
export function retryDelayMs(error: unknown): number {
  const seconds = error instanceof GraphqlRequestError ? retryAfterSeconds(error) : null;
  return Math.min(MAX_WAIT_MS, seconds === null ? 250 : seconds * 1000);
}

export type Loaded<T> = { ok: true; value: T } | { ok: false; message: string };

export interface RetryOptions {
  /** Tries after the first (default 1). */
  retries?: number;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `load`, again after a transient error (up to `retries` more times); a transient error that persists comes
 * back as a message for the page's error view. Any other error (and Next's redirect / not-found signals) is thrown.
 */
export async function loadWithRetry<T>(load: () => Promise<T>, options: RetryOptions = {}): Promise<Loaded<T>> {
  const { retries = 1, sleep = wait } = options;
  for (let attempt = 0; ; attempt++) {
    try {
      return { ok: true, value: await load() };
    } catch (error) {
      const reason = transientReason(error);
      if (reason === null) throw error;
      if (attempt >= retries) return { ok: false, message: reason };
      await sleep(retryDelayMs(error));
    }
  }
}
