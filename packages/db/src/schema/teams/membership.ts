import { relations } from 'drizzle-orm';
import { index, pgEnum, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from '../auth/user.ts';
import { membershipRoles } from './constants.ts';
import { team } from './team.ts';

export const membershipRole = pgEnum('membership_role', membershipRoles);

export const membership = pgTable(
  'membership',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => team.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    role: membershipRole('role').notNull().default('MEMBER'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('membership_user_idx').on(t.userId)],
);

export const membershipRelations = relations(membership, ({ one }) => ({
  team: one(team, { fields: [membership.teamId], references: [team.id] }),
  user: one(user, { fields: [membership.userId], references: [user.id] }),
}));
