import { and, eq } from 'drizzle-orm';
import { isMetricName, parseObjectiveSpec } from '@tuneboard/contract';
import { artifact, modelEvaluation } from '@tuneboard/db';
import { authorize, notFound, teamsAllowed } from '../auth/authorize.ts';
import type { Context } from '../context.ts';
import type { Resolvers } from '../generated/graphql.ts';
import { isUuid, rawId, toGlobalId } from '../ids.ts';
import { claimEvaluations, finishEvaluation, latestEvaluations, requestEvaluation } from '../lifecycle/evaluations.ts';
import type { EvaluationRow } from '../mappers.ts';
import { loadRunner, loadStudy, loadStudyById, loadTrial, userError } from './common.ts';
import { onProtocolPool } from './runners.ts';
import { boundedTrialError } from './trial-error.ts';

/** Most evaluations one claim takes. */
const MAX_EVALUATION_CLAIM = 8;
/** Most figures one evaluation reports. */
export const MAX_EVALUATION_METRICS = 20;
/** Characters of an evaluation's error kept. */
const MAX_EVALUATION_ERROR = 2_000;
/** The file every saved template model has (apps/runner `train/save-model.ts`). */
const MODEL_FILE = 'model/model.json';

/** The newest evaluation of each trial asked for in this request: one statement for all the trials of a page. */
function evaluationOf(ctx: Context, trialId: number): Promise<EvaluationRow | undefined> {
  let batch = batches.get(ctx.loaders);
  if (!batch) {
    const pending = new Map<number, ((row: EvaluationRow | undefined) => void)[]>();
    batch = { pending, scheduled: false };
    batches.set(ctx.loaders, batch);
  }
  const current = batch;
  return new Promise((resolve, reject) => {
    const waiting = current.pending.get(trialId) ?? [];
    waiting.push(resolve);
    current.pending.set(trialId, waiting);
    if (current.scheduled) return;
    current.scheduled = true;
    queueMicrotask(() => {
      const ids = [...current.pending.keys()];
      const callbacks = new Map(current.pending);
      current.pending.clear();
      current.scheduled = false;
      latestEvaluations(ctx.db, ids).then(
        (found) => {
          for (const [id, waiters] of callbacks) for (const done of waiters) done(found.get(id));
        },
        reject,
      );
    });
  });
}
const batches = new WeakMap<object, { pending: Map<number, ((row: EvaluationRow | undefined) => void)[]>; scheduled: boolean }>();

/** Why a trial's model cannot be evaluated on the test split, as a user error naming the trial; none when it can. */
async function refusal(ctx: Context, trialId: number, objective: unknown) {
  let spec;
  try {
    spec = parseObjectiveSpec(objective);
  } catch {
    spec = undefined;
  }
  if (spec?.kind !== 'template') {
    return userError(
      ['input', 'trialId'],
      `only a template study's model (mlp or cnn on a dataset) can be evaluated on its test split; this study's objective is ${spec ? `a ${spec.kind}` : 'not a template'}`,
      'NOT_TEMPLATE',
    );
  }
  if (spec.split?.test === 0) {
    return userError(['input', 'trialId'], 'the study holds out no test split (its objective has split.test = 0): there is nothing to evaluate on', 'NO_TEST_SPLIT');
  }
  const [model] = await ctx.db
    .select({ id: artifact.id })
    .from(artifact)
    .where(and(eq(artifact.trialId, trialId), eq(artifact.name, MODEL_FILE), eq(artifact.kind, 'MODEL'), eq(artifact.state, 'READY')));
  if (!model) {
    return userError(
      ['input', 'trialId'],
      "the trial has no saved model (models are saved for COMPLETE trials and kept only for the study's best `keepModels`)",
      'NO_MODEL',
    );
  }
  return undefined;
}

/** The figures a runner sent, or the user error naming the first bad one. */
function checkMetrics(metrics: { key: string; value: number }[]): { metrics: Record<string, number> } | { error: ReturnType<typeof userError> } {
  if (metrics.length < 1 || metrics.length > MAX_EVALUATION_METRICS) {
    return { error: userError(['input', 'metrics'], `send 1 to ${MAX_EVALUATION_METRICS} figures, got ${metrics.length}`) };
  }
  const out: Record<string, number> = {};
  for (const [i, metric] of metrics.entries()) {
    if (!metric.key.startsWith('test_') || !isMetricName(metric.key) || metric.key in out) {
      return {
        error: userError(
          ['input', 'metrics', String(i), 'key'],
          `a figure's key starts with "test_", holds letters, digits, _ . / - and appears once; got ${JSON.stringify(metric.key.slice(0, 80))}`,
        ),
      };
    }
    out[metric.key] = metric.value;
  }
  return { metrics: out };
}

