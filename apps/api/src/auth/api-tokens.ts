import { apiToken, type ApiTokenScope, type Database } from '@tuneboard/db';
import { API_TOKEN_PREFIX, SHOWN_PREFIX_LENGTH, newSecret, sha256 } from './secrets.ts';

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
