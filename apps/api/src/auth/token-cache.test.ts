import { describe, expect, it } from 'vitest';
import type { ApiTokenRow } from '../mappers.ts';
import { TokenCache } from './token-cache.ts';

function tokenRow(overrides: Partial<ApiTokenRow> = {}): ApiTokenRow {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    teamId: '00000000-0000-4000-8000-000000000002',
    createdById: null,
    name: 'runners',
    prefix: 'tb_abcdefg',
    tokenHash: 'hash',
    scope: 'RUNNER',
    expiresAt: null,
    revokedAt: null,
    lastUsedAt: null,
    createdAt: new Date(0),
    ...overrides,
  } as ApiTokenRow;
}

describe('TokenCache', () => {
  it('returns a token until its entry ages out', () => {
    const cache = new TokenCache(1_000);
    cache.set('h', tokenRow(), 10_000);
    expect(cache.get('h', 10_999)?.name).toBe('runners');
    expect(cache.get('h', 11_000)).toBeUndefined();
    expect(cache.get('other', 10_000)).toBeUndefined();
  });

  it('drops every entry of a forgotten (revoked) token and nothing else', () => {
    const cache = new TokenCache(60_000);
    const other = tokenRow({ id: '00000000-0000-4000-8000-000000000009' });
    cache.set('h1', tokenRow(), 0);
    cache.set('h2', other, 0);
    cache.forget('00000000-0000-4000-8000-000000000001');
    expect(cache.get('h1', 1)).toBeUndefined();
    expect(cache.get('h2', 1)?.id).toBe(other.id);
  });

  it('refuses a cached token once it expires or is marked revoked', () => {
    const cache = new TokenCache(60_000);
    cache.set('expiring', tokenRow({ expiresAt: new Date(5_000) }), 0);
    expect(cache.get('expiring', 4_999)).toBeDefined();
    expect(cache.get('expiring', 5_000)).toBeUndefined();
    cache.set('revoked', tokenRow({ revokedAt: new Date(1) }), 0);
    expect(cache.get('revoked', 1)).toBeUndefined();
  });

  it('caches nothing with a zero lifetime', () => {
    const cache = new TokenCache(0);
    cache.set('h', tokenRow(), 0);
    expect(cache.get('h', 0)).toBeUndefined();
  });
});
