import { randomInt } from 'node:crypto';
import {
  DEFAULT_MAX_FAILURES,
  DEFAULT_MAX_PARALLEL,
  DESCRIPTION_MAX,
  MAX_OBJECTIVES,
  METRIC_NAME_RULE,
  budgetIssues,
  checkSpace,
  fromWireDirection,
  isMetricName,
  normalizeSpace,
  objectiveSpecSchema,
  spaceErrorPath,
  type Issue,
  type SearchSpace,
  type SpaceError,
} from '@tuneboard/contract';
import { ConfigError, parsePrunerConfig, parseSamplerConfig } from '@tuneboard/tuning';
import type { JsonObject, StudyObjective } from '@tuneboard/db';
import type { BudgetInput, ObjectiveInput } from '../generated/graphql.ts';
import { userError, type UserError } from './common.ts';
import { clipped, shown } from './list-limits.ts';

/** Seeds drawn for unseeded studies lie in [0, 2³¹): any integer the sampler config accepts, and an `Int` in GraphQL. */
export const MAX_RANDOM_SEED = 2 ** 31;

/** A random sampler seed (crypto-grade, so concurrent API replicas never coordinate to differ). */
export function randomSeed(): number {
  return randomInt(0, MAX_RANDOM_SEED);
}

export { DEFAULT_MAX_FAILURES, DEFAULT_MAX_PARALLEL };

/** A contract issue as a user error under `input`. */
export function issueError(issue: Issue): UserError {
  return userError(['input', ...issue.path], issue.message);
}

export interface ValidStudyInput {
  objectives: StudyObjective[];
  space: JsonObject;
  parsedSpace: SearchSpace;
  sampler: JsonObject;
  pruner: JsonObject;
  objective: JsonObject;
  budget: { maxTrials: number | null; maxParallel: number; maxFailures: number };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function validateObjectives(objectives: readonly ObjectiveInput[]): UserError[] {
  const errors: UserError[] = [];
  if (objectives.length < 1 || objectives.length > MAX_OBJECTIVES) {
    errors.push(userError(['input', 'objectives'], `give 1 to ${MAX_OBJECTIVES} objectives, got ${objectives.length}`));
  }
  const seen = new Set<string>();
  objectives.forEach((objective, i) => {
    if (!isMetricName(objective.name)) {
      const rule = METRIC_NAME_RULE.replace('a metric name', 'an objective name');
      errors.push(userError(['input', 'objectives', String(i), 'name'], `${rule}; got ${JSON.stringify(objective.name)}`));
    }
    if (seen.has(objective.name)) {
      errors.push(userError(['input', 'objectives', String(i), 'name'], `objective "${objective.name}" is listed twice`));
    }
    seen.add(objective.name);
  });
  return errors;
}

export function validateDescription(description: string | null | undefined): UserError[] {
  const length = description?.length ?? 0;
  return length <= DESCRIPTION_MAX
    ? []
    : [userError(['input', 'description'], `description may have at most ${DESCRIPTION_MAX} characters, got ${length}`)];
}

export function validateBudget(budget: BudgetInput | null | undefined, fallback?: ValidStudyInput['budget']) {
  const maxTrials = budget?.maxTrials === undefined ? (fallback?.maxTrials ?? null) : budget.maxTrials;
  const maxParallel = budget?.maxParallel ?? fallback?.maxParallel ?? DEFAULT_MAX_PARALLEL;
  const maxFailures = budget?.maxFailures ?? fallback?.maxFailures ?? DEFAULT_MAX_FAILURES;
  const checked = { maxTrials, maxParallel, maxFailures };
  return { errors: budgetIssues(checked).map(issueError), budget: checked };
}

/** Where a space error belongs (`input.space.<param>.<field>`): see the contract's `spaceErrorPath`. */
export function spaceErrorField(error: SpaceError): string[] {
  return ['input', ...spaceErrorPath(error)];
}

/**
 * Validates a space document with the contract (every faulty parameter at once, each on its field) and returns
 * it parsed and in its one normal form, the form a study stores.
 */
export function validateSpace(space: unknown): { errors: UserError[]; parsed?: SearchSpace; normal?: JsonObject } {
  const { issues, space: parsed } = checkSpace(space);
  if (!parsed) return { errors: issues.map(issueError) };
  return { errors: [], parsed, normal: normalizeSpace(parsed) as unknown as JsonObject };
}

export function validateConfig(kind: 'sampler' | 'pruner', value: unknown): { errors: UserError[]; json?: JsonObject } {
  const json = (value ?? { kind: kind === 'sampler' ? 'auto' : 'none' }) as JsonObject;
  try {
    if (kind === 'sampler') {
      parseSamplerConfig(json);
      // An unseeded study gets a random seed, stored with its sampler (and shown in `Study.sampler`) so that it
      // can be reproduced; with the sampler's default of 0, every unseeded study started at the same points.
      if (json.seed === undefined) return { errors: [], json: { ...json, seed: randomSeed() } };
    } else parsePrunerConfig(json);
    return { errors: [], json };
  } catch (error) {
    if (error instanceof ConfigError) {
      // ConfigError fields start with the config's own name: `sampler.kind`.
      return { errors: [userError(['input', ...error.field.split('.').filter(Boolean)], error.message)] };
    }
    throw error;
  }
}

/**
 * The objective spec must name the study's objectives as its metrics; a spec without `metric` gets them.
 * Validated with the contract's schema, the one the runner runs, so a runner never claims a trial it cannot run.
 */
export function validateObjectiveSpec(
  value: unknown,
  objectives: readonly ObjectiveInput[],
): { errors: UserError[]; json?: JsonObject } {
  if (!isObject(value)) {
    return { errors: [userError(['input', 'objective'], `objective must be an object, got ${shown(value)}`)] };
  }
  const names = objectives.map((objective) => objective.name);
  const withMetric = value.metric === undefined ? { ...value, metric: names.length === 1 ? names[0] : names } : value;
  const parsed = objectiveSpecSchema.safeParse(withMetric);
  if (!parsed.success) {
    return {
      errors: parsed.error.issues.map((issue) => {
        const got = issue.path.reduce<unknown>(
          (at, key) => (at && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined),
          withMetric,
        );
        return userError(
          ['input', 'objective', ...issue.path.map(String)],
          `objective.${issue.path.join('.')}: ${issue.message}, got ${got === undefined ? 'nothing' : shown(got)}`,
        );
      }),
    };
  }
  const metrics = [parsed.data.metric].flat();
  if (metrics.join(',') !== names.join(',')) {
    return {
      errors: [
        userError(
          ['input', 'objective', 'metric'],
          `objective.metric must list the study's objectives (${clipped(names.join(', '))}), got ${clipped(metrics.join(', '))}`,
        ),
      ],
    };
  }
  return { errors: [], json: withMetric as JsonObject };
}

export function toStudyObjectives(objectives: readonly ObjectiveInput[]): StudyObjective[] {
  return objectives.map((objective) => ({
    name: objective.name,
    direction: fromWireDirection(objective.direction),
  }));
}

