import { normalizeSpace } from '@tuneboard/contract';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { metric, study, trial, type JsonObject } from '@tuneboard/db';
import { parseSpace, refineSpace, suggestRefinement, trialsInside, SpaceError, type Direction, type RefineRange } from '@tuneboard/tuning';
import type { Context } from '../context.ts';
import { publishStudyEvent } from '../events.ts';
import type { StudyRefineInput } from '../generated/graphql.ts';
import { loadHistory } from '../lifecycle/history.ts';
import { loadStudy, userError } from '../resolvers/common.ts';
import { validateBudget, validateConfig } from '../resolvers/study-input.ts';
import { studyNameTaken, type StudyResult } from './create.ts';

/**
 * `studyRefine`: a child study over a narrower space (the ranges given, or suggested from the parent's best
 * trials), which inherits the parent's complete trials inside it, with their learning curves.
 */
export async function refineStudy(ctx: Context, input: StudyRefineInput): Promise<StudyResult> {
  const parent = await loadStudy(ctx, input.studyId, 'write');
  const space = parseSpace(parent.space);
  const history = await loadHistory(ctx.db, parent, 'pruned');
  let refined;
  let ranges: Record<string, RefineRange>;
  try {
    if (input.ranges != null) {
      ranges = input.ranges as Record<string, RefineRange>;
      refined = refineSpace(space, ranges);
    } else {
      const suggestion = suggestRefinement(space, history, {
        topQuantile: input.topQuantile ?? undefined,
        direction: (parent.objectives[0]?.direction ?? 'minimize') as Direction,
      });
      ranges = suggestion.ranges;
      refined = suggestion.space;
    }
  } catch (error) {
    if (error instanceof SpaceError) {
      return {
        study: null,
        userErrors: [userError(['input', 'ranges', ...(error.param ? [error.param] : [])], error.message)],
      };
    }
    if (error instanceof RangeError) {
      return { study: null, userErrors: [userError(['input', input.ranges == null ? 'topQuantile' : 'ranges'], error.message)] };
    }
    throw error;
  }
  const sampler = validateConfig('sampler', input.sampler ?? parent.sampler);
  const budget = validateBudget(input.budget, parent);
  const errors = [...sampler.errors, ...budget.errors];
  if (errors.length > 0) return { study: null, userErrors: errors };
  const name = (input.name ?? `${parent.name} (refined)`).trim();
  const inherited = input.inheritTrials === false ? [] : trialsInside(refined, history);
  const { maxTrials } = budget.budget;
  if (maxTrials !== null && maxTrials <= inherited.length) {
    // Inherited trials count toward the budget: with no room left the child would end at once, FAILED without
    // a trial of its own.
    return {
      study: null,
      userErrors: [
        userError(
          ['input', 'budget', 'maxTrials'],
          `maxTrials must be more than the ${inherited.length} trials inherited from the parent (they count toward the budget), got ${maxTrials}`,
        ),
      ],
    };
  }
  try {
    const childId = await ctx.db.transaction(async (tx) => {
      const [child] = await tx
        .insert(study)
        .values({
          projectId: parent.projectId,
          name,
          description: `Refined from "${parent.name}".`,
          objectives: parent.objectives,
          space: normalizeSpace(refined) as unknown as JsonObject,
          sampler: sampler.json!,
          pruner: parent.pruner,
          objective: parent.objective,
          ...budget.budget,
          parentStudyId: parent.id,
          refinement: { ranges: ranges as unknown as JsonObject, inherited: inherited.length } as JsonObject,
          createdById: ctx.viewer.kind === 'user' ? ctx.viewer.user.id : null,
          nextTrialNumber: inherited.length,
        })
        .returning();
      if (inherited.length > 0) {
        const sources = await tx
          .select()
          .from(trial)
          .where(and(eq(trial.studyId, parent.id), inArray(trial.number, inherited.map((t) => t.number))))
          .orderBy(asc(trial.number));
        const copies = await tx
          .insert(trial)
          .values(
            sources.map((source, i) => ({
              studyId: child!.id,
              number: i,
              params: source.params,
              state: 'COMPLETE' as const,
              values: source.values,
              constraints: source.constraints,
              origin: 'INHERITED' as const,
              sourceTrialId: source.id,
              startedAt: source.startedAt,
              finishedAt: source.finishedAt,
            })),
          )
          .returning({ id: trial.id, sourceTrialId: trial.sourceTrialId });
        // Learning curves come along, so the child's charts show where its seeds came from.
        for (const copy of copies) {
          await tx.execute(sql`
            insert into ${metric} (trial_id, attempt, key, step, value, time)
            select ${copy.id}, 0, m.key, m.step, m.value, m.time
            from ${metric} m join ${trial} t on t.id = m.trial_id and t.attempt = m.attempt
            where m.trial_id = ${copy.sourceTrialId}`);
        }
      }
      await publishStudyEvent(tx, { kind: 'STUDY_STATUS', studyId: parent.id, teamId: parent.teamId });
      return child!.id;
    });
    await ctx.lifecycle.scheduler.topUp(ctx.db, ctx.events, childId);
    return { study: (await ctx.loaders.study.load(childId)) ?? null, userErrors: [] };
  } catch (error) {
    return studyNameTaken(error, name);
  }
}
