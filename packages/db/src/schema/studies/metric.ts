import { relations } from 'drizzle-orm';
import { bigint, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { float8 } from '../float8.ts';
import { trial } from './trial.ts';

/**
 * One point of a trial's learning curve. The primary key (trial, attempt, key, step) makes a re-sent batch a
 * no-op (`ON CONFLICT DO NOTHING`) and serves "this trial's `val_loss` by step"; attempts stay apart.
 *
 * No foreign key to `trial`: its per-row check (a lookup and a row lock per point) cost ~40 % of an
 * ingest's database time, and every writer already holds the trial: a report inserts through the UPDATE
 * that fences its lease, a refinement copies points to the trials it just created. A trial's points go
 * with it through the statement trigger `metric_follow_trial` (migration 0001), as a cascade would.
 */
export const metric = pgTable(
  'metric',
  {
    trialId: bigint('trial_id', { mode: 'number' }).notNull(),
    attempt: integer('attempt').notNull(),
    key: text('key').notNull(),
    step: integer('step').notNull(),
    value: float8('value').notNull(),
    time: timestamp('time', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.trialId, t.attempt, t.key, t.step] })],
);

export const metricRelations = relations(metric, ({ one }) => ({
  trial: one(trial, { fields: [metric.trialId], references: [trial.id] }),
}));
