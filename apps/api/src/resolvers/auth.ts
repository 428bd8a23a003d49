import { violatedConstraint } from '@tuneboard/db';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { apiToken, membership, session, team, user } from '@tuneboard/db';
import { authorize, requireUser, unauthenticated, visibleTeams } from '../auth/authorize.ts';
import { consumeInvitation, findPending, pendingFor } from '../auth/invitations.ts';
import { decoyHash, hashPassword, verifyPassword } from '../auth/passwords.ts';
import { signUpPolicy } from '../auth/signup-policy.ts';
import { MAX_ACTIVE_TOKENS_PER_TEAM, countActiveTokens, issueApiToken } from '../auth/api-tokens.ts';
import { newSecret, sha256 } from '../auth/secrets.ts';
import type { Context } from '../context.ts';
import type { Resolvers } from '../generated/graphql.ts';
import { rawId, toGlobalId } from '../ids.ts';
import { loadTeam, userError, type UserError } from './common.ts';
import { publishMembershipChanged, publishSessionEnded, publishTokenRevoked } from '../events.ts';

const SESSION_DAYS = 30;
const signUpSchema = z.object({
  email: z.string().trim().toLowerCase().email({ message: 'must be an e-mail address' }).max(254),
  name: z.string().trim().min(1, { message: 'must not be empty' }).max(100),
  password: z.string().min(10, { message: 'must have at least 10 characters' }).max(1_000),
  invitationToken: z.string().max(200).nullish(),
});
/** Longer passwords are not hashed at sign-in (sign-up refuses them): they cannot match. */
const MAX_PASSWORD = 1_000;

/** The same answer for every refused sign-up, whether or not the e-mail has an account. */
const signUpRefused = () =>
  userError(
    ['input', 'email'],
    'No account can be made for this e-mail address here. If you have one, sign in (invitations are accepted from the dashboard).',
    'SIGNUP_REFUSED',
  );

function zodErrors(error: z.ZodError): UserError[] {
  return error.issues.map((issue) =>
    userError(['input', ...issue.path.map(String)], `${issue.path.join('.')} ${issue.message}`),
  );
}

async function startSession(ctx: Context, userId: string): Promise<void> {
  const secret = newSecret();
  await ctx.db.insert(session).values({
    userId,
    tokenHash: sha256(secret),
    expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
  });
  const secure = ctx.env.SECURE_COOKIES ?? ctx.env.NODE_ENV === 'production';
  ctx.setCookie?.(
    `tb_session=${secret}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_DAYS * 86_400}${secure ? '; Secure' : ''}`,
  );
}

