import type { RunnerCapabilities } from '@tuneboard/contract';
import { relations } from 'drizzle-orm';
import { jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { apiToken } from '../auth/api-token.ts';
import { team } from '../teams/team.ts';

/** What a runner says it can do when it registers: the study contract's type. */
export type { RunnerCapabilities } from '@tuneboard/contract';

export const runner = pgTable(
  'runner',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => team.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    host: text('host').notNull().default(''),
    capabilities: jsonb('capabilities').$type<RunnerCapabilities>().notNull(),
    tokenId: uuid('token_id').references(() => apiToken.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('runner_team_name_key').on(t.teamId, t.name)],
);

export const runnerRelations = relations(runner, ({ one }) => ({
  team: one(team, { fields: [runner.teamId], references: [team.id] }),
  token: one(apiToken, { fields: [runner.tokenId], references: [apiToken.id] }),
}));
