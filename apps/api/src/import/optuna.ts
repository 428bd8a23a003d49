// Importing an Optuna study (issue #20): read one study of an Optuna RDB storage, map its distributions, directions,
// trials and intermediate values onto a Tuneboard study, and store it so that any Tuneboard sampler continues it.
import { and, eq } from 'drizzle-orm';
import { metric, study, trial, type Database, type JsonObject } from '@tuneboard/db';
import { parseSpace, SpaceError, type SpaceJson } from '@tuneboard/tuning';
import type { Scheduler } from '../lifecycle/scheduler.ts';
import { STUDY_NAME_MAX, wallClockToUtc } from '@tuneboard/contract';
import { validateConfig } from '../resolvers/study-input.ts';
import { attributesAsNotes } from './optuna-attributes.ts';
import { redactStorage } from './optuna-read.ts';
import { OptunaImportError, type Num, type OptunaDump } from './optuna-types.ts';
import { parsePythonJson } from './python-json.ts';

export { OptunaImportError, type OptunaDump } from './optuna-types.ts';
export { readOptunaPostgres, readOptunaSqlite, readOptunaStorage, redactStorage } from './optuna-read.ts';

/**
 * Alembic revisions of Optuna's RDB schema that this importer reads: v3.0.0.a–d (Optuna 3.0 and 3.1) and
 * v3.2.0.a (Optuna 3.2 to 4.x). Older schemas store values differently (no `trial_values.value_type`).
 */
export const SUPPORTED_OPTUNA_SCHEMAS = ['v3.0.0.a', 'v3.0.0.b', 'v3.0.0.c', 'v3.0.0.d', 'v3.2.0.a'] as const;

export interface ImportedTrial {
  number: number;
  state: 'COMPLETE' | 'PRUNED' | 'FAIL';
  params: Record<string, number | string | boolean>;
  values: number[] | null;
  curve: { step: number; value: number }[];
  startedAt: Date | null;
  finishedAt: Date | null;
  /** The Optuna trial's number (the import renumbers when running trials are left out). */
  optunaNumber: number;
  /** Its user attributes as a note and tags (optuna-attributes.ts). */
  note: string;
  tags: string[];
}

export interface ImportPlan {
  name: string;
  objectives: { name: string; direction: 'minimize' | 'maximize' }[];
  space: SpaceJson;
  trials: ImportedTrial[];
  /** Optuna trials left out: RUNNING or WAITING ones (nothing to import yet). */
  skipped: number;
  /** The study's user attributes as its note and tags. */
  note: string;
  tags: string[];
  /** User attributes of the study and its imported trials: how many became tags, how many lines of notes. */
  userAttributes: { asTags: number; inNotes: number };
}

const NAME = /^[A-Za-z_][A-Za-z0-9_./-]{0,63}$/;

function num(value: Num): number {
  if (value === null) return Number.NaN;
  return typeof value === 'number' ? value : Number(value);
}

function typed(value: Num, type: string): number {
  if (type === 'INF_POS') return Number.POSITIVE_INFINITY;
  if (type === 'INF_NEG') return Number.NEGATIVE_INFINITY;
  if (type === 'NAN') return Number.NaN;
  return num(value);
}

/**
 * Optuna's naive timestamps (`2026-01-02 03:04:05.678901`, the writing machine's clock: `datetime.now()`) read in
 * `timeZone` (the contract's rule: an IANA name or an offset; default UTC). A text with its own offset keeps it.
 */
