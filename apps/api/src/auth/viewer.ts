import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '@tuneboard/db';
import { apiToken, membership, session, user } from '@tuneboard/db';
import type { MembershipRole } from '@tuneboard/db';
import { API_TOKEN_PREFIX, sha256 } from './secrets.ts';
import type { ApiTokenRow, TokenCache } from './token-cache.ts';

type UserRow = typeof user.$inferSelect;

/** Who is calling. Resolved once per request (or per WebSocket connection) from a cookie or a bearer token. */
export type Viewer =
  | { kind: 'user'; user: UserRow; sessionId: string | undefined; roles: Map<string, MembershipRole> }
  | { kind: 'token'; token: ApiTokenRow }
  | { kind: 'anonymous'; rejectedToken?: boolean };

export const anonymous: Viewer = { kind: 'anonymous' };
/** A caller who sent a bearer token the API does not accept (unknown, revoked or expired): told so when refused. */
const rejected: Viewer = { kind: 'anonymous', rejectedToken: true };
export const SESSION_COOKIE = 'tb_session';

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export async function rolesOf(db: Database, userId: string): Promise<Map<string, MembershipRole>> {
  const rows = await db
    .select({ teamId: membership.teamId, role: membership.role })
    .from(membership)
    .where(eq(membership.userId, userId));
  return new Map(rows.map((row) => [row.teamId, row.role]));
}

/** Looks up the caller from an `Authorization: Bearer tb_…` header or the session cookie. */
export async function resolveViewer(
  db: Database,
  headers: { authorization?: string | undefined; cookie?: string | undefined },
  tokens?: TokenCache,
): Promise<Viewer> {
  const bearer = headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) {
    if (!bearer.startsWith(API_TOKEN_PREFIX)) return rejected;
    const now = new Date();
    const hash = sha256(bearer);
    let row = tokens?.get(hash, now.getTime());
    if (!row) {
      [row] = await db
        .select()
        .from(apiToken)
        .where(
          and(
            eq(apiToken.tokenHash, hash),
            isNull(apiToken.revokedAt),
            or(isNull(apiToken.expiresAt), gt(apiToken.expiresAt, now)),
          ),
        );
      if (row) tokens?.set(hash, row, now.getTime());
    }
    // `last_used_at` is written at most once a minute: a write on every request would make all runners
    // sharing a token queue on that one row. The cached row remembers the write, so replicas write too.
    if (row && (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000)) {
      row.lastUsedAt = now;
      await db.update(apiToken).set({ lastUsedAt: now }).where(eq(apiToken.id, row.id));
    }
    return row ? { kind: 'token', token: row } : rejected;
  }
  const secret = readCookie(headers.cookie, SESSION_COOKIE);
  if (!secret) return anonymous;
  const [row] = await db
    .select({ session, user })
    .from(session)
    .innerJoin(user, eq(user.id, session.userId))
    .where(and(eq(session.tokenHash, sha256(secret)), gt(session.expiresAt, new Date())));
  if (!row) return anonymous;
  // As for tokens, at most once a minute: the sessions a user sees (and the sweep) know when each was used.
  const now = new Date();
  if (now.getTime() - row.session.lastUsedAt.getTime() > 60_000) {
    await db.update(session).set({ lastUsedAt: now }).where(eq(session.id, row.session.id));
  }
  return { kind: 'user', user: row.user, sessionId: row.session.id, roles: await rolesOf(db, row.user.id) };
}

/** Deletes sessions past their expiry (they already answer as signed out); run by the server's sweep. */
export async function purgeExpiredSessions(db: Database): Promise<number> {
  const gone = await db.delete(session).where(lt(session.expiresAt, new Date())).returning({ id: session.id });
  return gone.length;
}
