import { and, desc, eq, sql } from 'drizzle-orm';
import { emailSchema, invitation, membership, team, user, type MembershipRole } from '@tuneboard/db';
import { authorizeRoleChange, requireUser, unauthenticated, visibleTeams } from '../auth/authorize.ts';
import {
  MAX_PENDING_PER_TEAM,
  consumeInvitation,
  countPending,
  createInvitation,
  findPending,
  invitationLink,
  pending,
} from '../auth/invitations.ts';
import type { Context } from '../context.ts';
import { publishMembershipChanged } from '../events.ts';
import type { MutationResolvers, Resolvers } from '../generated/graphql.ts';
import { rawId, toGlobalId } from '../ids.ts';
import type { MembershipRow } from '../mappers.ts';
import { loadTeam, userError, type UserError } from './common.ts';

type Tx = Parameters<Parameters<Context['db']['transaction']>[0]>[0];

/** Team.memberships lists at most this many. */
export const MAX_MEMBERS_LISTED = 1_000;

const failed = (errors: UserError[]) => ({ membership: null, userErrors: errors });

/** Locks the team's row: changes to one team's members run one at a time, so two cannot remove its last owners. */
async function lockTeam(tx: Tx, teamId: string): Promise<void> {
  await tx.select({ id: team.id }).from(team).where(eq(team.id, teamId)).for('update');
}

async function ownerCount(tx: Tx, teamId: string): Promise<number> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(membership)
    .where(and(eq(membership.teamId, teamId), eq(membership.role, 'OWNER')));
  return row?.count ?? 0;
}

/** Loads the member inside the lock, checks who may change them, and keeps at least one owner. */
async function memberToChange(
  ctx: Context,
  tx: Tx,
  teamId: string,
  userId: string | undefined,
  to: MembershipRole | undefined,
): Promise<MembershipRow | UserError> {
  await lockTeam(tx, teamId);
  const [current] = userId
    ? await tx
        .select()
        .from(membership)
        .where(and(eq(membership.teamId, teamId), eq(membership.userId, userId)))
    : [];
  const leaving = ctx.viewer.kind === 'user' && ctx.viewer.user.id === userId && to === undefined;
  // Anyone may leave a team; changing someone needs `admin` (and an owner, where an owner is involved).
  if (!leaving) authorizeRoleChange(ctx.viewer, teamId, current?.role, to);
  if (!current) return userError(['input', 'userId'], 'The user is not a member of this team.', 'NOT_FOUND');
  if (current.role === 'OWNER' && to !== 'OWNER' && (await ownerCount(tx, teamId)) <= 1) {
    return userError(
      ['input', 'userId'],
      'A team keeps at least one owner: make someone else an owner first.',
      'LAST_OWNER',
    );
  }
  return current;
}

async function invite(ctx: Context, input: { teamId: string; email: string; role: MembershipRole }) {
  const owner = await loadTeam(ctx, input.teamId, 'admin');
  authorizeRoleChange(ctx.viewer, owner.id, undefined, input.role);
  const parsed = emailSchema.safeParse(input.email);
  if (!parsed.success) {
    return [
      userError(
        ['input', 'email'],
        `email must be an e-mail address, got ${JSON.stringify(input.email.slice(0, 300))}`,
      ),
    ];
  }
  const email = parsed.data;
  // Only the team's own members are told apart (the caller can list them anyway); whether any other
  // e-mail has an account is never revealed: the answer is an invitation either way.
  const [member] = await ctx.db
    .select({ userId: membership.userId })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(and(eq(membership.teamId, owner.id), sql`lower(${user.email}) = ${email}`));
  if (member) {
    return [
      userError(
        ['input', 'email'],
        `${email} is already a member; change their role with membershipUpdate.`,
        'ALREADY_MEMBER',
      ),
    ];
  }
  if ((await countPending(ctx.db, owner.id)) >= MAX_PENDING_PER_TEAM) {
    return [
      userError(
        ['input', 'teamId'],
        `The team has ${MAX_PENDING_PER_TEAM} pending invitations, the most it may have; revoke some first.`,
        'LIMIT_REACHED',
      ),
    ];
  }
  const invitedById = ctx.viewer.kind === 'user' ? ctx.viewer.user.id : null;
  const { row, token } = await createInvitation(ctx.db, {
    teamId: owner.id,
    email,
    role: input.role,
    invitedById,
  });
  return { invitation: row, link: invitationLink(token), userErrors: [] };
}

const invitationCreate: MutationResolvers['invitationCreate'] = async (_parent, { input }, ctx) => {
  const result = await invite(ctx, input);
  return Array.isArray(result) ? { invitation: null, link: null, userErrors: result } : result;
};

