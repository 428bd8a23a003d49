import { relations } from 'drizzle-orm';
import { bigint, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { study } from '../studies/study.ts';
import { trial } from '../studies/trial.ts';
import { artifactKinds, artifactStates } from './constants.ts';

/**
 * A file attached to a trial (a saved model, a plot, a checkpoint). The bytes live in the API's artifact store
 * (the data folder, or an S3-compatible bucket) under `storage_key`; this row is what the API knows of them.
 * The row is written when an upload begins (`UPLOADING`, its size counted against the trial's limit) and
 * becomes `READY` once the stored object's SHA-256 equals the one announced.
 */
export const artifact = pgTable(
  'artifact',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The trial's study, kept here so "the study's models" is one index range (keeping the best trials' models). */
    studyId: uuid('study_id')
      .notNull()
      .references(() => study.id, { onDelete: 'cascade' }),
    trialId: bigint('trial_id', { mode: 'number' })
      .notNull()
      .references(() => trial.id, { onDelete: 'cascade' }),
    /** A relative path inside the trial (`model/model.json`): 1 to 255 characters, checked by the API. */
    name: text('name').notNull(),
    kind: text('kind', { enum: artifactKinds }).notNull().default('FILE'),
    state: text('state', { enum: artifactStates }).notNull().default('UPLOADING'),
    /** Bytes, as announced when the upload began and verified when it completed. */
    size: bigint('size', { mode: 'number' }).notNull(),
    /** Lower-case hex SHA-256 of the bytes. */
    sha256: text('sha256').notNull(),
    contentType: text('content_type').notNull().default('application/octet-stream'),
    /** Where the store keeps the bytes; unique so two rows never share (and delete) one object. */
    storageKey: text('storage_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  // The (trial, name) key also serves every read of a trial's artifacts.
  (t) => [unique('artifact_trial_name_key').on(t.trialId, t.name), unique('artifact_storage_key_key').on(t.storageKey), index('artifact_study_kind_idx').on(t.studyId, t.kind)],
);

export const artifactRelations = relations(artifact, ({ one }) => ({
  trial: one(trial, { fields: [artifact.trialId], references: [trial.id] }),
}));
