import { violatedConstraint } from '@tuneboard/db';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { apiToken, membership, session, team, user } from '@tuneboard/db';
import { authorize, requireUser, visibleTeams } from '../auth/authorize.ts';
import { decoyHash, hashPassword, verifyPassword } from '../auth/passwords.ts';
import { issueApiToken } from '../auth/api-tokens.ts';
import { newSecret, sha256 } from '../auth/secrets.ts';
import type { Context } from '../context.ts';
import type { Resolvers } from '../generated/graphql.ts';
import { rawId, toGlobalId } from '../ids.ts';
import { loadTeam, userError, type UserError } from './common.ts';
import { publishSessionEnded, publishTokenRevoked } from '../events.ts';

const SESSION_DAYS = 30;
const signUpSchema = z.object({
  email: z.string().trim().toLowerCase().email({ message: 'must be an e-mail address' }).max(254),
  name: z.string().trim().min(1, { message: 'must not be empty' }).max(100),
  password: z.string().min(10, { message: 'must have at least 10 characters' }).max(1_000),
});

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
      if (!parsed.success) return { user: null, userErrors: zodErrors(parsed.error) };
      const passwordHash = await hashPassword(parsed.data.password);
      try {
        const [row] = await ctx.db
          .insert(user)
          .values({ email: parsed.data.email, name: parsed.data.name, passwordHash })
          .returning();
        await startSession(ctx, row!.id);
        return { user: row!, userErrors: [] };
      } catch (error) {
        if (violatedConstraint(error) === 'user_email_key') {
          return {
            user: null,
            userErrors: [userError(['input', 'email'], `An account with ${parsed.data.email} exists; sign in.`, 'TAKEN')],
          };
        }
        throw error;
      }
    },
    signIn: async (_parent, { input }, ctx) => {
      const email = input.email.trim().toLowerCase();
      const wait = ctx.signInLimiter.hit(`${ctx.clientAddress}|${email}`);
      if (wait > 0) {
        return {
          user: null,
          userErrors: [
            userError([], `Too many sign-in attempts; try again in ${Math.ceil(wait / 1000)} s.`, 'RATE_LIMITED'),
          ],
        };
      }
      const [row] = await ctx.db.select().from(user).where(eq(user.email, email));
      const ok = await verifyPassword(input.password, row?.passwordHash ?? (await decoyHash));
      if (!row || !row.passwordHash || !ok) {
        return { user: null, userErrors: [userError(['input'], 'Wrong e-mail or password.', 'BAD_CREDENTIALS')] };
      }
      ctx.signInLimiter.reset(`${ctx.clientAddress}|${email}`);
      await startSession(ctx, row.id);
      return { user: row, userErrors: [] };
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
      const tokenId = rawId(input.id, 'ApiToken');
      const row = tokenId ? await ctx.loaders.apiToken.load(tokenId) : undefined;
      if (!row) return { apiToken: null, userErrors: [userError(['input', 'id'], 'No such API token.', 'NOT_FOUND')] };
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

/** Creates a team with `userId` as its owner (used by teamCreate and the admin CLI). */
export async function createTeamWithOwner(ctx: Pick<Context, 'db'>, userId: string, name: string, slug: string) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(team).values({ name, slug }).returning();
    await tx.insert(membership).values({ teamId: row!.id, userId, role: 'OWNER' });
    return row!;
  });
}
