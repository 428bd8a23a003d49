import { relations, sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { membership } from '../teams/membership.ts';
import { session } from './session.ts';

export const user = pgTable(
  'user',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** scrypt hash in the form `scrypt$N$r$p$salt$hash`; null for accounts that cannot sign in with a password. */
    passwordHash: text('password_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('user_email_key').on(sql`lower(${t.email})`)],
);

export const userRelations = relations(user, ({ many }) => ({
  sessions: many(session),
  memberships: many(membership),
}));
