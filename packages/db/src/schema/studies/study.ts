import { relations, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from '../auth/user.ts';
import { project } from '../teams/project.ts';
import { studyStatuses } from './constants.ts';
import { trial } from './trial.ts';
import type { JsonObject, StudyObjective } from './types.ts';

export const studyStatus = pgEnum('study_status', studyStatuses);

export const study = pgTable(
  'study',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    objectives: jsonb('objectives').$type<StudyObjective[]>().notNull(),
    space: jsonb('space').$type<JsonObject>().notNull(),
    sampler: jsonb('sampler').$type<JsonObject>().notNull(),
    pruner: jsonb('pruner').$type<JsonObject>().notNull(),
    /** The model template + dataset, or the command, that a runner executes for each trial. */
    objective: jsonb('objective').$type<JsonObject>().notNull(),
    /** Budget: trials to finish in all (null: no limit), PENDING+RUNNING at once, attempts per trial. */
    maxTrials: integer('max_trials'),
    maxParallel: integer('max_parallel').notNull().default(4),
    maxFailures: integer('max_failures').notNull().default(3),
    status: studyStatus('status').notNull().default('RUNNING'),
    /** Why a FAILED study failed, with the last trial error; null for any other status. */
    failureReason: text('failure_reason'),
    /** The next trial number to hand out; bumped atomically so numbers stay unique per study. */
    nextTrialNumber: integer('next_trial_number').notNull().default(0),
    /**
     * The sequence number of the study's latest live event: bumped in the statement that sends the events, so
     * numbers are gap-free and increase in the order listeners receive them, whichever replica sent them.
     */
    eventSeq: bigint('event_seq', { mode: 'number' }).notNull().default(0),
    parentStudyId: uuid('parent_study_id').references((): AnyPgColumn => study.id, { onDelete: 'set null' }),
    /** For a refined study: the ranges it was refined from. */
    refinement: jsonb('refinement').$type<JsonObject>(),
    createdById: uuid('created_by_id').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** A Markdown note (at most 20,000 characters, checked by the API); '' for none. */
    note: text('note').notNull().default(''),
    /** Who last changed the note, and when; null until it is first edited. */
    noteUpdatedById: uuid('note_updated_by_id').references(() => user.id, { onDelete: 'set null' }),
    noteUpdatedAt: timestamp('note_updated_at', { withTimezone: true }),
    /** Free-text tags (at most 20 of at most 40 characters, checked by the API), in the order given. */
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** Keep the saved models (MODEL artifacts) of this many best complete trials; the others' are deleted. */
    keepModels: integer('keep_models').notNull().default(3),
  },
  (t) => [
    unique('study_project_name_key').on(t.projectId, t.name),
    index('study_parent_idx').on(t.parentStudyId),
    index('study_status_idx').on(t.status),
    // Team search by tag (`tags @> array[…]`, migration 0008).
    index('study_tags_idx').using('gin', t.tags),
  ],
);

export const studyRelations = relations(study, ({ one, many }) => ({
  project: one(project, { fields: [study.projectId], references: [project.id] }),
  parent: one(study, { fields: [study.parentStudyId], references: [study.id], relationName: 'refinement' }),
  children: many(study, { relationName: 'refinement' }),
  trials: many(trial),
}));
