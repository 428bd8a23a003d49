import { describe, expect, it } from 'vitest';
import { GraphqlRequestError } from './errors.ts';
import { loadWithRetry, retryDelayMs, transientReason } from './retry.ts';

const rateLimited = () =>
  new GraphqlRequestError([{ message: 'Too many requests; try again in 1 s', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 1 } }]);

/** A loader that fails with the given errors in turn, then answers `value`. */
function failing<T>(errors: unknown[], value: T) {
  let calls = 0;
  const load = async () => {
    calls += 1;
    const error = errors.shift();
    if (error !== undefined) throw error;
    return value;
  };
  return { load, calls: () => calls };
}

describe('server render under transient API errors', () => {
  it('retries once after RATE_LIMITED, waiting what the API asked for, and shows the page', async () => {
    const slept: number[] = [];
    const { load, calls } = failing([rateLimited()], 'study');
    const result = await loadWithRetry(load, { sleep: async (ms) => void slept.push(ms) });
    expect(result).toEqual({ ok: true, value: 'study' });
    expect(calls()).toBe(2);
    expect(slept).toEqual([1000]);
  });

  it('gives the error view a readable message when the retry is rate limited too', async () => {
    const { load, calls } = failing([rateLimited(), rateLimited()], 'study');
    const result = await loadWithRetry(load, { sleep: async () => {} });
    expect(result).toEqual({ ok: false, message: 'The API is busy and asked the dashboard to slow down (try again in 1 s).' });
    expect(calls()).toBe(2);
  });

  it('treats an unreachable API as transient', async () => {
    const refused = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:4000') });
    expect(transientReason(refused)).toBe('The API could not be reached.');
    const result = await loadWithRetry(failing([refused, refused], 'x').load, { sleep: async () => {} });
    expect(result).toEqual({ ok: false, message: 'The API could not be reached.' });
  });

  it('throws any other error at once (not found, forbidden, a bug): the page does not hide it behind a retry', async () => {
    const forbidden = new GraphqlRequestError([{ message: 'Not allowed', extensions: { code: 'FORBIDDEN' } }]);
    const { load, calls } = failing([forbidden], 'x');
    await expect(loadWithRetry(load, { sleep: async () => {} })).rejects.toBe(forbidden);
    expect(calls()).toBe(1);
    expect(transientReason(new Error('NEXT_REDIRECT'))).toBeNull();
  });

  it('caps the wait before the retry', () => {
    const slow = new GraphqlRequestError([{ message: 'busy', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 30 } }]);
    expect(retryDelayMs(slow)).toBe(2000);
    expect(retryDelayMs(new TypeError('fetch failed'))).toBe(250);
  });
});