export const evaluationResolvers: Resolvers = {
  ModelEvaluation: {
    id: (row) => toGlobalId('ModelEvaluation', row.id),
    // Read with its trial (`Trial.evaluation`) or by a mutation that authorised it.
    trial: async (row, _args, ctx) => {
      const found = await ctx.loaders.trial.load(row.trialId);
      if (!found) throw notFound('The trial');
      return found;
    },
    metrics: (row) => Object.entries(row.metrics ?? {}).map(([key, value]) => ({ key, value })),
  },
  Trial: {
    // The trial was authorised when it was loaded.
    evaluation: async (row, _args, ctx) => (await evaluationOf(ctx, row.id)) ?? null,
  },
  Mutation: {
    trialEvaluate: async (_parent, { input }, ctx) => {
      const trialRow = await loadTrial(ctx, input.trialId, 'read');
      const owner = await loadStudyById(ctx, trialRow.studyId, 'read');
      authorize(ctx.viewer, owner.teamId, 'write', 'The trial');
      const refused = await refusal(ctx, trialRow.id, owner.objective);
      if (refused) return { evaluation: null, userErrors: [refused] };
      const { row } = await requestEvaluation(ctx.db, ctx.events, {
        studyId: owner.id,
        teamId: owner.teamId,
        trialId: trialRow.id,
        requestedBy: ctx.viewer.kind === 'user' ? ctx.viewer.user.id : null,
      });
      return { evaluation: row, userErrors: [] };
    },
    modelEvaluationClaim: async (_parent, { input }, ctx) => {
      onProtocolPool(ctx);
      const worker = await loadRunner(ctx, input.runnerId, 'run');
      const studyId = input.studyId ? (await loadStudy(ctx, input.studyId, 'run')).id : undefined;
      const limit = Math.min(Math.max(input.limit ?? 1, 1), MAX_EVALUATION_CLAIM);
      const settings = { leaseSeconds: ctx.env.LEASE_SECONDS };
      const claimed = await claimEvaluations(ctx.db, ctx.events, settings, { teamId: worker.teamId, runnerId: worker.id, studyId, limit });
      return {
        leases: claimed.map((row) => ({ evaluation: row, leaseToken: row.leaseToken!, leaseExpiresAt: row.leaseExpiresAt! })),
        userErrors: [],
      };
    },
    modelEvaluationFinish: async (_parent, { input }, ctx) => {
      onProtocolPool(ctx);
      const refused = (error: ReturnType<typeof userError>) => ({ evaluation: null, userErrors: [error] });
      const id = rawId(input.id, 'ModelEvaluation');
      if (id === undefined) throw notFound('The evaluation');
      if ((input.metrics == null) === (input.error == null)) {
        return refused(userError(['input', 'metrics'], 'give `metrics` (it worked) or `error` (it failed), exactly one of them'));
      }
      let outcome;
      if (input.metrics) {
        const checked = checkMetrics(input.metrics);
        if ('error' in checked) return refused(checked.error);
        outcome = { state: 'DONE' as const, metrics: checked.metrics };
      } else {
        outcome = { state: 'FAILED' as const, error: boundedTrialError(input.error!).slice(0, MAX_EVALUATION_ERROR) };
      }
      const row = isUuid(input.leaseToken)
        ? await finishEvaluation(ctx.db, ctx.events, { id, leaseToken: input.leaseToken, teams: teamsAllowed(ctx.viewer, 'run'), outcome })
        : undefined;
      if (!row) {
        // Another team's evaluation, or none: "not found"; the caller's own: its lease is stale.
        const [found] = await ctx.db.select({ studyId: modelEvaluation.studyId }).from(modelEvaluation).where(eq(modelEvaluation.id, id));
        if (!found) throw notFound('The evaluation');
        await loadStudyById(ctx, found.studyId, 'run');
        return refused(
          userError(['input', 'leaseToken'], 'this lease token does not hold the evaluation (it ended, or its lease passed to another runner); stop working on it', 'STALE_LEASE'),
        );
      }
      return { evaluation: row, userErrors: [] };
    },
  },
};

