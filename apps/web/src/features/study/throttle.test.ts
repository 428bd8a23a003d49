import { describe, expect, it } from 'vitest';
import { throttleDelay } from './throttle';

describe('reload pacing', () => {
  it('follows the first change at once', () => {
    expect(throttleDelay(null, 10_000, 1_500)).toBe(0);
  });

  it('waits out the rest of the interval after a recent reload, however often changes come', () => {
    expect(throttleDelay(10_000, 10_400, 1_500)).toBe(1_100);
    expect(throttleDelay(10_000, 11_400, 1_500)).toBe(100);
  });

  it('follows at once when the last reload is older than the interval', () => {
    expect(throttleDelay(10_000, 20_000, 1_500)).toBe(0);
  });
});
