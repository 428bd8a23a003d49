import { relations } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { membershipRole } from '../teams/membership.ts';
import { team } from '../teams/team.ts';
import { user } from './user.ts';

/**
 * An invitation to join a team, sent as a link `/invite/<token>`. Only the SHA-256 of the token is stored; it
 * works once (`accepted_at`) until `expires_at`, unless revoked. It names an e-mail, not an account: inviting
 * does not reveal whether that e-mail has an account.
 */
export const invitation = pgTable(
  'invitation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => team.id, { onDelete: 'cascade' }),
    /** Lower-case. */
    email: text('email').notNull(),
    role: membershipRole('role').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedById: uuid('invited_by_id').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('invitation_team_idx').on(t.teamId), index('invitation_email_idx').on(t.email)],
);

export const invitationRelations = relations(invitation, ({ one }) => ({
  team: one(team, { fields: [invitation.teamId], references: [team.id] }),
  invitedBy: one(user, { fields: [invitation.invitedById], references: [user.id] }),
}));
