import { authorize } from '../auth/authorize.ts';
import type { Context } from '../context.ts';
import type { Resolvers } from '../generated/graphql.ts';
import { fromGlobalId } from '../ids.ts';
import { badInput, loadProject, loadRunner, loadStudy, loadTeam, loadTrial } from './common.ts';

/** Most ids one `nodes` call may ask for. */
const NODES_MAX = 100;

type Typed = { __typename: string };

/** Loads any object by global id through the same authorised loaders; hidden objects are null. */
async function loadNode(ctx: Context, id: string): Promise<Typed | null> {
  const decoded = fromGlobalId(id);
  if (!decoded) return null;
  const tag = <T extends object>(row: T): T & Typed => ({ ...row, __typename: decoded.type });
  try {
    switch (decoded.type) {
      case 'Team':
        return tag(await loadTeam(ctx, id, 'read'));
      case 'Project':
        return tag(await loadProject(ctx, id, 'read'));
      case 'Study':
        return tag(await loadStudy(ctx, id, 'read'));
      case 'Trial':
        return tag(await loadTrial(ctx, id, 'read'));
      case 'Runner':
        return tag(await loadRunner(ctx, id, 'read'));
      case 'User': {
        // Users are visible to themselves only through `node`.
        if (ctx.viewer.kind !== 'user' || ctx.viewer.user.id !== decoded.id) return null;
        return tag(ctx.viewer.user);
      }
      case 'ApiToken': {
        const row = await ctx.loaders.apiToken.load(decoded.id);
        if (!row) return null;
        authorize(ctx.viewer, row.teamId, 'admin', 'The API token');
        return tag(row);
      }
      case 'Artifact':
        // Not a Node: read through `Trial.artifacts`.
        return null;
      case 'ModelEvaluation':
        // Not a Node: read through `Trial.evaluation`.
        return null;
      case 'Invitation':
        // Not a Node: read through `viewer.invitations` and `Team.invitations`.
        return null;
    }
  } catch (error) {
    if ((error as { extensions?: { code?: string } }).extensions?.code === 'NOT_FOUND') return null;
    throw error;
  }
}

export const nodeResolvers: Resolvers = {
  Query: {
    node: (_parent, { id }, ctx) => loadNode(ctx, id) as never,
    nodes: (_parent, { ids }, ctx) => {
      // Refused, not cut: an answer of 100 for 101 ids would read as "the rest do not exist".
      if (ids.length > NODES_MAX) throw badInput(`nodes(ids:) may hold at most ${NODES_MAX} ids, got ${ids.length}`);
      return Promise.all(ids.map((id) => loadNode(ctx, id))) as never;
    },
  },
  Node: {
    __resolveType: (row) => (row as unknown as Typed).__typename as never,
  },
};
