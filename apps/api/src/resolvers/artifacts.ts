import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { keepModelsIssue } from '@tuneboard/contract';
import { artifact, type ArtifactKind } from '@tuneboard/db';
import { authorize, notFound } from '../auth/authorize.ts';
import type { Context } from '../context.ts';
import type { Resolvers } from '../generated/graphql.ts';
import { rawId, toGlobalId } from '../ids.ts';
import { LIST_MAX } from '../limits.ts';
import type { StudyRow, TrialRow } from '../mappers.ts';
import {
  checkUpload,
  deleteArtifact,
  pruneModels,
  removeObjects,
  reserveUpload,
  verifyUpload,
  type ArtifactLimits,
  type Problem,
} from '../artifacts/service.ts';
import { loadStudyById, loadTrial, userError } from './common.ts';
import { boundedInt } from './list-limits.ts';

function limitsOf(ctx: Context): ArtifactLimits {
  return {
    maxFileBytes: ctx.env.TUNEBOARD_ARTIFACT_MAX_FILE_BYTES,
    maxTrialBytes: ctx.env.TUNEBOARD_ARTIFACT_MAX_TRIAL_BYTES,
    maxTrialFiles: ctx.env.TUNEBOARD_ARTIFACT_MAX_TRIAL_FILES,
  };
}

const toUserError = (problem: Problem) => userError(problem.field, problem.message, problem.code);

/**
 * Who may add bytes to a trial: a runner holding the trial's lease (`run`, with the lease token), or a person or
 * token with `write`. A RUNNER token without a lease token is refused (FORBIDDEN), so a runner uploads only for
 * the trials it holds. Another team's trial answers "not found" (from `loadTrial`).
 */
function uploadAccess(ctx: Context, trialRow: TrialRow, owner: StudyRow, leaseToken: string | null | undefined): Problem | undefined {
  if (leaseToken == null) {
    authorize(ctx.viewer, owner.teamId, 'write', 'The trial');
    return undefined;
  }
  authorize(ctx.viewer, owner.teamId, 'run', 'The trial');
  if (trialRow.state !== 'RUNNING' || trialRow.leaseToken !== leaseToken) {
    return {
      field: ['input', 'leaseToken'],
      message: 'this lease token does not hold the trial (it ended, or its lease passed to another runner)',
      code: 'STALE_LEASE',
    };
  }
  return undefined;
}

/** An artifact by id, with its trial and study, after `read` on its team; another team's answers "not found". */
async function loadArtifact(ctx: Context, globalId: string) {
  const id = rawId(globalId, 'Artifact');
  const [row] = id === undefined ? [] : await ctx.db.select().from(artifact).where(eq(artifact.id, id));
  if (!row) throw notFound('The artifact');
  const owner = await loadStudyById(ctx, row.studyId, 'read');
  const trialRow = await ctx.loaders.trial.load(row.trialId);
  if (!trialRow) throw notFound('The artifact');
  return { row, owner, trialRow };
}

/** After a model arrived for a trial that already ended, or after a trial ended: keep the best trials' models only. */
export async function keepBestModels(ctx: Context, studyId: string): Promise<void> {
  await pruneModels(ctx.db, ctx.artifacts, studyId, ctx.log).catch((error: unknown) =>
    ctx.log.warn({ err: error, studyId }, "deleting the models of trials outside the study's best failed; the next finished trial retries"),
  );
}

