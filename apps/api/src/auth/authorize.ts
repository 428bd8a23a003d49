import { GraphQLError } from 'graphql';
import type { ApiTokenScope, MembershipRole } from '@tuneboard/db';
import type { Viewer } from './viewer.ts';

/**
 * What a caller wants to do to a team's objects:
 * - `read`: see projects, studies, trials, runners;
 * - `write`: create and change projects and studies;
 * - `run`: the runner protocol (register, claim, report, finish trials);
 * - `admin`: manage members and API tokens.
 */
export type Action = 'read' | 'write' | 'run' | 'admin';

const byRole: Record<MembershipRole, readonly Action[]> = {
  OWNER: ['read', 'write', 'run', 'admin'],
  ADMIN: ['read', 'write', 'run', 'admin'],
  MEMBER: ['read', 'write', 'run'],
  VIEWER: ['read'],
};

const byScope: Record<ApiTokenScope, readonly Action[]> = {
  RUNNER: ['read', 'run'],
  READ: ['read'],
  WRITE: ['read', 'write', 'run'],
};

export function unauthenticated(viewer?: Viewer): GraphQLError {
  const message =
    viewer?.kind === 'anonymous' && viewer.rejectedToken
      ? 'The API token sent is not accepted: it is unknown, revoked or expired (Authorization: Bearer tb_…).'
      : 'Sign in, or send an API token as `Authorization: Bearer tb_…`.';
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export function notFound(what: string): GraphQLError {
  return new GraphQLError(`${what} was not found.`, { extensions: { code: 'NOT_FOUND' } });
}

/** The teams a caller can see. */
export function visibleTeams(viewer: Viewer): string[] {
  if (viewer.kind === 'user') return [...viewer.roles.keys()];
  if (viewer.kind === 'token') return [viewer.token.teamId];
  return [];
}

/** Whether the caller may do `action` in `teamId`, without throwing. */
export function can(viewer: Viewer, teamId: string, action: Action): boolean {
  if (viewer.kind === 'user') {
    const role = viewer.roles.get(teamId);
    return role !== undefined && byRole[role].includes(action);
  }
  if (viewer.kind === 'token') return viewer.token.teamId === teamId && byScope[viewer.token.scope].includes(action);
  return false;
}

/** The teams where the caller may do `action`: for checks done inside a statement's WHERE clause. */
export function teamsAllowed(viewer: Viewer, action: Action): string[] {
  if (viewer.kind === 'user') return [...viewer.roles.keys()].filter((teamId) => can(viewer, teamId, action));
  if (viewer.kind === 'token') return can(viewer, viewer.token.teamId, action) ? [viewer.token.teamId] : [];
  return [];
}

/**
 * The one authorisation check every resolver and subscription goes through. Another team's objects answer
 * "not found" (their existence is not revealed); a known team with too weak a role or scope answers FORBIDDEN.
 */
export function authorize(viewer: Viewer, teamId: string, action: Action, what = 'The object'): void {
  if (viewer.kind === 'anonymous') throw unauthenticated(viewer);
  if (can(viewer, teamId, action)) return;
  if (!visibleTeams(viewer).includes(teamId)) throw notFound(what);
  throw new GraphQLError(
    viewer.kind === 'token'
      ? `This API token's scope (${viewer.token.scope}) does not allow "${action}".`
      : `Your role in this team does not allow "${action}".`,
    { extensions: { code: 'FORBIDDEN', http: { status: 403 } } },
  );
}

/** Only for actions that need a person (creating teams, tokens): API tokens are refused. */
export function requireUser(viewer: Viewer): Extract<Viewer, { kind: 'user' }> {
  if (viewer.kind === 'user') return viewer;
  if (viewer.kind === 'anonymous') throw unauthenticated(viewer);
  throw new GraphQLError('This needs a signed-in user; API tokens cannot do it.', {
    extensions: { code: 'FORBIDDEN', http: { status: 403 } },
  });
}

/**
 * Changing a role (`from` → `to`; undefined for none: an invitation, a removal) needs `admin` in the team, and
 * only an owner changes an owner's role or makes someone an owner. Another team answers "not found".
 */
export function authorizeRoleChange(
  viewer: Viewer,
  teamId: string,
  from: MembershipRole | undefined,
  to: MembershipRole | undefined,
): void {
  authorize(viewer, teamId, 'admin', 'The team');
  if ((from === 'OWNER' || to === 'OWNER') && !(viewer.kind === 'user' && viewer.roles.get(teamId) === 'OWNER')) {
    throw new GraphQLError("Only an owner can change an owner's role or make someone an owner.", {
      extensions: { code: 'FORBIDDEN', http: { status: 403 } },
    });
  }
}
