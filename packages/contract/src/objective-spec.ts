// The study's objective spec: what a runner executes for each trial. No tfjs import here, so the API and the
// dashboard read it without loading a training backend.
import { z } from 'zod';
import { directions, type Direction } from './directions.ts';
import { metricNameSchema } from './names.ts';

export const builtinDatasetNames = ['digits', 'iris', 'wine', 'breast-cancer', 'mnist'] as const;
export type BuiltinDatasetName = (typeof builtinDatasetNames)[number];

export const templateNames = ['mlp', 'cnn'] as const;
export type TemplateName = (typeof templateNames)[number];

/** Metrics a template trial can be optimised on. Test metrics are deliberately absent: never used to select. */
export const templateObjectiveMetrics = ['val_accuracy', 'val_loss', 'num_parameters', 'train_seconds'] as const;
export type TemplateObjectiveMetric = (typeof templateObjectiveMetrics)[number];

const metricName = metricNameSchema;
const direction = z.enum(directions);

function oneOrMany<T extends z.ZodType>(item: T) {
  return z.union([item, z.array(item).min(1).max(16)]);
}

export const templateObjectiveSpecSchema = z.object({
  kind: z.literal('template'),
  template: z.enum(templateNames),
  /** A built-in dataset; exactly one of `dataset` and `csv`. */
  dataset: z.enum(builtinDatasetNames).optional(),
  /** A CSV file on the runner host: header row, numeric features, a label column named `label`. */
  csv: z.object({ path: z.string().min(1), label: z.string().min(1) }).strict().optional(),
  /** Fractions held out for validation and test; the rest trains. Stratified, seeded. */
  split: z
    .object({ validation: z.number().gt(0).lt(1).default(0.15), test: z.number().min(0).lt(1).default(0.15) })
    .strict()
    .refine((s) => s.validation + s.test < 1, { message: 'validation + test must be < 1, leaving rows to train on' })
    .optional(),
  /** Seed of the data split; the same for every trial of a study so trials compare on the same rows. */
  splitSeed: z.number().int().min(0).optional(),
  metric: oneOrMany(z.enum(templateObjectiveMetrics)).default('val_accuracy'),
  direction: oneOrMany(direction).optional(),
});

export const commandObjectiveSpecSchema = z.object({
  kind: z.literal('command'),
  /** Program and its arguments, not a shell line: `["python3", "train.py"]`. */
  command: z.array(z.string().min(1)).min(1),
  cwd: z.string().min(1).optional(),
  /** Extra environment variables for the program. */
  env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.string()).optional(),
  metric: oneOrMany(metricName),
  direction: oneOrMany(direction).optional(),
  /** Kill the program (SIGTERM, then SIGKILL) when it runs longer than this. */
  timeoutSeconds: z.number().positive().optional(),
  /** Seconds between SIGTERM and SIGKILL when a trial is pruned, aborted or timed out. */
  killGraceSeconds: z.number().min(0).max(600).default(5),
});

/**
 * Trials evaluated by a client that asks for them through the API (the Python client's `study.ask()`), not by a
 * runner process: only runners registered with `kind: CLIENT` are handed them, and such runners nothing else.
 */
export const clientObjectiveSpecSchema = z.object({
  kind: z.literal('client'),
  metric: oneOrMany(metricName),
  direction: oneOrMany(direction).optional(),
});

export const objectiveSpecSchema = z
  .discriminatedUnion('kind', [templateObjectiveSpecSchema, commandObjectiveSpecSchema, clientObjectiveSpecSchema])
  .superRefine((spec, ctx) => {
    if (spec.kind === 'template' && (spec.dataset === undefined) === (spec.csv === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['dataset'], message: 'give exactly one of `dataset` and `csv`' });
    }
    const metrics = toList(spec.metric);
    if (new Set(metrics).size !== metrics.length) {
      ctx.addIssue({ code: 'custom', path: ['metric'], message: `metric names must be distinct, got ${metrics.join(', ')}` });
    }
    if (Array.isArray(spec.direction) && spec.direction.length !== metrics.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['direction'],
        message: `one direction per metric: got ${spec.direction.length} directions for ${metrics.length} metrics`,
      });
    }
  });

export type ObjectiveSpec = z.output<typeof objectiveSpecSchema>;
export type ObjectiveSpecInput = z.input<typeof objectiveSpecSchema>;
export type TemplateObjectiveSpec = Extract<ObjectiveSpec, { kind: 'template' }>;
export type CommandObjectiveSpec = Extract<ObjectiveSpec, { kind: 'command' }>;
export type ClientObjectiveSpec = Extract<ObjectiveSpec, { kind: 'client' }>;

function toList<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}

/** The objective metric names, in the order of the trial's `values`. */
export function objectiveMetrics(spec: ObjectiveSpec): string[] {
  return toList<string>(spec.metric);
}

/**
 * One direction per objective metric. Without an explicit direction, a name containing "acc", "auc", "f1",
 * "precision", "recall" or "score" is maximised and anything else (losses, errors, sizes, times) minimised.
 */
export function objectiveDirections(spec: ObjectiveSpec): Direction[] {
  const metrics = objectiveMetrics(spec);
  if (spec.direction !== undefined) {
    const given = toList(spec.direction);
    return metrics.map((_, i) => given[i] ?? given[0]!);
  }
  return metrics.map((name) => (/acc|auc|f1|precision|recall|score/i.test(name) ? 'maximize' : 'minimize'));
}

/** Parses an objective spec, throwing one message that lists every problem with its path. */
export function parseObjectiveSpec(input: unknown): ObjectiveSpec {
  const result = objectiveSpecSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(spec)'}: ${issue.message}`);
    throw new Error(`invalid objective spec: ${problems.join('; ')}`);
  }
  return result.data;
}
