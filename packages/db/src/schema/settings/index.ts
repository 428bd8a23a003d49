import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Who may create an account: anyone, only people holding an invitation, or nobody (the admin CLI creates users). */
export const signUpPolicies = ['open', 'invite', 'closed'] as const;
export type SignUpPolicy = (typeof signUpPolicies)[number];

/** Installation-wide settings changed at run time (by the admin CLI), one row per key; e.g. `signup_policy`. */
export const setting = pgTable('setting', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