export const membershipResolvers: Resolvers = {
  Invitation: {
    id: (row) => toGlobalId('Invitation', row.id),
    teamName: async (row, _args, ctx) => (await ctx.loaders.team.load(row.teamId))?.name ?? '',
    invitedByName: async (row, _args, ctx) =>
      row.invitedById ? ((await ctx.loaders.user.load(row.invitedById))?.name ?? null) : null,
  },
  Mutation: {
    membershipCreate: async (_parent, { input }, ctx) => {
      const result = await invite(ctx, input);
      return Array.isArray(result)
        ? { membership: null, invitation: null, link: null, userErrors: result }
        : { membership: null, ...result };
    },
    invitationCreate,
    membershipUpdate: async (_parent, { input }, ctx) => {
      const owner = await loadTeam(ctx, input.teamId, 'read');
      const userId = rawId(input.userId, 'User');
      return ctx.db.transaction(async (tx) => {
        const current = await memberToChange(ctx, tx, owner.id, userId, input.role);
        if (!('teamId' in current)) return failed([current]);
        const [row] = await tx
          .update(membership)
          .set({ role: input.role })
          .where(and(eq(membership.teamId, owner.id), eq(membership.userId, current.userId)))
          .returning();
        await publishMembershipChanged(tx, current.userId, owner.id);
        if (ctx.viewer.kind === 'user' && ctx.viewer.user.id === current.userId)
          ctx.viewer.roles.set(owner.id, input.role);
        return { membership: row!, userErrors: [] };
      });
    },
    membershipRemove: async (_parent, { input }, ctx) => {
      const owner = await loadTeam(ctx, input.teamId, 'read');
      const userId = rawId(input.userId, 'User');
      return ctx.db.transaction(async (tx) => {
        const current = await memberToChange(ctx, tx, owner.id, userId, undefined);
        if (!('teamId' in current)) return failed([current]);
        await tx
          .delete(membership)
          .where(and(eq(membership.teamId, owner.id), eq(membership.userId, current.userId)));
        await publishMembershipChanged(tx, current.userId, owner.id);
        if (ctx.viewer.kind === 'user' && ctx.viewer.user.id === current.userId)
          ctx.viewer.roles.delete(owner.id);
        return { membership: current, userErrors: [] };
      });
    },
    invitationAccept: async (_parent, { input }, ctx) => {
      const viewer = requireUser(ctx.viewer);
      if ((input.token == null) === (input.id == null)) {
        return failed([userError(['input'], 'Give exactly one of token and id.')]);
      }
      const id = input.id == null ? undefined : rawId(input.id, 'Invitation');
      const token = input.token?.slice(0, 200);
      const row = token
        ? await findPending(ctx.db, { token })
        : id
          ? await findPending(ctx.db, { id })
          : undefined;
      // An invitation works for the address it was sent to; any other case reads the same.
      if (!row || row.email !== viewer.user.email.toLowerCase()) {
        return failed([
          userError(
            ['input', token ? 'token' : 'id'],
            'No pending invitation for your e-mail address matches: it was used, revoked or has expired, or was sent to another address.',
            'NOT_FOUND',
          ),
        ]);
      }
      const joined = await ctx.db.transaction(async (tx) => {
        const member = await consumeInvitation(tx, row.id, viewer.user.id);
        if (member) await publishMembershipChanged(tx, member.userId, member.teamId);
        return member;
      });
      if (!joined) {
        return failed([
          userError(
            ['input', token ? 'token' : 'id'],
            'The invitation was just used or revoked.',
            'NOT_FOUND',
          ),
        ]);
      }
      viewer.roles.set(joined.teamId, joined.role);
      return { membership: joined, userErrors: [] };
    },
    invitationRevoke: async (_parent, { input }, ctx) => {
      if (ctx.viewer.kind === 'anonymous') throw unauthenticated(ctx.viewer);
      const id = rawId(input.id, 'Invitation');
      const [row] = id ? await ctx.db.select().from(invitation).where(eq(invitation.id, id)) : [];
      // Another team's invitation answers like one that does not exist.
      if (!row || !visibleTeams(ctx.viewer).includes(row.teamId))
        return {
          invitation: null,
          userErrors: [userError(['input', 'id'], 'No such invitation.', 'NOT_FOUND')],
        };
      authorizeRoleChange(ctx.viewer, row.teamId, undefined, undefined);
      const [revoked] = await ctx.db
        .update(invitation)
        .set({ revokedAt: sql`now()` })
        .where(and(eq(invitation.id, row.id), pending()))
        .returning();
      if (!revoked) {
        return {
          invitation: null,
          userErrors: [userError(['input', 'id'], 'The invitation is no longer pending.', 'NOT_PENDING')],
        };
      }
      return { invitation: revoked, userErrors: [] };
    },
  },
};

/** A team's pending invitations, for its admins and owners. */
export async function teamInvitations(ctx: Context, teamId: string) {
  authorizeRoleChange(ctx.viewer, teamId, undefined, undefined);
  return ctx.db
    .select()
    .from(invitation)
    .where(and(eq(invitation.teamId, teamId), pending()))
    .orderBy(desc(invitation.createdAt))
    .limit(MAX_PENDING_PER_TEAM);
}
