import { STUDY_NAME_MAX } from '@tuneboard/contract';
import { violatedConstraint } from '@tuneboard/db';
import { study, type JsonObject } from '@tuneboard/db';
import { SpaceError, createSampler, parseSamplerConfig, type SearchSpace } from '@tuneboard/tuning';
import type { Context } from '../context.ts';
import type { StudyCreateInput } from '../generated/graphql.ts';
import type { StudyRow } from '../mappers.ts';
import { checkKeepModels } from '../resolvers/artifacts.ts';
import { loadProject, userError, type UserError } from '../resolvers/common.ts';
import {
  toStudyObjectives,
  validateBudget,
  validateConfig,
  validateDescription,
  validateObjectiveSpec,
  validateObjectives,
  spaceErrorField,
  validateSpace,
} from '../resolvers/study-input.ts';

/** What creating or refining a study answers: the study, or what is wrong with the input. */
export interface StudyResult {
  study: StudyRow | null;
  userErrors: UserError[];
}

/**
 * `studyCreate`: validates the whole input (every wrong field named), asks the sampler for one point of the
 * empty study, stores the study and tops its queue up.
 */
export async function createStudy(ctx: Context, input: StudyCreateInput): Promise<StudyResult> {
  const home = await loadProject(ctx, input.projectId, 'write');
  const name = input.name.trim();
  const space = validateSpace(input.space);
  const sampler = validateConfig('sampler', input.sampler);
  const pruner = validateConfig('pruner', input.pruner);
  const objective = validateObjectiveSpec(input.objective, input.objectives);
  const budget = validateBudget(input.budget);
  const keep = checkKeepModels(input.keepModels);
  const errors: UserError[] = [
    ...(name.length >= 1 && name.length <= STUDY_NAME_MAX
      ? []
      : [userError(['input', 'name'], `name must have 1 to ${STUDY_NAME_MAX} characters after trimming spaces, got ${name.length}${name.length === 0 ? ` (${JSON.stringify(input.name.slice(0, 20))})` : ''}`)]),
    ...validateDescription(input.description),
    ...validateObjectives(input.objectives),
    ...space.errors,
    ...sampler.errors,
    ...pruner.errors,
    ...objective.errors,
    ...budget.errors,
    ...keep.errors,
  ];
  if (errors.length === 0) errors.push(...dryRunSampler(sampler.json!, space.parsed!, input.objectives.length));
  if (errors.length > 0) return { study: null, userErrors: errors };
  try {
    const [row] = await ctx.db
      .insert(study)
      .values({
        projectId: home.id,
        name,
        description: input.description ?? '',
        objectives: toStudyObjectives(input.objectives),
        // Stored once, in the contract's normal form (refinements store the same form).
        space: space.normal!,
        sampler: sampler.json!,
        pruner: pruner.json!,
        objective: objective.json!,
        ...budget.budget,
        ...(keep.keepModels === undefined ? {} : { keepModels: keep.keepModels }),
        createdById: ctx.viewer.kind === 'user' ? ctx.viewer.user.id : null,
      })
      .returning();
    await ctx.lifecycle.scheduler.topUp(ctx.db, ctx.events, row!.id);
    return { study: (await ctx.loaders.study.load(row!.id)) ?? null, userErrors: [] };
  } catch (error) {
    return studyNameTaken(error, name);
  }
}

/**
 * Asks the sampler for one point of the empty study before anything is stored, so a configuration that
 * cannot work with this space (a grid too large to enumerate, a sampler that cannot handle several
 * objectives) is a user error now rather than a failed top-up later.
 */
function dryRunSampler(config: JsonObject, space: SearchSpace, objectives: number): UserError[] {
  try {
    const directions = Array.from({ length: objectives }, () => 'minimize' as const);
    createSampler(parseSamplerConfig(config)).ask({ space, trials: [], directions }, 1);
    return [];
  } catch (error) {
    // A parameter the sampler cannot handle (a grid of a million values) is named, as the space's own rules are.
    if (error instanceof SpaceError) return [userError(spaceErrorField(error), error.message)];
    return [userError(['input', 'sampler'], `sampler: ${error instanceof Error ? error.message : String(error)}`)];
  }
}

/** A study name already used in the project is a user error; anything else is rethrown. */
export function studyNameTaken(error: unknown, name: string): StudyResult {
  if (violatedConstraint(error) !== 'study_project_name_key') throw error;
  return {
    study: null,
    userErrors: [userError(['input', 'name'], `The project already has a study named "${name}".`, 'TAKEN')],
  };
}