function when(text: string | null, timeZone: string): Date | null {
  if (!text) return null;
  const iso = text.trim().replace(' ', 'T');
  if (/[zZ]|[+-]\d\d:?\d\d$/.test(iso)) {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  const wall = Date.parse(`${iso}Z`);
  return Number.isNaN(wall) ? null : new Date(wallClockToUtc(wall, timeZone));
}

interface Distribution {
  name: string;
  attributes: Record<string, unknown>;
}

/** A parameter's Optuna distribution as a Tuneboard parameter spec, or why it cannot be one. */
function toSpec(param: string, d: Distribution): SpaceJson[string] {
  const a = d.attributes;
  const n = (key: string) => a[key] as number;
  switch (d.name) {
    case 'FloatDistribution': {
      if (a.step !== null && a.step !== undefined)
        return { type: 'float', low: n('low'), high: n('high'), step: n('step') };
      return { type: 'float', low: n('low'), high: n('high'), log: a.log === true };
    }
    case 'UniformDistribution':
      return { type: 'float', low: n('low'), high: n('high') };
    case 'LogUniformDistribution':
      return { type: 'float', low: n('low'), high: n('high'), log: true };
    case 'DiscreteUniformDistribution':
      return { type: 'float', low: n('low'), high: n('high'), step: n('q') };
    case 'IntDistribution':
      return { type: 'int', low: n('low'), high: n('high'), log: a.log === true, step: n('step') ?? 1 };
    case 'IntUniformDistribution':
      return { type: 'int', low: n('low'), high: n('high'), step: n('step') ?? 1 };
    case 'IntLogUniformDistribution':
      return { type: 'int', low: n('low'), high: n('high'), log: true };
    case 'CategoricalDistribution': {
      const choices = a.choices as unknown[];
      const bad = choices.find(
        (c) =>
          !(typeof c === 'string' || typeof c === 'boolean' || (typeof c === 'number' && Number.isFinite(c))),
      );
      if (bad !== undefined) {
        throw new OptunaImportError(
          `parameter "${param}": Tuneboard's categorical choices are strings, finite numbers or booleans, got ${typeof bad === 'number' ? String(bad) : JSON.stringify(bad)}`,
        );
      }
      return { type: 'categorical', choices: choices as (string | number | boolean)[] };
    }
    default:
      throw new OptunaImportError(`parameter "${param}": Tuneboard cannot express Optuna's ${d.name}`);
  }
}

/** The stored (internal) value of a parameter as its value: a categorical's index → its choice, an int's float → int. */
function external(spec: SpaceJson[string], stored: number): number | string | boolean {
  if (spec.type === 'categorical') return spec.choices[stored]!;
  if (spec.type === 'int') return Math.round(stored);
  return stored;
}

/**
 * Maps one Optuna study onto a Tuneboard study: the space from the trials' distributions (one per parameter; a
 * parameter whose distribution changed between trials, or that only some trials have, is refused by name),
 * objectives from the directions and `study:metric_names` (else `value` / `value_0`, … as the Python client
 * names them), COMPLETE / PRUNED / FAIL trials with their values and intermediate values as the curve of the first
 * objective. RUNNING and WAITING trials are left out. Trial times are read in `timeZone` (checked by the caller with
 * the contract's `timeZoneIssue`).
 */
export function mapOptunaStudy(dump: OptunaDump, name?: string, timeZone = 'UTC'): ImportPlan {
  if (dump.error) throw new OptunaImportError(dump.error);
  if (!SUPPORTED_OPTUNA_SCHEMAS.includes(dump.alembic as (typeof SUPPORTED_OPTUNA_SCHEMAS)[number])) {
    throw new OptunaImportError(
      `Optuna storage schema ${JSON.stringify(dump.alembic)}${/^v[0-2]\./.test(dump.alembic ?? '') ? ' (written by Optuna 2.x or older)' : ''} is not supported: the importer reads ${SUPPORTED_OPTUNA_SCHEMAS.join(', ')} ` +
        '(Optuna 3.x and 4.x); upgrade the storage with `optuna storage upgrade --storage URL` first',
    );
  }
  if (!dump.study) {
    throw new OptunaImportError(
      `the storage has no study of that name; it has: ${dump.studyNames.map((s) => JSON.stringify(s)).join(', ') || 'none'}`,
    );
  }
  const directions = (dump.directions ?? []).map(
    (d) => (d.direction === 'MAXIMIZE' ? 'maximize' : 'minimize') as 'minimize' | 'maximize',
  );
  const named = dump.studySystemAttributes?.find((a) => a.key === 'study:metric_names');
  const metricNames = named ? (parsePythonJson(named.value_json) as string[]) : undefined;
  const names = metricNames ?? (directions.length === 1 ? ['value'] : directions.map((_, i) => `value_${i}`));
  const badName = names.find((n) => !NAME.test(n));
  if (badName !== undefined) {
    throw new OptunaImportError(
      `metric name ${JSON.stringify(badName)}: Tuneboard's objective names are letters, digits, _ . / - (up to 64)`,
    );
  }
  const objectives = directions.map((direction, i) => ({ name: names[i]!, direction }));

  const kept = (dump.trials ?? []).filter(
    (t) => t.state === 'COMPLETE' || t.state === 'PRUNED' || t.state === 'FAIL',
  );
  const keptIds = new Set(kept.map((t) => t.trial_id));
  const space: SpaceJson = {};
  const distributionOf = new Map<string, string>();
  const paramsOf = new Map<number, Record<string, number>>();
  for (const p of dump.params ?? []) {
    if (!keptIds.has(p.trial_id)) continue;
    if (!NAME.test(p.param_name)) {
      throw new OptunaImportError(
        `parameter ${JSON.stringify(p.param_name)}: Tuneboard's parameter names are letters, digits, _ . / - (up to 64)`,
      );
    }
    const seen = distributionOf.get(p.param_name);
    if (seen === undefined) {
      distributionOf.set(p.param_name, p.distribution_json);
      space[p.param_name] = toSpec(p.param_name, parsePythonJson(p.distribution_json) as Distribution);
    } else if (seen !== p.distribution_json) {
      throw new OptunaImportError(
        `parameter "${p.param_name}" has different distributions across trials (${seen} and ${p.distribution_json}); a Tuneboard space is fixed`,
      );
    }
    const params = paramsOf.get(p.trial_id) ?? {};
    params[p.param_name] = num(p.param_value);
    paramsOf.set(p.trial_id, params);
  }
  try {
    parseSpace(space);
  } catch (error) {
    if (error instanceof SpaceError) throw new OptunaImportError(`the study's space: ${error.message}`);
    throw error;
  }
  // Conditional parameters (suggested by some trials only) need a `when` that an import cannot infer.
  for (const param of Object.keys(space)) {
    const without = kept.filter((t) => t.state !== 'FAIL' && !(param in (paramsOf.get(t.trial_id) ?? {})));
    if (without.length > 0) {
      throw new OptunaImportError(
        `parameter "${param}" is missing from ${without.length} trial(s) (e.g. #${without[0]!.number}): conditional parameters need a \`when\` in Tuneboard's space, which an import cannot infer`,
      );
    }
  }
  const valuesOf = new Map<number, number[]>();
  for (const v of dump.values ?? []) {
    const list = valuesOf.get(v.trial_id) ?? [];
    list[v.objective] = typed(v.value, v.value_type);
    valuesOf.set(v.trial_id, list);
  }
  const curveOf = new Map<number, { step: number; value: number }[]>();
  for (const i of dump.intermediate ?? []) {
    const list = curveOf.get(i.trial_id) ?? [];
    list.push({ step: i.step, value: typed(i.intermediate_value, i.intermediate_value_type) });
    curveOf.set(i.trial_id, list);
  }
  const attributesOf = new Map<number, { key: string; value_json: string }[]>();
  for (const a of dump.userAttributes ?? [])
    attributesOf.set(a.trial_id, [...(attributesOf.get(a.trial_id) ?? []), a]);
  const counted = { asTags: 0, inNotes: 0 };
  const asNotes = (attributes: { key: string; value_json: string }[]) => {
    const mapped = attributesAsNotes(attributes);
    counted.asTags += mapped.asTags;
    counted.inNotes += mapped.inNote;
    return mapped;
  };
  const trials = kept.map((t, index): ImportedTrial => {
    const { note, tags } = asNotes(attributesOf.get(t.trial_id) ?? []);
    const stored = paramsOf.get(t.trial_id) ?? {};
    const params: ImportedTrial['params'] = {};
    for (const [key, value] of Object.entries(stored)) params[key] = external(space[key]!, value);
    // Optuna gives a pruned trial its last intermediate value as its value: kept, as Optuna shows it.
    const values = t.state === 'FAIL' ? null : (valuesOf.get(t.trial_id) ?? null);
    return {
      number: index,
      optunaNumber: t.number,
      state: t.state as ImportedTrial['state'],
      params,
      values,
      curve: (curveOf.get(t.trial_id) ?? []).sort((a, b) => a.step - b.step),
      startedAt: when(t.datetime_start, timeZone),
      finishedAt: when(t.datetime_complete, timeZone),
      note,
      tags,
    };
  });
  const broken = trials.find(
    (t) =>
      t.state === 'COMPLETE' &&
      (t.values?.length !== objectives.length || t.values.some((v) => v === undefined)),
  );
  if (broken)
    throw new OptunaImportError(`trial #${broken.optunaNumber} is COMPLETE without one value per objective`);
  return {
    name: name ?? dump.study.study_name,
    objectives,
    space,
    trials,
    skipped: (dump.trials ?? []).length - kept.length,
    ...(({ note, tags }) => ({ note, tags }))(asNotes(dump.studyUserAttributes ?? [])),
    userAttributes: counted,
  };
}

/** Marks an imported study in its description; a second import of the same study finds it by name and marker. */
export function importMarker(storage: string, studyName: string): string {
  return `Imported from the Optuna study "${studyName}" (${redactStorage(storage)}).`;
}

const noEvents = { queueStudyEvent() {}, queueAvailable() {} };

/**
 * Stores an import plan as a new RUNNING study of `projectId` (objective `client`: the Python client continues
 * it with `study.ask()` / `optimize`), its trials as INHERITED (they seed the sampler and do not count as the
 * study's own), intermediate values as metric points, then tops it up. Returns the study's id, or the existing
 * one when this storage's study was imported into the project under that name before.
 */
export async function storeImport(
  db: Database,
  scheduler: Scheduler,
  plan: ImportPlan,
  options: {
    projectId: string;
    storage: string;
    optunaStudy: string;
    sampler?: JsonObject;
    maxTrials?: number | null;
    maxParallel?: number;
  },
): Promise<{ studyId: string; created: boolean }> {
  const marker = importMarker(options.storage, options.optunaStudy);
  const [existing] = await db
    .select({ id: study.id, description: study.description })
    .from(study)
    .where(and(eq(study.projectId, options.projectId), eq(study.name, plan.name)));
  if (existing) {
    if (existing.description.startsWith(marker)) return { studyId: existing.id, created: false };
    throw new OptunaImportError(
      `the project already has a study named "${plan.name}"; choose another with --name`,
    );
  }
  const sampler = validateConfig('sampler', options.sampler ?? { kind: 'auto' });
  if (sampler.errors.length > 0)
    throw new OptunaImportError(sampler.errors.map((e) => e.message).join('; '), 'sampler');
  if (plan.name.length > STUDY_NAME_MAX) {
    throw new OptunaImportError(
      `the study would be named after the Optuna study, ${plan.name.length} characters, over ${STUDY_NAME_MAX}: choose a shorter name with --name`,
      'name',
    );
  }
  const studyId = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(study)
      .values({
        projectId: options.projectId,
        name: plan.name,
        description: `${marker} ${plan.trials.length} trials imported${plan.skipped ? `, ${plan.skipped} running or waiting left out` : ''}.`,
        note: plan.note,
        tags: plan.tags,
        objectives: plan.objectives,
        space: plan.space as unknown as JsonObject,
        sampler: sampler.json!,
        pruner: { kind: 'none' },
        objective: {
          kind: 'client',
          metric:
            plan.objectives.length === 1 ? plan.objectives[0]!.name : plan.objectives.map((o) => o.name),
        },
        maxTrials:
          options.maxTrials === undefined || options.maxTrials === null
            ? null
            : plan.trials.length + options.maxTrials,
        ...(options.maxParallel === undefined ? {} : { maxParallel: options.maxParallel }),
        nextTrialNumber: plan.trials.length,
      })
      .returning({ id: study.id });
    const CHUNK = 500;
    for (let start = 0; start < plan.trials.length; start += CHUNK) {
      const chunk = plan.trials.slice(start, start + CHUNK);
      const ids = await tx
        .insert(trial)
        .values(
          chunk.map((t) => ({
            studyId: row!.id,
            number: t.number,
            params: t.params as JsonObject,
            state: t.state,
            values: t.values,
            origin: 'INHERITED' as const,
            error: t.state === 'FAIL' ? `failed in Optuna (trial #${t.optunaNumber})` : null,
            note: t.note,
            tags: t.tags,
            startedAt: t.startedAt,
            finishedAt: t.finishedAt,
          })),
        )
        .returning({ id: trial.id });
      const points = chunk.flatMap((t, i) =>
        t.curve.map((p) => ({
          trialId: ids[i]!.id,
          attempt: 0,
          key: plan.objectives[0]!.name,
          step: p.step,
          value: p.value,
        })),
      );
      for (let from = 0; from < points.length; from += 1000)
        await tx.insert(metric).values(points.slice(from, from + 1000));
    }
    return row!.id;
  });
  await scheduler.topUp(db, noEvents, studyId);
  return { studyId, created: true };
}
