import { PRUNER_KINDS, SAMPLER_KINDS, type PrunerKind, type SamplerKind } from '@tuneboard/tuning';

/**
 * The samplers and pruners a study may use, with the options each takes: the one description the dashboard's
 * form is drawn from. `@tuneboard/tuning`'s parseSamplerConfig / parsePrunerConfig are the rules the API applies;
 * options.test.ts holds this description against them (same kinds, same fields), so the two cannot drift.
 */
export type OptionType = 'int' | 'number' | 'boolean' | 'choice';

export interface OptionSpec {
  name: string;
  type: OptionType;
  help: string;
  choices?: readonly string[];
}

export interface KindSpec<K extends string = string> {
  kind: K;
  label: string;
  options: readonly OptionSpec[];
}

const seed: OptionSpec = {
  name: 'seed',
  type: 'int',
  help: 'makes the sequence of suggestions reproducible',
};
const tpeOptions: OptionSpec[] = [
  seed,
  { name: 'nStartupTrials', type: 'int', help: 'random trials before the model is used' },
  { name: 'nEiCandidates', type: 'int', help: 'candidates scored per suggestion' },
  { name: 'priorWeight', type: 'number', help: 'weight of the prior (> 0)' },
  { name: 'multivariate', type: 'boolean', help: 'model parameters jointly' },
  { name: 'constantLiar', type: 'boolean', help: 'avoid proposing near running trials' },
];

export const samplerKinds: readonly KindSpec<SamplerKind>[] = [
  { kind: 'auto', label: 'Auto (GP; TPE for large studies)', options: tpeOptions },
  { kind: 'tpe', label: 'TPE', options: tpeOptions },
  {
    kind: 'gp',
    label: 'Gaussian process',
    options: [
      seed,
      { name: 'nStartupTrials', type: 'int', help: 'random trials before the model is used' },
      {
        name: 'outputWarp',
        type: 'choice',
        choices: ['none', 'log', 'copula'],
        help: 'transform of the objective',
      },
      {
        name: 'liar',
        type: 'choice',
        choices: ['lcb', 'mean', 'best'],
        help: 'how running trials are treated (lcb, the default: believer with a confidence bound; mean: believer with EI; best: best value)',
      },
    ],
  },
  {
    kind: 'cmaes',
    label: 'CMA-ES',
    options: [
      seed,
      { name: 'sigma0', type: 'number', help: 'initial step size in (0, 1]' },
      { name: 'populationSize', type: 'int', help: 'population of the first run (≥ 2)' },
      {
        name: 'independentSampler',
        type: 'choice',
        choices: ['tpe', 'random'],
        help: 'for categorical parameters',
      },
    ],
  },
  {
    kind: 'nsga2',
    label: 'NSGA-II (several objectives)',
    options: [seed, { name: 'populationSize', type: 'int', help: 'per generation (≥ 2)' }],
  },
  { kind: 'random', label: 'Random', options: [seed] },
  { kind: 'qmc', label: 'Quasi-Monte Carlo (Sobol)', options: [seed] },
  {
    kind: 'grid',
    label: 'Grid',
    options: [seed, { name: 'gridPoints', type: 'int', help: 'values per float without step' }],
  },
];

const minTrials: OptionSpec = { name: 'minTrials', type: 'int', help: 'trials reporting a step before comparing' };
const minResource: OptionSpec = { name: 'minResource', type: 'number', help: '> 0' };
const reductionFactor: OptionSpec = { name: 'reductionFactor', type: 'number', help: '> 1' };
/** A pruner's own options after the ones every pruner but 'none' takes. */
const pruner = (kind: PrunerKind, label: string, own: OptionSpec[]): KindSpec<PrunerKind> => ({ kind, label, options: [...prunerCommon, ...own] });

const prunerCommon: OptionSpec[] = [
  { name: 'warmupSteps', type: 'int', help: 'steps before a trial can be pruned' },
  { name: 'startupTrials', type: 'int', help: 'finished trials before pruning starts' },
];

export const prunerKinds: readonly KindSpec<PrunerKind>[] = [
  { kind: 'none', label: 'None', options: [] },
  pruner('median', 'Median', [minTrials]),
  pruner('percentile', 'Percentile', [{ name: 'percentile', type: 'number', help: 'required, 0–100' }, minTrials]),
  pruner('asha', 'Successive halving (ASHA)', [minResource, reductionFactor, { name: 'minEarlyStoppingRate', type: 'int', help: '0–64' }]),
  pruner('hyperband', 'Hyperband', [minResource, { name: 'maxResource', type: 'number', help: 'required, ≥ minResource' }, reductionFactor]),
  pruner('threshold', 'Threshold', [
    { name: 'lower', type: 'number', help: 'prune below' },
    { name: 'upper', type: 'number', help: 'prune above' },
  ]),
];

/** Option values as typed in the form (strings, '' for unset). */
export type OptionValues = Record<string, string>;

/**
 * The JSON document the API takes for a sampler or pruner: `kind` plus every option that was filled in,
 * numbers parsed. Text that is not a number is passed through as typed, so the API's error names the value.
 */
export function buildConfig(spec: KindSpec, values: OptionValues): Record<string, unknown> {
  const config: Record<string, unknown> = { kind: spec.kind };
  for (const option of spec.options) {
    const raw = values[option.name]?.trim() ?? '';
    if (raw === '') continue;
    if (option.type === 'boolean') config[option.name] = raw === 'true';
    else if (option.type === 'int' || option.type === 'number') {
      const n = Number(raw);
      config[option.name] = Number.isFinite(n) ? n : raw;
    } else config[option.name] = raw;
  }
  return config;
}

/** The kinds in the order the tuning package lists them (the description's own order is the form's). */
export const samplerKindNames: readonly SamplerKind[] = SAMPLER_KINDS;
export const prunerKindNames: readonly PrunerKind[] = PRUNER_KINDS;

/** The description of `kind` in `list`, or the list's first (the default) when it names none. */
export function kindSpec<K extends string>(list: readonly KindSpec<K>[], kind: string): KindSpec<K> {
  return list.find((k) => k.kind === kind) ?? (list[0] as KindSpec<K>);
}
