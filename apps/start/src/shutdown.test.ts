import { describe, expect, it } from 'vitest';
import { shutdownOrder, signalAction } from './shutdown.ts';

describe('shutdownOrder', () => {
  it('stops the runner, then the dashboard, then the API', () => {
    expect(shutdownOrder(['api', 'web', 'runner'])).toEqual(['runner', 'web', 'api']);
  });

  it('stops only what runs, once each', () => {
    expect(shutdownOrder(['api', 'runner', 'api'])).toEqual(['runner', 'api']);
    expect(shutdownOrder([])).toEqual([]);
  });
});

describe('signalAction', () => {
  it('stops cleanly on the first signal', () => {
    expect(signalAction(null, 5_000)).toBe('graceful');
  });

  it('treats a repeat right after the first as the same key press', () => {
    expect(signalAction(5_000, 5_200)).toBe('echo');
  });

  it('kills on a second signal later on', () => {
    expect(signalAction(5_000, 8_000)).toBe('kill');
  });
});
