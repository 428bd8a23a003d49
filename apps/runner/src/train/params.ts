import { z } from 'zod';
import type { TemplateName } from '@tuneboard/contract';

export const optimizerNames = ['adam', 'sgd', 'rmsprop'] as const;
export type OptimizerName = (typeof optimizerNames)[number];
export const activationNames = ['relu', 'elu', 'selu', 'tanh', 'sigmoid', 'swish'] as const;
export type ActivationName = (typeof activationNames)[number];
export const poolingNames = ['max', 'avg', 'none'] as const;

/** Named defaults: a trial's parameter record only needs the parameters its search space varies. */
export const trainDefaults = {
  optimizer: 'adam' as OptimizerName,
  learning_rate: 1e-3,
  momentum: 0.9,
  batch_size: 32,
  epochs: 10,
  activation: 'relu' as ActivationName,
  dropout: 0,
  l2: 0,
  batch_norm: false,
  hidden_layers: 2,
  units: 128,
  conv_blocks: 2,
  filters: 16,
  kernel_size: 3,
  pooling: 'max' as (typeof poolingNames)[number],
  dense_units: 64,
};

// Search spaces hand over numbers, strings and booleans; categorical choices may arrive as strings ("true", "64").
const number = z.union([z.number(), z.string().trim().min(1).transform(Number)]).pipe(z.number().finite());
const integer = number.pipe(z.number().int());
const boolean = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true'), z.literal(0), z.literal(1)]);

const common = {
  optimizer: z.enum(optimizerNames),
  learning_rate: number.pipe(z.number().gt(0).max(10)),
  momentum: number.pipe(z.number().min(0).lt(1)),
  batch_size: integer.pipe(z.number().min(1).max(65536)),
  epochs: integer.pipe(z.number().min(1).max(10000)),
  activation: z.enum(activationNames),
  dropout: number.pipe(z.number().min(0).lt(1)),
  l2: number.pipe(z.number().min(0).max(10)),
  batch_norm: boolean,
};
const units = integer.pipe(z.number().min(1).max(8192));
const mlpShape = z.object({ ...common, hidden_layers: integer.pipe(z.number().min(0).max(32)), units }).partial();
const cnnShape = z
  .object({
    ...common,
    conv_blocks: integer.pipe(z.number().min(1).max(8)),
    filters: integer.pipe(z.number().min(1).max(1024)),
    kernel_size: integer.pipe(z.number().min(1).max(15)),
    pooling: z.enum(poolingNames),
    dense_units: integer.pipe(z.number().min(0).max(8192)),
  })
  .partial();

export interface TrainConfig {
  template: TemplateName;
  optimizer: OptimizerName;
  learningRate: number;
  momentum: number;
  batchSize: number;
  epochs: number;
  activation: ActivationName;
  dropout: number;
  l2: number;
  batchNorm: boolean;
  /** mlp: units of each hidden layer. */
  hiddenUnits: number[];
  /** cnn: filters of each conv block. */
  convFilters: number[];
  kernelSize: number;
  pooling: (typeof poolingNames)[number];
  denseUnits: number;
}

function snakeCase(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/**
 * Reads a template's training configuration from a trial's parameter record. Keys may be snake_case or
 * camelCase; `units_<i>` (mlp, 1-based) and `filters_<i>` (cnn) override one layer. Unknown keys are errors,
 * since a misspelt parameter would otherwise be tuned without effect.
 */
export function parseTrainParams(template: TemplateName, params: Record<string, unknown>): TrainConfig {
  const normalised: Record<string, unknown> = {};
  const perLayer = new Map<number, unknown>();
  const perLayerKey = template === 'mlp' ? 'units' : 'filters';
  for (const [rawKey, value] of Object.entries(params)) {
    const key = snakeCase(rawKey);
    const layer = new RegExp(`^${perLayerKey}_(\\d+)$`).exec(key);
    if (layer) perLayer.set(Number(layer[1]), value);
    else normalised[key] = value;
  }
  const shape = template === 'mlp' ? mlpShape : cnnShape;
  const known = Object.keys(shape.shape);
  const unknown = Object.keys(normalised).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    throw new Error(
      `unknown parameter${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')} for template ${template}; ` +
        `known: ${known.join(', ')}, ${perLayerKey}_<layer>`,
    );
  }
  const result = shape.safeParse(normalised);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const key = issue.path.join('.');
      return `parameter "${key}" ${issue.message} (got ${JSON.stringify(normalised[key])})`;
    });
    throw new Error(`invalid ${template} parameters: ${problems.join('; ')}`);
  }
  const p = { ...trainDefaults, ...result.data } as typeof trainDefaults;
  const layerCount = template === 'mlp' ? p.hidden_layers : p.conv_blocks;
  const perLayerValue = (i: number, base: number): number => {
    const raw = perLayer.get(i + 1);
    if (raw === undefined) return base;
    const parsed = units.safeParse(raw);
    if (!parsed.success) throw new Error(`invalid ${template} parameters: parameter "${perLayerKey}_${i + 1}" must be an integer from 1 to 8192 (got ${JSON.stringify(raw)})`);
    return parsed.data;
  };
  for (const i of perLayer.keys()) {
    if (i < 1 || i > layerCount) {
      throw new Error(`invalid ${template} parameters: "${perLayerKey}_${i}" names layer ${i}, but there are ${layerCount}`);
    }
  }
  return {
    template,
    optimizer: p.optimizer,
    learningRate: p.learning_rate,
    momentum: p.momentum,
    batchSize: p.batch_size,
    epochs: p.epochs,
    activation: p.activation,
    dropout: p.dropout,
    l2: p.l2,
    batchNorm: p.batch_norm,
    hiddenUnits: template === 'mlp' ? Array.from({ length: layerCount }, (_, i) => perLayerValue(i, p.units)) : [],
    // Each block doubles the filters by default, the usual VGG-style widening as the image shrinks.
    convFilters: template === 'cnn' ? Array.from({ length: layerCount }, (_, i) => perLayerValue(i, Math.min(p.filters * 2 ** i, 1024))) : [],
    kernelSize: p.kernel_size,
    pooling: p.pooling,
    denseUnits: p.dense_units,
  };
}
