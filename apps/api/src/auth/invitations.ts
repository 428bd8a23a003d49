import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { invitation, membership, type Database, type MembershipRole } from '@tuneboard/db';
import type { InvitationRow } from '../mappers.ts';
import { newSecret, sha256 } from './secrets.ts';

export const INVITATION_DAYS = 7;
/** A team's pending invitations stop here: inviting more is refused until some are accepted or revoked. */
export const MAX_PENDING_PER_TEAM = 100;
/** `viewer.invitations` lists at most this many. */
export const MAX_LISTED_FOR_VIEWER = 50;

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Not accepted, not revoked, not expired. */
export const pending = () =>
  and(isNull(invitation.acceptedAt), isNull(invitation.revokedAt), gt(invitation.expiresAt, sql`now()`));

export function invitationLink(token: string): string {
  return `/invite/${token}`;
}

export async function countPending(db: Database, teamId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(invitation)
    .where(and(eq(invitation.teamId, teamId), pending()));
  return row?.count ?? 0;
}

/**
 * Makes an invitation with a fresh token (only its SHA-256 is stored); an earlier pending invitation of the same
 * e-mail to the same team is revoked, so one link works at a time.
 */
export async function createInvitation(
  db: Database,
  input: { teamId: string; email: string; role: MembershipRole; invitedById: string | null },
): Promise<{ row: InvitationRow; token: string }> {
  const token = newSecret();
  const row = await db.transaction(async (tx) => {
    await tx
      .update(invitation)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(invitation.teamId, input.teamId), eq(invitation.email, input.email), pending()));
    const [created] = await tx
      .insert(invitation)
      .values({
        ...input,
        tokenHash: sha256(token),
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      })
      .returning();
    return created!;
  });
  return { row, token };
}

export async function pendingFor(db: Database, email: string): Promise<InvitationRow[]> {
  return db
    .select()
    .from(invitation)
    .where(and(eq(invitation.email, email), pending()))
    .orderBy(desc(invitation.createdAt))
    .limit(MAX_LISTED_FOR_VIEWER);
}

export async function findPending(
  db: Database,
  by: { token: string } | { id: string },
): Promise<InvitationRow | undefined> {
  const [row] = await db
    .select()
    .from(invitation)
    .where(
      and('token' in by ? eq(invitation.tokenHash, sha256(by.token)) : eq(invitation.id, by.id), pending()),
    );
  return row;
}

/**
 * Uses the invitation once, inside `tx`: marks it accepted (only if still pending: two accepts race, one wins)
 * and adds the membership. An existing member keeps their role: accepting never changes it.
 */
export async function consumeInvitation(tx: Tx, invitationId: string, userId: string) {
  const [used] = await tx
    .update(invitation)
    .set({ acceptedAt: sql`now()` })
    .where(and(eq(invitation.id, invitationId), pending()))
    .returning();
  if (!used) return undefined;
  await tx
    .insert(membership)
    .values({ teamId: used.teamId, userId, role: used.role })
    .onConflictDoNothing({ target: [membership.teamId, membership.userId] });
  const [row] = await tx
    .select()
    .from(membership)
    .where(and(eq(membership.teamId, used.teamId), eq(membership.userId, userId)));
  return row!;
}
