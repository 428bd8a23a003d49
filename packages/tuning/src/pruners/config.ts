// Pruner configurations as the API stores them, their validation, and the interface every pruner implements.
import { Fields, defined, isObject } from '../config-fields.ts';
import { ConfigError, show } from '../errors.ts';
import type { Direction, FrozenTrial } from '../types.ts';

export const PRUNER_KINDS = ['none', 'median', 'percentile', 'asha', 'hyperband', 'threshold'] as const;
export type PrunerKind = (typeof PRUNER_KINDS)[number];

/** ASHA's and Hyperband's default reduction factor η (Li et al. 2018 use 4 in their experiments, Optuna 3). */
export const DEFAULT_REDUCTION_FACTOR = 3;

export interface Common {
  /** Steps below this are never pruned (default 0). */
  warmupSteps?: number;
  /** No trial is pruned until this many trials are COMPLETE (default 0; median/percentile default 5). */
  startupTrials?: number;
}
export interface NonePrunerConfig {
  kind: 'none';
}
export interface PercentilePrunerConfig extends Common {
  kind: 'median' | 'percentile';
  /** 0–100: prune when worse than this percentile of other trials at the same step (median = 50). */
  percentile?: number;
  /** Fewest other trials reporting at the step before comparing (default 1). */
  minTrials?: number;
}
export interface AshaPrunerConfig extends Common {
  kind: 'asha';
  minResource?: number;
  reductionFactor?: number;
  minEarlyStoppingRate?: number;
}
export interface HyperbandPrunerConfig extends Common {
  kind: 'hyperband';
  minResource?: number;
  maxResource: number;
  reductionFactor?: number;
}
export interface ThresholdPrunerConfig extends Common {
  kind: 'threshold';
  lower?: number;
  upper?: number;
}
/** A pruner configuration as the API stores it. */
export type PrunerConfig =
  | NonePrunerConfig
  | PercentilePrunerConfig
  | AshaPrunerConfig
  | HyperbandPrunerConfig
  | ThresholdPrunerConfig;

/** What a pruner reads: the trial being judged (with its learning curve) and the study's history. */
export interface PruneContext {
  trial: FrozenTrial;
  trials: readonly FrozenTrial[];
  direction: Direction;
}

/** Decides from intermediate values whether a running trial should stop. Stateless. */
export interface Pruner {
  readonly kind: PrunerKind;
  shouldPrune(ctx: PruneContext): boolean;
  /**
   * `'steps'` when the rule reads the other trials only at the step being judged (their states, and their
   * values at exactly that step: median, percentile, threshold, none). A caller may then pass the judged trial's
   * whole curve and the other trials' values at the judged steps only, and gets the same verdict — a report no
   * longer costs a read of every point of the study. Absent: the rule reads whole curves (ASHA and Hyperband
   * take rung values at the first step at or past each rung).
   */
  readonly reads?: 'steps';
}

/** Default start-up trials of the median and percentile pruners (Optuna's MedianPruner default). */
export const DEFAULT_PERCENTILE_STARTUP_TRIALS = 5;

/**
 * Validates a pruner configuration JSON document; throws a {@link ConfigError} naming the field, the rule
 * and the value.
 */
export function parsePrunerConfig(json: unknown): PrunerConfig {
  if (!isObject(json)) throw new ConfigError('pruner', `must be a JSON object with a \`kind\`, got ${show(json)}`);
  const kind = json.kind;
  if (!PRUNER_KINDS.includes(kind as PrunerKind)) {
    throw new ConfigError('pruner.kind', `must be one of ${PRUNER_KINDS.join(', ')}, got kind=${show(kind)}`);
  }
  const f = new Fields(json, 'pruner');
  const common = (): Common => ({ warmupSteps: f.int('warmupSteps', 0), startupTrials: f.int('startupTrials', 0) });
  const c = ['kind', 'warmupSteps', 'startupTrials'];
  switch (kind as PrunerKind) {
    case 'none':
      f.only(['kind']);
      return { kind: 'none' };
    case 'median':
      f.only([...c, 'minTrials']);
      return defined({ kind: 'median', ...common(), minTrials: f.int('minTrials', 1) });
    case 'percentile': {
      f.only([...c, 'percentile', 'minTrials']);
      if (json.percentile === undefined) throw new ConfigError('pruner.percentile', 'is required for kind percentile, got none');
      const q = f.number('percentile', (v) => v >= 0 && v <= 100, '0 <= percentile <= 100');
      return defined({ kind: 'percentile', ...common(), percentile: q, minTrials: f.int('minTrials', 1) });
    }
    case 'asha': {
      f.only([...c, 'minResource', 'reductionFactor', 'minEarlyStoppingRate']);
      return defined({
        kind: 'asha',
        ...common(),
        minResource: f.number('minResource', (v) => v > 0, 'minResource > 0'),
        reductionFactor: f.number('reductionFactor', (v) => v > 1, 'reductionFactor > 1'),
        minEarlyStoppingRate: f.int('minEarlyStoppingRate', 0, 64),
      });
    }
    case 'hyperband': {
      f.only([...c, 'minResource', 'maxResource', 'reductionFactor']);
      if (json.maxResource === undefined) throw new ConfigError('pruner.maxResource', 'is required for kind hyperband, got none');
      const minResource = f.number('minResource', (v) => v > 0, 'minResource > 0');
      const maxResource = f.number('maxResource', (v) => v > 0, 'maxResource > 0') as number;
      if (maxResource < (minResource ?? 1)) {
        throw new ConfigError('pruner.maxResource', `\`minResource <= maxResource\` must hold, got minResource=${minResource ?? 1}, maxResource=${maxResource}`);
      }
      return defined({
        kind: 'hyperband',
        ...common(),
        minResource,
        maxResource,
        reductionFactor: f.number('reductionFactor', (v) => v > 1, 'reductionFactor > 1'),
      });
    }
    case 'threshold': {
      f.only([...c, 'lower', 'upper']);
      const lower = f.number('lower', () => true, 'lower is finite');
      const upper = f.number('upper', () => true, 'upper is finite');
      if (lower === undefined && upper === undefined) {
        throw new ConfigError('pruner.lower', 'at least one of `lower` and `upper` must be set for kind threshold, got neither');
      }
      if (lower !== undefined && upper !== undefined && !(lower <= upper)) {
        throw new ConfigError('pruner.lower', `\`lower <= upper\` must hold, got lower=${lower}, upper=${upper}`);
      }
      return defined({ kind: 'threshold', ...common(), lower, upper });
    }
  }
}
