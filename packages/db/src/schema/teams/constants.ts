/** Membership roles, strongest first. */
export const membershipRoles = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'] as const;
export type MembershipRole = (typeof membershipRoles)[number];
