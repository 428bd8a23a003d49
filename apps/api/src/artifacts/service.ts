import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { artifact, trial, type ArtifactKind, type Database } from '@tuneboard/db';
import type { Logger } from 'pino';
import type { ArtifactRow } from '../mappers.ts';
import { rowsOf } from '../db-rows.ts';
import type { ArtifactStore } from './store.ts';

/** Longest artifact name, in characters. */
export const NAME_MAX = 255;
/** Longest media type. */
const CONTENT_TYPE_MAX = 127;

export interface ArtifactLimits {
  maxFileBytes: number;
  maxTrialBytes: number;
  /** Most artifacts of one trial. */
  maxTrialFiles: number;
}

export interface Problem {
  field: string[];
  message: string;
  code: string;
}

const SEGMENT = /^[A-Za-z0-9._-]+$/;
const SHA256 = /^[0-9a-f]{64}$/;
const CONTENT_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$/;

const bytes = (n: number) => n.toLocaleString('en');

/** Every problem with an upload's announced name, size, checksum and type (each naming the field and the value). */
export function checkUpload(input: { name: string; size: number; sha256: string; contentType: string }, limits: ArtifactLimits): Problem[] {
  const problems: Problem[] = [];
  const segments = input.name.split('/');
  if (input.name.length < 1 || input.name.length > NAME_MAX || !segments.every((s) => SEGMENT.test(s) && s !== '.' && s !== '..')) {
    problems.push({
      field: ['input', 'name'],
      message: `name must be 1 to ${NAME_MAX} characters of path segments made of letters, digits, ".", "_" and "-" joined by "/" (no "..", no leading or doubled "/"), got ${JSON.stringify(input.name.slice(0, 80))}`,
      code: 'INVALID',
    });
  }
  if (!Number.isSafeInteger(input.size) || input.size < 0) {
    problems.push({ field: ['input', 'size'], message: `size must be a whole number of bytes ≥ 0, got ${input.size}`, code: 'INVALID' });
  } else if (input.size > limits.maxFileBytes) {
    problems.push({
      field: ['input', 'size'],
      message: `a file may have at most ${bytes(limits.maxFileBytes)} bytes (TUNEBOARD_ARTIFACT_MAX_FILE_BYTES), got ${bytes(input.size)}`,
      code: 'TOO_LARGE',
    });
  }
  if (!SHA256.test(input.sha256)) {
    problems.push({ field: ['input', 'sha256'], message: `sha256 must be 64 lower-case hex digits, got ${JSON.stringify(input.sha256.slice(0, 80))}`, code: 'INVALID' });
  }
  if (input.contentType.length > CONTENT_TYPE_MAX || !CONTENT_TYPE.test(input.contentType)) {
    problems.push({ field: ['input', 'contentType'], message: `contentType must be a media type such as "application/json", got ${JSON.stringify(input.contentType.slice(0, 80))}`, code: 'INVALID' });
  }
  return problems;
}

/**
 * Reserves room for a new artifact of a trial and writes its UPLOADING row, under a lock on the trial row so two
 * uploads at once cannot both fit under the trial's limit. An artifact of the same name is replaced (its key is
 * returned for deletion from the store), and uploads begun long ago and never completed stop counting.
 * Returns the row, or the limit it would break.
 */
export async function reserveUpload(
  db: Database,
  input: { studyId: string; trialId: number; name: string; size: number; sha256: string; contentType: string; kind: ArtifactKind },
  limits: ArtifactLimits,
  staleBefore: Date,
): Promise<{ row: ArtifactRow; removedKeys: string[] } | { problem: Problem }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select 1 from ${trial} where ${trial.id} = ${input.trialId} for update`);
    const removed = await tx
      .delete(artifact)
      .where(
        and(
          eq(artifact.trialId, input.trialId),
          sql`(${artifact.name} = ${input.name} or (${artifact.state} = 'UPLOADING' and ${artifact.createdAt} < ${staleBefore.toISOString()}))`,
        ),
      )
      .returning({ storageKey: artifact.storageKey });
    const [held] = await tx
      .select({ total: sql<string>`coalesce(sum(${artifact.size}), 0)`, files: sql<number>`count(*)::int` })
      .from(artifact)
      .where(eq(artifact.trialId, input.trialId));
    const total = Number(held?.total ?? 0);
    const files = Number(held?.files ?? 0);
    if (files >= limits.maxTrialFiles) {
      throw new TrialFullError({
        field: ['input', 'name'],
        message: `a trial may hold at most ${bytes(limits.maxTrialFiles)} artifacts (TUNEBOARD_ARTIFACT_MAX_TRIAL_FILES): it holds ${bytes(files)}; delete some, or replace one by uploading under its name`,
        code: 'TOO_LARGE',
      });
    }
    if (total + input.size > limits.maxTrialBytes) {
      // Nothing is removed when the new file does not fit: the transaction rolls back.
      throw new TrialFullError({
        field: ['input', 'size'],
        message: `a trial's artifacts may take at most ${bytes(limits.maxTrialBytes)} bytes together (TUNEBOARD_ARTIFACT_MAX_TRIAL_BYTES): it holds ${bytes(total)}, and this file of ${bytes(input.size)} would make ${bytes(total + input.size)}`,
        code: 'TOO_LARGE',
      });
    }
    const [row] = await tx
      .insert(artifact)
      .values({ ...input, storageKey: `${input.studyId}/${input.trialId}/${randomUUID()}` })
      .returning();
    return { row: row!, removedKeys: removed.map((r) => r.storageKey) };
  }).catch((error: unknown) => {
    if (error instanceof TrialFullError) return { problem: error.problem };
    throw error;
  });
}

