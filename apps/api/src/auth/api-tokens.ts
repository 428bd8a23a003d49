import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { apiToken, type ApiTokenScope, type Database } from '@tuneboard/db';
import { API_TOKEN_PREFIX, SHOWN_PREFIX_LENGTH, newSecret, sha256 } from './secrets.ts';

/**
 * Usable (not revoked, not expired) API tokens a team may hold at once. Each token is a caller of its own for the
 * fair share of server time (pipeline/fair-share.ts), so without a bound one admin could mint callers without end.
 */
export const MAX_ACTIVE_TOKENS_PER_TEAM = 100;

/** The team's usable API tokens: neither revoked nor expired. */
export async function countActiveTokens(db: Database, teamId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(apiToken)
    .where(and(eq(apiToken.teamId, teamId), isNull(apiToken.revokedAt), or(isNull(apiToken.expiresAt), gt(apiToken.expiresAt, new Date()))));
  return row?.count ?? 0;
}

/** Issues an API token: stores its SHA-256 and shown prefix, returns the row and the secret (shown once). */
export async function issueApiToken(
  db: Database,
  input: { teamId: string; createdById: string | null; name: string; scope: ApiTokenScope; expiresInDays?: number | null },
) {
  const secret = newSecret(API_TOKEN_PREFIX);
  const [row] = await db
    .insert(apiToken)
    .values({
      teamId: input.teamId,
      createdById: input.createdById,
      name: input.name,
      prefix: secret.slice(0, SHOWN_PREFIX_LENGTH),
      tokenHash: sha256(secret),
      scope: input.scope,
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
    })
    .returning();
  return { row: row!, secret };
}
