import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Failed sign-in attempts per key (an account's e-mail, a client address), shared by every API replica: the
 * sign-in limiter upserts a row per failure and backs off from the count; rows older than their window are
 * swept.
 */
export const authAttempt = pgTable('auth_attempt', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull().defaultNow(),
});
