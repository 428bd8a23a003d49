import { relations } from 'drizzle-orm';
import { pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { study } from '../studies/study.ts';
import { team } from './team.ts';

export const project = pgTable(
  'project',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => team.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    description: text('description').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('project_team_slug_key').on(t.teamId, t.slug)],
);

export const projectRelations = relations(project, ({ one, many }) => ({
  team: one(team, { fields: [project.teamId], references: [team.id] }),
  studies: many(study),
}));
