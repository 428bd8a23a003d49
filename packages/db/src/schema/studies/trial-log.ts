import { relations } from 'drizzle-orm';
import { bigint, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { trialLogStreams } from './constants.ts';
import { trial } from './trial.ts';

/** What a trial's log keeps at most: older lines are trimmed as new ones arrive (the API's `trialLogAppend`). */
export const TRIAL_LOG_MAX_BYTES = 1024 * 1024;

/**
 * One line of a trial's log: the runner's own lines about the trial, and a command objective's stdout and stderr.
 *
 * Keyed by the line's end offset in the trial's log (bytes of every line before it and itself, each counted with
 * its newline), so the key orders lines, serves as a paging cursor, and keeping "the last 1 MiB" is one range
 * delete on the primary key (`end_offset <= newest - 1 MiB`) — no byte counter to keep, no scan to sum.
 */
export const trialLog = pgTable(
  'trial_log',
  {
    trialId: bigint('trial_id', { mode: 'number' })
      .notNull()
      .references(() => trial.id, { onDelete: 'cascade' }),
    endOffset: bigint('end_offset', { mode: 'number' }).notNull(),
    attempt: integer('attempt').notNull(),
    stream: text('stream', { enum: trialLogStreams }).notNull(),
    text: text('text').notNull(),
    time: timestamp('time', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.trialId, t.endOffset] })],
);

export const trialLogRelations = relations(trialLog, ({ one }) => ({
  trial: one(trial, { fields: [trialLog.trialId], references: [trial.id] }),
}));