class TrialFullError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

/**
 * Checks what arrived in the store against what the upload began with. A match makes the artifact READY; a
 * mismatch removes the stored bytes and the row (the caller begins again), so nothing unverified is ever served.
 */
export async function verifyUpload(db: Database, store: ArtifactStore, row: ArtifactRow): Promise<{ row: ArtifactRow } | { problem: Problem }> {
  if (row.state === 'READY') return { row };
  const stored = await store.stat(row.storageKey);
  if (!stored) {
    return { problem: { field: ['input', 'id'], message: `nothing was uploaded for "${row.name}" yet: send its bytes to the upload URL, then complete again`, code: 'NOT_UPLOADED' } };
  }
  const mismatch = async (problem: Problem) => {
    await db.delete(artifact).where(eq(artifact.id, row.id));
    await store.delete(row.storageKey);
    return { problem };
  };
  if (stored.size !== row.size) {
    return mismatch({
      field: ['input', 'id'],
      message: `"${row.name}" was announced with ${bytes(row.size)} bytes but ${bytes(stored.size)} arrived; the upload was removed: begin it again`,
      code: 'SIZE_MISMATCH',
    });
  }
  const sha256 = await store.sha256(row.storageKey);
  if (sha256 !== row.sha256) {
    return mismatch({
      field: ['input', 'id'],
      message: `the SHA-256 of what arrived for "${row.name}" is ${sha256}, not ${row.sha256} as announced; the upload was removed: begin it again`,
      code: 'CHECKSUM_MISMATCH',
    });
  }
  const [ready] = await db
    .update(artifact)
    .set({ state: 'READY', completedAt: new Date() })
    .where(and(eq(artifact.id, row.id), eq(artifact.state, 'UPLOADING')))
    .returning();
  return { row: ready ?? row };
}

/**
 * Whether an artifact row still owns `key`: an upload link outlives its row when the artifact is deleted or replaced
 * by name, and bytes put after that would stay in the store, counted against no limit.
 */
export async function keyHasArtifact(db: Database, key: string): Promise<boolean> {
  const rows = await db.select({ id: artifact.id }).from(artifact).where(eq(artifact.storageKey, key)).limit(1);
  return rows.length > 0;
}

/** Removes stored objects, logging (not throwing) failures: the rows are gone already, so the bytes are garbage. */
export async function removeObjects(store: ArtifactStore, keys: readonly string[], log: Pick<Logger, 'warn'>): Promise<void> {
  await Promise.all(
    keys.map((key) => store.delete(key).catch((error: unknown) => log.warn({ err: error, key }, 'deleting an artifact from the store failed'))),
  );
}

/**
 * Keeps the saved models of a study's best trials only: deletes the MODEL artifacts of every trial that has ended
 * and is not among the `keep_models` best COMPLETE trials by the first objective (a running trial keeps its
 * model until it ends). One statement on the study's models (`artifact_study_kind_idx`), then the objects.
 */
export async function pruneModels(db: Database, store: ArtifactStore, studyId: string, log: Pick<Logger, 'warn'>): Promise<number> {
  const removed = await db.execute(sql`
    with s as (
      -- Studies store directions as the contract spells them: 'minimize' / 'maximize'.
      select keep_models, lower(coalesce(objectives->0->>'direction', 'minimize')) as direction from study where id = ${studyId}
    ), best as (
      select t.id from trial t, s
      where t.study_id = ${studyId} and t.state = 'COMPLETE' and t."values"[1] is not null
      order by case when s.direction = 'maximize' then -t."values"[1] else t."values"[1] end asc, t.number asc
      limit (select keep_models from s)
    )
    delete from artifact a using trial t
    where a.study_id = ${studyId} and a.kind = 'MODEL' and t.id = a.trial_id
      and t.state not in ('RUNNING', 'PENDING') and a.trial_id not in (select id from best)
    returning a.storage_key`);
  const keys = rowsOf<{ storage_key: string }>(removed).map((r) => r.storage_key);
  await removeObjects(store, keys, log);
  return keys.length;
}

/** Deletes one artifact's row and its bytes. */
export async function deleteArtifact(db: Database, store: ArtifactStore, row: ArtifactRow, log: Pick<Logger, 'warn'>): Promise<void> {
  await db.delete(artifact).where(eq(artifact.id, row.id));
  await removeObjects(store, [row.storageKey], log);
}