export const artifactResolvers: Resolvers = {
  Artifact: {
    id: (row) => toGlobalId('Artifact', row.id),
    trial: async (row, _args, ctx) => {
      const found = await ctx.loaders.trial.load(row.trialId);
      if (!found) throw notFound('The trial');
      return found;
    },
    size: (row) => Number(row.size),
    // The artifact was authorised with its trial (`Trial.artifacts`) or by the mutation that returned it.
    downloadUrl: async (row, _args, ctx) => {
      if (row.state !== 'READY') return null;
      const request = await ctx.artifacts.downloadRequest(row.storageKey, {
        fileName: path.posix.basename(row.name),
        contentType: row.contentType,
        expiresInSeconds: ctx.env.TUNEBOARD_ARTIFACT_URL_SECONDS,
      });
      return request.url;
    },
  },
  Trial: {
    // The trial itself was authorised when it was loaded (`Query.trial`, a study's trials, `node`).
    artifacts: async (row, args, ctx) => {
      const first = boundedInt('artifacts(first:)', args.first ?? 100, 0, LIST_MAX.default);
      return ctx.db.select().from(artifact).where(eq(artifact.trialId, row.id)).orderBy(asc(artifact.name)).limit(first);
    },
  },
  Study: {
    keepModels: (row) => row.keepModels ?? 3,
  },
  Mutation: {
    artifactUploadBegin: async (_parent, { input }, ctx) => {
      const trialRow = await loadTrial(ctx, input.trialId, 'read');
      const owner = await loadStudyById(ctx, trialRow.studyId, 'read');
      const denied = uploadAccess(ctx, trialRow, owner, input.leaseToken);
      if (denied) return { artifact: null, upload: null, userErrors: [toUserError(denied)] };
      const announced = {
        name: input.name,
        size: input.size,
        sha256: input.sha256,
        contentType: input.contentType ?? 'application/octet-stream',
        kind: (input.kind ?? 'FILE') as ArtifactKind,
      };
      const problems = checkUpload(announced, limitsOf(ctx));
      if (problems.length > 0) return { artifact: null, upload: null, userErrors: problems.map(toUserError) };
      const urlSeconds = ctx.env.TUNEBOARD_ARTIFACT_URL_SECONDS;
      const reserved = await reserveUpload(
        ctx.db,
        { ...announced, studyId: owner.id, trialId: trialRow.id },
        limitsOf(ctx),
        // An upload not completed within twice its URL's life is abandoned: it stops counting against the limit.
        new Date(Date.now() - 2 * urlSeconds * 1000),
      );
      if ('problem' in reserved) return { artifact: null, upload: null, userErrors: [toUserError(reserved.problem)] };
      await removeObjects(ctx.artifacts, reserved.removedKeys, ctx.log);
      const upload = await ctx.artifacts.uploadRequest(reserved.row.storageKey, {
        size: announced.size,
        contentType: announced.contentType,
        expiresInSeconds: urlSeconds,
      });
      return {
        artifact: reserved.row,
        upload: { ...upload, headers: Object.entries(upload.headers).map(([name, value]) => ({ name, value })) },
        userErrors: [],
      };
    },
    artifactUploadComplete: async (_parent, { input }, ctx) => {
      const { row, owner, trialRow } = await loadArtifact(ctx, input.id);
      const denied = uploadAccess(ctx, trialRow, owner, input.leaseToken);
      if (denied) return { artifact: null, userErrors: [toUserError(denied)] };
      const verified = await verifyUpload(ctx.db, ctx.artifacts, row);
      if ('problem' in verified) return { artifact: null, userErrors: [toUserError(verified.problem)] };
      if (verified.row.kind === 'MODEL' && trialRow.state !== 'RUNNING' && trialRow.state !== 'PENDING') await keepBestModels(ctx, owner.id);
      return { artifact: verified.row, userErrors: [] };
    },
    artifactDelete: async (_parent, { input }, ctx) => {
      const { row, owner } = await loadArtifact(ctx, input.id);
      authorize(ctx.viewer, owner.teamId, 'write', 'The artifact');
      await deleteArtifact(ctx.db, ctx.artifacts, row, ctx.log);
      return { deletedId: input.id, userErrors: [] };
    },
  },
};

/** `keepModels` of `studyCreate` and `studyUpdate`, checked by the contract: a user error naming the value, or the number to store. */
export function checkKeepModels(value: number | null | undefined): { keepModels?: number; errors: ReturnType<typeof userError>[] } {
  if (value == null) return { errors: [] };
  const issue = keepModelsIssue(value);
  if (issue) return { errors: [userError(['input', ...issue.path], issue.message)] };
  return { keepModels: value, errors: [] };
}
