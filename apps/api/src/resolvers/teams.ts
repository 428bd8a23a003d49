import { violatedConstraint } from '@tuneboard/db';
import { count, desc, eq } from 'drizzle-orm';
import { apiToken, membership, project, runner, slugSchema, study } from '@tuneboard/db';
import { authorize, requireUser } from '../auth/authorize.ts';
import type { Resolvers } from '../generated/graphql.ts';
import { toGlobalId } from '../ids.ts';
import { createTeamWithOwner } from './auth.ts';
import { loadTeam, userError } from './common.ts';
import { listFirst } from './list-limits.ts';
import { MAX_MEMBERS_LISTED, membershipResolvers, teamInvitations } from './memberships.ts';

function checkName(value: string, field: string) {
  const name = value.trim();
  return name.length >= 1 && name.length <= 100
    ? undefined
    : userError(['input', field], `${field} must have 1 to 100 characters, got ${name.length}`);
}

function checkSlug(value: string) {
  const parsed = slugSchema.safeParse(value);
  return parsed.success
    ? undefined
    : userError(
        ['input', 'slug'],
        `slug must be lower-case letters, digits and single hyphens (1 to 64), got ${JSON.stringify(value)}`,
      );
}

export const teamResolvers: Resolvers = {
  Team: {
    id: (row) => toGlobalId('Team', row.id),
    viewerRole: (row, _args, ctx) => (ctx.viewer.kind === 'user' ? (ctx.viewer.roles.get(row.id) ?? null) : null),
    memberships: (row, _args, ctx) =>
      ctx.db.select().from(membership).where(eq(membership.teamId, row.id)).orderBy(membership.createdAt).limit(MAX_MEMBERS_LISTED),
    invitations: (row, _args, ctx) => teamInvitations(ctx, row.id),
    projects: (row, args, ctx) =>
      ctx.db
        .select()
        .from(project)
        .where(eq(project.teamId, row.id))
        .orderBy(project.name, project.id)
        .limit(listFirst('projects', args.first)),
    apiTokens: (row, args, ctx) => {
      authorize(ctx.viewer, row.id, 'admin', 'The team');
      return ctx.db
        .select()
        .from(apiToken)
        .where(eq(apiToken.teamId, row.id))
        .orderBy(desc(apiToken.createdAt))
        .limit(listFirst('apiTokens', args.first));
    },
    runners: (row, args, ctx) =>
      ctx.db
        .select()
        .from(runner)
        .where(eq(runner.teamId, row.id))
        .orderBy(desc(runner.lastSeenAt))
        .limit(listFirst('runners', args.first)),
  },
  Membership: {
    team: async (row, _args, ctx) => (await ctx.loaders.team.load(row.teamId))!,
    user: async (row, _args, ctx) => (await ctx.loaders.user.load(row.userId))!,
  },
  Project: {
    id: (row) => toGlobalId('Project', row.id),
    team: async (row, _args, ctx) => (await ctx.loaders.team.load(row.teamId))!,
    studies: async (row, args, ctx) => {
      const rows = await ctx.db
        .select()
        .from(study)
        .where(eq(study.projectId, row.id))
        .orderBy(desc(study.createdAt))
        .limit(listFirst('studies', args.first));
      return rows.map((s) => ({ ...s, teamId: row.teamId }));
    },
    studyCount: async (row, _args, ctx) => {
      const [counted] = await ctx.db.select({ n: count() }).from(study).where(eq(study.projectId, row.id));
      return counted?.n ?? 0;
    },
  },
  Invitation: membershipResolvers.Invitation!,
  Mutation: {
    ...membershipResolvers.Mutation,
    teamCreate: async (_parent, { input }, ctx) => {
      const viewer = requireUser(ctx.viewer);
      const errors = [checkName(input.name, 'name'), checkSlug(input.slug)].filter((e) => e !== undefined);
      if (errors.length > 0) return { team: null, userErrors: errors };
      try {
        const row = await createTeamWithOwner(ctx, viewer.user.id, input.name.trim(), input.slug);
        viewer.roles.set(row.id, 'OWNER');
        return { team: row, userErrors: [] };
      } catch (error) {
        if (violatedConstraint(error) === 'team_slug_unique') {
          return { team: null, userErrors: [userError(['input', 'slug'], `The slug "${input.slug}" is taken.`, 'TAKEN')] };
        }
        throw error;
      }
    },
    projectCreate: async (_parent, { input }, ctx) => {
      const owner = await loadTeam(ctx, input.teamId, 'write');
      const errors = [checkName(input.name, 'name'), checkSlug(input.slug)].filter((e) => e !== undefined);
      if (errors.length > 0) return { project: null, userErrors: errors };
      try {
        const [row] = await ctx.db
          .insert(project)
          .values({ teamId: owner.id, name: input.name.trim(), slug: input.slug, description: input.description ?? '' })
          .returning();
        return { project: row!, userErrors: [] };
      } catch (error) {
        if (violatedConstraint(error) === 'project_team_slug_key') {
          return {
            project: null,
            userErrors: [userError(['input', 'slug'], `The team already has a project "${input.slug}".`, 'TAKEN')],
          };
        }
        throw error;
      }
    },
  },
};