export const authResolvers: Resolvers = {
  Query: {
    viewer: (_parent, _args, ctx) => (ctx.viewer.kind === 'anonymous' ? null : ctx.viewer),
    signUpPolicy: async (_parent, _args, ctx) =>
      (await signUpPolicy(ctx.db, ctx.env)).toUpperCase() as 'OPEN' | 'INVITE' | 'CLOSED',
  },
  Viewer: {
    user: (viewer) => (viewer.kind === 'user' ? viewer.user : null),
    tokenTeam: async (viewer, _args, ctx) =>
      viewer.kind === 'token' ? ((await ctx.loaders.team.load(viewer.token.teamId)) ?? null) : null,
    tokenScope: (viewer) => (viewer.kind === 'token' ? viewer.token.scope : null),
    teams: async (viewer, _args, ctx) => {
      const rows = await Promise.all(visibleTeams(viewer).map((id) => ctx.loaders.team.load(id)));
      return rows.filter((row) => row !== undefined).sort((a, b) => a.name.localeCompare(b.name));
    },
    invitations: (viewer, _args, ctx) => (viewer.kind === 'user' ? pendingFor(ctx.db, viewer.user.email.toLowerCase()) : []),
  },
  User: {
    id: (row) => toGlobalId('User', row.id),
    memberships: async (row, _args, ctx) => {
      const mine = ctx.viewer.kind === 'user' && ctx.viewer.user.id === row.id;
      const rows = await ctx.db.select().from(membership).where(eq(membership.userId, row.id));
      // Another user's memberships are shown only for teams the caller shares.
      return mine ? rows : rows.filter((m) => visibleTeams(ctx.viewer).includes(m.teamId));
    },
  },
  ApiToken: {
    id: (row) => toGlobalId('ApiToken', row.id),
    team: async (row, _args, ctx) => (await ctx.loaders.team.load(row.teamId))!,
  },
  Mutation: {
    signUp: async (_parent, { input }, ctx) => {
      const parsed = signUpSchema.safeParse(input);
      if (!parsed.success) return { user: null, retryAfterSeconds: null, userErrors: zodErrors(parsed.error) };
      const { email, name, password, invitationToken } = parsed.data;
      const policy = await signUpPolicy(ctx.db, ctx.env);
      if (policy === 'closed' || (policy === 'invite' && !invitationToken)) {
        const message =
          policy === 'closed'
            ? 'Sign-up is closed here: ask an administrator for an account.'
            : 'Sign-up here is by invitation: open the invitation link you were sent.';
        return { user: null, retryAfterSeconds: null, userErrors: [userError([], message, 'SIGNUP_CLOSED')] };
      }
      const invitation = invitationToken ? await findPending(ctx.db, { token: invitationToken }) : undefined;
      if (invitationToken && invitation?.email !== email) {
        const message = 'The invitation was not found: it was used, revoked or has expired, or was sent to another address.';
        return { user: null, retryAfterSeconds: null, userErrors: [userError(['input', 'invitationToken'], message, 'NOT_FOUND')] };
      }
      // Hashed before the insert, so a taken e-mail costs the same work as a free one.
      const passwordHash = await ctx.hashSlots.run(() => hashPassword(password));
      try {
        const row = await ctx.db.transaction(async (tx) => {
          const [created] = await tx.insert(user).values({ email, name, passwordHash }).returning();
          if (invitation) {
            const member = await consumeInvitation(tx, invitation.id, created!.id);
            if (!member) throw new InvitationGone();
            await publishMembershipChanged(tx, member.userId, member.teamId);
          }
          return created!;
        });
        await startSession(ctx, row.id);
        return { user: row, retryAfterSeconds: null, userErrors: [] };
      } catch (error) {
        if (violatedConstraint(error) === 'user_email_key' || error instanceof InvitationGone) {
          return { user: null, retryAfterSeconds: null, userErrors: [signUpRefused()] };
        }
        throw error;
      }
    },
    signIn: async (_parent, { input }, ctx) => {
      const email = input.email.trim().toLowerCase().slice(0, 254);
      const wait = await ctx.signInLimiter.retryAfter(email, ctx.clientAddress);
      if (wait > 0) {
        return {
          user: null,
          retryAfterSeconds: wait,
          userErrors: [userError([], `Too many failed sign-ins; try again in ${wait} s.`, 'RATE_LIMITED')],
        };
      }
      const [row] = await ctx.db.select().from(user).where(eq(user.email, email));
      // An unknown e-mail is checked against a decoy hash: the same work and the same answer as a wrong password.
      const ok =
        input.password.length <= MAX_PASSWORD &&
        (await ctx.hashSlots.run(async () => verifyPassword(input.password, row?.passwordHash ?? (await decoyHash))));
      if (!row || !row.passwordHash || !ok) {
        await ctx.signInLimiter.failed(email, ctx.clientAddress);
        return {
          user: null,
          retryAfterSeconds: null,
          userErrors: [userError(['input'], 'Wrong e-mail or password.', 'BAD_CREDENTIALS')],
        };
      }
      await ctx.signInLimiter.succeeded(email);
      await startSession(ctx, row.id);
      return { user: row, retryAfterSeconds: null, userErrors: [] };
    },
    signOut: async (_parent, _args, ctx) => {
      const signedIn = ctx.viewer.kind === 'user' && ctx.viewer.sessionId !== undefined;
      if (ctx.viewer.kind === 'user' && ctx.viewer.sessionId) {
        await ctx.db.delete(session).where(eq(session.id, ctx.viewer.sessionId));
        // Its WebSocket connections close too, on every replica.
        await publishSessionEnded(ctx.db, ctx.viewer.sessionId);
      }
      ctx.setCookie?.('tb_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0');
      return { signedOut: signedIn, userErrors: [] };
    },
    apiTokenCreate: async (_parent, { input }, ctx) => {
      const viewer = requireUser(ctx.viewer);
      const owner = await loadTeam(ctx, input.teamId, 'admin');
      const name = input.name.trim();
      if (!name || name.length > 100) {
        return {
          apiToken: null,
          secret: null,
          userErrors: [userError(['input', 'name'], `name must have 1 to 100 characters, got ${name.length}`)],
        };
      }
      if (input.expiresInDays != null && !(input.expiresInDays >= 1 && input.expiresInDays <= 3650)) {
        return {
          apiToken: null,
          secret: null,
          userErrors: [
            userError(['input', 'expiresInDays'], `expiresInDays must be 1 to 3650, got ${input.expiresInDays}`),
          ],
        };
      }
      if ((await countActiveTokens(ctx.db, owner.id)) >= MAX_ACTIVE_TOKENS_PER_TEAM) {
        return {
          apiToken: null,
          secret: null,
          userErrors: [
            userError(
              ['input', 'teamId'],
              `The team has ${MAX_ACTIVE_TOKENS_PER_TEAM} API tokens in use, the most it may have; revoke some first.`,
              'LIMIT_REACHED',
            ),
          ],
        };
      }
      const { row, secret } = await issueApiToken(ctx.db, {
        teamId: owner.id,
        createdById: viewer.user.id,
        name,
        scope: input.scope,
        expiresInDays: input.expiresInDays,
      });
      return { apiToken: row, secret, userErrors: [] };
    },
    apiTokenRevoke: async (_parent, { input }, ctx) => {
      if (ctx.viewer.kind === 'anonymous') throw unauthenticated(ctx.viewer);
      const tokenId = rawId(input.id, 'ApiToken');
      const row = tokenId ? await ctx.loaders.apiToken.load(tokenId) : undefined;
      // Another team's token answers like one that does not exist (its id tells the caller nothing).
      if (!row || !visibleTeams(ctx.viewer).includes(row.teamId)) {
        return { apiToken: null, userErrors: [userError(['input', 'id'], 'No such API token.', 'NOT_FOUND')] };
      }
      authorize(ctx.viewer, row.teamId, 'admin', 'The API token');
      const [revoked] = await ctx.db
        .update(apiToken)
        .set({ revokedAt: new Date() })
        .where(and(eq(apiToken.id, row.id), isNull(apiToken.revokedAt)))
        .returning();
      // Revocation reaches every replica's token cache at once: this process drops it, the others hear it.
      ctx.tokens.forget(row.id);
      await publishTokenRevoked(ctx.db, row.id);
      return { apiToken: revoked ?? row, userErrors: [] };
    },
  },
};

/** The invitation was used between the check and the sign-up: the account is not created. */
class InvitationGone extends Error {}

/** Creates a team with `userId` as its owner (used by teamCreate and the admin CLI). */
export async function createTeamWithOwner(ctx: Pick<Context, 'db'>, userId: string, name: string, slug: string) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(team).values({ name, slug }).returning();
    await tx.insert(membership).values({ teamId: row!.id, userId, role: 'OWNER' });
    return row!;
  });
}
