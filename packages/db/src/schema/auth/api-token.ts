import { relations } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { team } from '../teams/team.ts';
import { apiTokenScopes } from './constants.ts';
import { user } from './user.ts';

export const apiTokenScope = pgEnum('api_token_scope', apiTokenScopes);

/**
 * A secret for runners and scripts, scoped to one team. Only the SHA-256 of the secret is stored; `prefix`
 * (the first characters, e.g. `tb_3fA9c1`) is what the dashboard shows so people can tell tokens apart.
 */
export const apiToken = pgTable(
  'api_token',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => team.id, { onDelete: 'cascade' }),
    createdById: uuid('created_by_id').references(() => user.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    scope: apiTokenScope('scope').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_token_team_idx').on(t.teamId)],
);

export const apiTokenRelations = relations(apiToken, ({ one }) => ({
  team: one(team, { fields: [apiToken.teamId], references: [team.id] }),
  createdBy: one(user, { fields: [apiToken.createdById], references: [user.id] }),
}));
