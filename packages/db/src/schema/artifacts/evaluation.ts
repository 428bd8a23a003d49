import { relations, sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from '../auth/index.ts';
import { runner } from '../runners/index.ts';
import { study } from '../studies/study.ts';
import { trial } from '../studies/trial.ts';
import { evaluationStates } from './constants.ts';

/**
 * A request to evaluate a trial's saved model on its study's held-out test split ("Evaluate on test"): a small job
 * that a runner claims with a lease, like a trial. QUEUED until claimed; RUNNING while a runner holds its lease (an
 * expired lease makes it claimable again, `attempt` + 1, until `EVALUATION_MAX_ATTEMPTS`); DONE with its `test_*`
 * metrics (also stored as the trial's metric points) or FAILED with the error.
 */
export const modelEvaluation = pgTable(
  'model_evaluation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    studyId: uuid('study_id')
      .notNull()
      .references(() => study.id, { onDelete: 'cascade' }),
    trialId: bigint('trial_id', { mode: 'number' })
      .notNull()
      .references(() => trial.id, { onDelete: 'cascade' }),
    state: text('state', { enum: evaluationStates }).notNull().default('QUEUED'),
    /** Claims so far: the first claim makes it 1. */
    attempt: integer('attempt').notNull().default(0),
    leaseOwner: uuid('lease_owner').references(() => runner.id, { onDelete: 'set null' }),
    leaseToken: uuid('lease_token'),
    leaseExpiresAt: timestamp('lease_expires_at', { withTimezone: true }),
    /** `{ "test_loss": 0.31, "test_accuracy": 0.9 }` once DONE. */
    metrics: jsonb('metrics').$type<Record<string, number>>(),
    error: text('error'),
    requestedBy: uuid('requested_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    // A trial's evaluations, newest first (`Trial.evaluation`).
    index('model_evaluation_trial_idx').on(t.trialId, t.createdAt),
    // The claim reads the open jobs only.
    index('model_evaluation_open_idx').on(t.createdAt).where(sql`state in ('QUEUED', 'RUNNING')`),
    // At most one open job a trial: a second request answers the open one.
    uniqueIndex('model_evaluation_one_open_key').on(t.trialId).where(sql`state in ('QUEUED', 'RUNNING')`),
  ],
);

export const modelEvaluationRelations = relations(modelEvaluation, ({ one }) => ({
  trial: one(trial, { fields: [modelEvaluation.trialId], references: [trial.id] }),
}));
