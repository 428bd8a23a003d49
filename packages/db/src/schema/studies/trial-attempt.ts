import { relations } from 'drizzle-orm';
import { bigint, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { runner } from '../runners/runner.ts';
import { trialAttemptOutcomes } from './constants.ts';
import { trial } from './trial.ts';

/**
 * One run of a trial by one runner: opened by the claim, closed by the end of the attempt (complete, pruned,
 * failed), a release, or the reaper (lease lost). `trial.attempt` counts them; this keeps who ran each and how
 * it ended, for the trial page.
 */
export const trialAttempt = pgTable(
  'trial_attempt',
  {
    trialId: bigint('trial_id', { mode: 'number' })
      .notNull()
      .references(() => trial.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    runnerId: uuid('runner_id').references(() => runner.id, { onDelete: 'set null' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** RUNNING until it ends; then COMPLETE, PRUNED, FAIL, RELEASED (given back) or LOST (lease expired). */
    outcome: text('outcome', { enum: trialAttemptOutcomes }).notNull().default('RUNNING'),
    error: text('error'),
  },
  (t) => [primaryKey({ columns: [t.trialId, t.attempt] })],
);

export const trialAttemptRelations = relations(trialAttempt, ({ one }) => ({
  trial: one(trial, { fields: [trialAttempt.trialId], references: [trial.id] }),
  runner: one(runner, { fields: [trialAttempt.runnerId], references: [runner.id] }),
}));
