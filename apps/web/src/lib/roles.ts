/** A role in a team, as the API names it (`Team.viewerRole`; null for API tokens). */
export type Role = 'OWNER' | 'ADMIN' | 'MEMBER' | 'VIEWER';

/** Whether the role may change a team's studies (create, stop, enqueue, refine, notes and tags): the API's `write`. */
export function canWrite(role: Role | null | undefined): boolean {
  return role === 'OWNER' || role === 'ADMIN' || role === 'MEMBER';
}

/** Why a write button is disabled for a reader who may not write: shown beside the buttons and as their title. */
export const READ_ONLY_REASON = 'You are a viewer of this team: you can look, not change. Ask an owner or admin to make you a member.';
