import { describe, expect, it } from 'vitest';
import { secretToShow } from './created-token.ts';

describe('the created token banner', () => {
  const created = { id: 't2', name: 'qa-token', secret: 'tb_secret' };

  it('shows the secret until that token is revoked', () => {
    expect(secretToShow(created, [])).toBe(created);
    expect(secretToShow(created, ['t1'])).toBe(created);
    expect(secretToShow(created, ['t1', 't2'])).toBeNull();
    expect(secretToShow(null, [])).toBeNull();
  });
});
