import type { apiToken } from '@tuneboard/db';

/** An API token's row (the same type as `ApiTokenRow` of mappers.ts, which builds on the caller's types). */
export type ApiTokenRow = typeof apiToken.$inferSelect;

/** How long a looked-up API token is trusted without asking the database again, unless revoked sooner. */
export const TOKEN_CACHE_MS = 5_000;
/** Entries at most: a flood of distinct (mostly bogus) tokens cannot grow the process without bound. */
const MAX_ENTRIES = 10_000;

/**
 * API tokens by SHA-256 of their secret, kept a few seconds per process: a runner sends three requests per
 * trial, and looking its token up for each was a fifth of the API's statements. Revocation still takes
 * effect at once: `apiTokenRevoke` drops the entry here and broadcasts the token's id over LISTEN/NOTIFY
 * (`EventHub.onTokenRevoked`), so every replica drops it as soon as the notification arrives. If that
 * connection is down, the entry ages out after `ttlMs` anyway. Expiry is checked on every hit.
 */
export class TokenCache {
  private readonly entries = new Map<string, { row: ApiTokenRow; until: number }>();

  constructor(private readonly ttlMs = TOKEN_CACHE_MS) {}

  /** The cached, still valid token for this hash, or undefined (look it up). */
  get(hash: string, now: number): ApiTokenRow | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    const { row } = entry;
    if (entry.until <= now || row.revokedAt !== null || (row.expiresAt !== null && row.expiresAt.getTime() <= now)) {
      this.entries.delete(hash);
      return undefined;
    }
    return row;
  }

  set(hash: string, row: ApiTokenRow, now: number): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= MAX_ENTRIES) {
      // Maps iterate in insertion order: the first key is the oldest entry.
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(hash, { row, until: now + this.ttlMs });
  }

  /** Drops a token (revoked here or on another replica). */
  forget(tokenId: string): void {
    for (const [hash, entry] of this.entries) if (entry.row.id === tokenId) this.entries.delete(hash);
  }

  /** Drops everything (for example when revocations may have been missed). */
  clear(): void {
    this.entries.clear();
  }
}
