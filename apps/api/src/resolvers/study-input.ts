import { randomInt } from 'node:crypto';
import {
  ConfigError,
  SpaceError,
  parsePrunerConfig,
  parseSamplerConfig,
  parseSpace,
  spaceToJson,
  type SearchSpace,
} from '@tuneboard/tuning';
import { objectiveSpecSchema } from '@tuneboard/runner/spec';
import type { JsonObject, StudyObjective } from '@tuneboard/db';
import type { BudgetInput, ObjectiveInput } from '../generated/graphql.ts';
import { userError, type UserError } from './common.ts';

/** Seeds drawn for unseeded studies lie in [0, 2³¹): any integer the sampler config accepts, and an `Int` in GraphQL. */
export const MAX_RANDOM_SEED = 2 ** 31;

/** A random sampler seed (crypto-grade, so concurrent API replicas never coordinate to differ). */
export function randomSeed(): number {
  return randomInt(0, MAX_RANDOM_SEED);
}

/** Budget defaults: four trials at once, three attempts per trial before it fails. */
export const DEFAULT_MAX_PARALLEL = 4;
export const DEFAULT_MAX_FAILURES = 3;

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
  if (objectives.length < 1 || objectives.length > 8) {
    errors.push(userError(['input', 'objectives'], `give 1 to 8 objectives, got ${objectives.length}`));
  }
  const seen = new Set<string>();
  objectives.forEach((objective, i) => {
    if (!/^[A-Za-z_][A-Za-z0-9_./-]{0,99}$/.test(objective.name)) {
      errors.push(
        userError(
          ['input', 'objectives', String(i), 'name'],
          `an objective name starts with a letter or _ and holds letters, digits, _ . / -; got ${JSON.stringify(objective.name)}`,
        ),
      );
    }
    if (seen.has(objective.name)) {
      errors.push(userError(['input', 'objectives', String(i), 'name'], `objective "${objective.name}" is listed twice`));
    }
    seen.add(objective.name);
  });
  return errors;
}

/** Longest study description: free text for people, not a document store. */
export const MAX_DESCRIPTION_LENGTH = 10_000;

export function validateDescription(description: string | null | undefined): UserError[] {
  const length = description?.length ?? 0;
  return length <= MAX_DESCRIPTION_LENGTH
    ? []
    : [userError(['input', 'description'], `description may have at most ${MAX_DESCRIPTION_LENGTH} characters, got ${length}`)];
}

export function validateBudget(budget: BudgetInput | null | undefined, fallback?: ValidStudyInput['budget']) {
  const errors: UserError[] = [];
  const maxTrials = budget?.maxTrials === undefined ? (fallback?.maxTrials ?? null) : budget.maxTrials;
  const maxParallel = budget?.maxParallel ?? fallback?.maxParallel ?? DEFAULT_MAX_PARALLEL;
  const maxFailures = budget?.maxFailures ?? fallback?.maxFailures ?? DEFAULT_MAX_FAILURES;
  if (maxTrials !== null && !(maxTrials >= 1 && maxTrials <= 1_000_000)) {
    errors.push(userError(['input', 'budget', 'maxTrials'], `maxTrials must be 1 to 1000000 or null, got ${maxTrials}`));
  }
  if (!(maxParallel >= 1 && maxParallel <= 1024)) {
    errors.push(userError(['input', 'budget', 'maxParallel'], `maxParallel must be 1 to 1024, got ${maxParallel}`));
  }
  if (!(maxFailures >= 1 && maxFailures <= 100)) {
    errors.push(userError(['input', 'budget', 'maxFailures'], `maxFailures must be 1 to 100, got ${maxFailures}`));
  }
  return { errors, budget: { maxTrials, maxParallel, maxFailures } };
}

/** The field of a parameter's spec a rule is about, where its first word does not say it. */
const RULE_FIELDS: Record<string, string> = {
  'low <= high': 'high',
  'log needs low > 0': 'low',
  'log needs step 1': 'step',
  'log excludes step': 'step',
  'choice type': 'choices',
  'grid size': 'step',
};
const SPEC_FIELDS = new Set(['type', 'low', 'high', 'step', 'log', 'choices', 'when']);

/**
 * Where a space error belongs: `input.space.<param>.<field>` when the rule is about one field of the
 * parameter's spec (`low`, `high`, `step`, …), so a form shows it beside that input; `input.space.<param>` for
 * the parameter as a whole (its name, an unknown field); `input.space` for the document.
 */
export function spaceErrorField(error: SpaceError): string[] {
  if (error.param === undefined) return ['input', 'space'];
  const field = RULE_FIELDS[error.rule] ?? error.rule.split(' ')[0] ?? '';
  return ['input', 'space', error.param, ...(SPEC_FIELDS.has(field) ? [field] : [])];
}

/**
 * Validates a space document. When it breaks a rule, every parameter is also checked on its own (conditions
 * left out), so the answer lists one error per faulty parameter at once instead of the first only; a rule
 * between parameters (`when`) is reported when no parameter is faulty on its own.
 */
export function validateSpace(space: unknown): { errors: UserError[]; parsed?: SearchSpace } {
  try {
    return { errors: [], parsed: parseSpace(space) };
  } catch (error) {
    if (!(error instanceof SpaceError)) throw error;
    const first = userError(spaceErrorField(error), error.message);
    // A document-level error (not an object, too many parameters) comes before any parameter is read.
    if (error.param === undefined || !isObject(space)) return { errors: [first] };
    const errors: UserError[] = [];
    for (const [name, spec] of Object.entries(space)) {
      const alone = isObject(spec) ? Object.fromEntries(Object.entries(spec).filter(([key]) => key !== 'when')) : spec;
      try {
        parseSpace(Object.fromEntries([[name, alone]]));
      } catch (own) {
        if (!(own instanceof SpaceError)) throw own;
        errors.push(userError(spaceErrorField(own), own.message));
      }
    }
    return { errors: errors.length > 0 ? errors : [first] };
  }
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
 * Validated with the runner's own schema, so a runner never claims a trial it cannot run.
 */
export function validateObjectiveSpec(
  value: unknown,
  objectives: readonly ObjectiveInput[],
): { errors: UserError[]; json?: JsonObject } {
  if (!isObject(value)) {
    return { errors: [userError(['input', 'objective'], `objective must be an object, got ${JSON.stringify(value)}`)] };
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
          `objective.${issue.path.join('.')}: ${issue.message}, got ${JSON.stringify(got) ?? 'nothing'}`,
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
          `objective.metric must list the study's objectives (${names.join(', ')}), got ${metrics.join(', ')}`,
        ),
      ],
    };
  }
  return { errors: [], json: withMetric as JsonObject };
}

export function toStudyObjectives(objectives: readonly ObjectiveInput[]): StudyObjective[] {
  return objectives.map((objective) => ({
    name: objective.name,
    direction: objective.direction === 'MAXIMIZE' ? 'maximize' : 'minimize',
  }));
}

export { spaceToJson };
