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
import { runner } from '../runners/runner.ts';
import { float8Array } from '../float8.ts';
import { trialOrigins, trialStates } from './constants.ts';
import { metric } from './metric.ts';
import { study } from './study.ts';
import type { JsonObject } from './types.ts';

export const trialState = pgEnum('trial_state', trialStates);
export const trialOrigin = pgEnum('trial_origin', trialOrigins);

export const trial = pgTable(
  'trial',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    studyId: uuid('study_id')
      .notNull()
      .references(() => study.id, { onDelete: 'cascade' }),
    /** 0, 1, 2, … within its study. */
    number: integer('number').notNull(),
    params: jsonb('params').$type<JsonObject>().notNull(),
    state: trialState('state').notNull().default('PENDING'),
    /** One value per study objective, in the study's order; NaN and ±Infinity are kept. */
    values: float8Array('values'),
    /** Constraint values reported by the objective; ≤ 0 means feasible. */
    constraints: float8Array('constraints'),
    /** 0 for the first run; a re-queued trial (expired lease) runs again as attempt + 1. */
    attempt: integer('attempt').notNull().default(0),
    leaseOwner: uuid('lease_owner').references(() => runner.id, { onDelete: 'set null' }),
    /** Fencing token: every write from the runner holding the lease must carry it. */
    leaseToken: uuid('lease_token'),
    leaseExpiresAt: timestamp('lease_expires_at', { withTimezone: true }),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    error: text('error'),
    origin: trialOrigin('origin').notNull().default('SAMPLER'),
    /** Warm start: the parent study's trial this one was inherited from. */
    sourceTrialId: bigint('source_trial_id', { mode: 'number' }).references((): AnyPgColumn => trial.id, {
      onDelete: 'set null',
    }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** A Markdown note (at most 20,000 characters, checked by the API); '' for none. */
    note: text('note').notNull().default(''),
    /** Who last changed the note, and when; null until it is first edited. */
    noteUpdatedById: uuid('note_updated_by_id').references(() => user.id, { onDelete: 'set null' }),
    noteUpdatedAt: timestamp('note_updated_at', { withTimezone: true }),
    /** Free-text tags (at most 20 of at most 40 characters, checked by the API), in the order given. */
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    unique('trial_study_number_key').on(t.studyId, t.number),
    index('trial_study_state_idx').on(t.studyId, t.state),
    // A study's trials newest first: the team search of named studies reads each study's newest matching trials
    // backwards through it (keyset on id) instead of walking the primary key through every team's trials
    // (migration 0010).
    index('trial_study_id_idx').on(t.studyId, t.id),
    // The claim scans PENDING trials only. A plain (study_id, id) index made the planner walk every claimed
    // row as well; a partial index stays as small as the queue.
    index('trial_pending_idx')
      .on(t.studyId, t.id)
      .where(sql`${t.state} = 'PENDING'`),
    // Running trials by study: the top-up counts them and the reaper reads them. Keyed by columns a lease
    // renewal never changes, so `trialReport`'s renewal is a HOT update (no index entry per report; the
    // table's fillfactor leaves room on the page, migration 0002).
    index('trial_running_idx')
      .on(t.studyId)
      .where(sql`${t.state} = 'RUNNING'`),
    // Deleting a user nulls the notes' editor: without an index that would scan every trial. Partial: few
    // trials have notes.
    index('trial_note_updated_by_idx')
      .on(t.noteUpdatedById)
      .where(sql`${t.noteUpdatedById} is not null`),
    // Best trials of a study by their first objective.
    index('trial_study_value_idx')
      .on(t.studyId, sql`(${t.values}[1])`)
      .where(sql`${t.state} = 'COMPLETE'`),
    // Trials of many studies by their first objective's value (team search, `metric` in a range): one range read
    // instead of a probe of (study, values[1]) per study. Its statistics come from `trial_first_value_stats`
    // (CREATE STATISTICS in migration 0008): a partial index's own are not used for estimates.
    index('trial_first_value_idx')
      .on(sql`(${t.values}[1])`)
      .where(sql`${t.state} = 'COMPLETE'`),
    // Deleting a trial sets `source_trial_id` of the trials inherited from it to null: without an index each
    // deleted row scanned the whole table (deleting a study of 1,000,000 trials did not finish in 7 minutes).
    // Partial: only inherited trials have a source (migration 0008).
    index('trial_source_idx')
      .on(t.sourceTrialId)
      .where(sql`${t.sourceTrialId} is not null`),
    // Team search of trials by tag (migration 0008). Partial: most trials have no tags, so inserting one adds
    // no GIN entry; the search repeats the predicate (`tags <> '{}'`) so the planner can use it.
    index('trial_tags_idx')
      .using('gin', t.tags)
      .where(sql`${t.tags} <> '{}'::text[]`),
  ],
);

export const trialRelations = relations(trial, ({ one, many }) => ({
  study: one(study, { fields: [trial.studyId], references: [study.id] }),
  runner: one(runner, { fields: [trial.leaseOwner], references: [runner.id] }),
  source: one(trial, { fields: [trial.sourceTrialId], references: [trial.id], relationName: 'warmStart' }),
  metrics: many(metric),
}));
