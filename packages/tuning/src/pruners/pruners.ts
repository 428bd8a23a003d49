import { Fields, defined, isObject } from '../config-fields';
import { ConfigError, show } from '../errors';
import { percentile } from '../math';
import { mixSeed } from '../rng';
import type { Direction, FrozenTrial, IntermediateValue } from '../types';

export const PRUNER_KINDS = ['none', 'median', 'percentile', 'asha', 'hyperband', 'threshold'] as const;
export type PrunerKind = (typeof PRUNER_KINDS)[number];

/** ASHA's and Hyperband's default reduction factor η (Li et al. 2018 use 4 in their experiments, Optuna 3). */
export const DEFAULT_REDUCTION_FACTOR = 3;

interface Common {
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

function sortedCurve(t: FrozenTrial): IntermediateValue[] {
  return (t.intermediate ?? []).slice().sort((a, b) => a.step - b.step);
}

function valueAt(t: FrozenTrial, step: number): number | undefined {
  return t.intermediate?.find((x) => x.step === step)?.value;
}

/** Wraps a rule with warm-up and start-up checks; `rule` sees the trial's curve sorted by step (non-empty). */
function guarded(
  kind: PrunerKind,
  common: Common,
  defaultStartup: number,
  rule: (ctx: PruneContext, curve: IntermediateValue[]) => boolean,
): Pruner {
  const warmup = common.warmupSteps ?? 0;
  const startup = common.startupTrials ?? defaultStartup;
  return {
    kind,
    // The percentile rules and the threshold read others only at the judged step; ASHA's rungs do not.
    ...(kind === 'asha' || kind === 'hyperband' ? {} : { reads: 'steps' as const }),
    shouldPrune: (ctx) => {
      const curve = sortedCurve(ctx.trial);
      const last = curve[curve.length - 1];
      if (!last || last.step < warmup) return false;
      const complete = ctx.trials.filter((t) => t.state === 'COMPLETE' && t.number !== ctx.trial.number).length;
      if (complete < startup) return false;
      return rule(ctx, curve);
    },
  };
}

/**
 * Percentile pruning (the median stopping rule of Golovin et al., "Google Vizier", KDD 2017, generalised
 * as in Optuna): prune when the trial's best intermediate value so far is worse than the given percentile
 * of the COMPLETE trials' values at the same step. A NaN latest value prunes.
 */
function percentilePruner(c: PercentilePrunerConfig): Pruner {
  const q = c.kind === 'median' ? 50 : (c.percentile ?? 50);
  const minTrials = c.minTrials ?? 1;
  return guarded(c.kind, c, DEFAULT_PERCENTILE_STARTUP_TRIALS, (ctx, curve) => {
    const last = curve[curve.length - 1] as IntermediateValue;
    if (Number.isNaN(last.value)) return true;
    const min = ctx.direction === 'minimize';
    const finite = curve.map((x) => x.value).filter((v) => !Number.isNaN(v));
    const best = min ? Math.min(...finite) : Math.max(...finite);
    const others = ctx.trials
      .filter((t) => t.state === 'COMPLETE' && t.number !== ctx.trial.number)
      .map((t) => valueAt(t, last.step))
      .filter((v): v is number => v !== undefined && !Number.isNaN(v));
    if (others.length < minTrials) return false;
    const p = percentile(others, min ? q : 100 - q);
    return min ? best > p : best < p;
  });
}

/** The value a trial had when it first reached `resource` (its first report at or beyond it). */
function rungValue(t: FrozenTrial, resource: number): number | undefined {
  let best: IntermediateValue | undefined;
  for (const x of t.intermediate ?? []) if (x.step >= resource && (!best || x.step < best.step)) best = x;
  return best?.value;
}

interface AshaParams {
  minResource: number;
  eta: number;
  rate: number;
}

/** ASHA's decision for a trial whose curve just crossed one or more rungs; `peers` filters competitors. */
function ashaDecision(ctx: PruneContext, curve: IntermediateValue[], a: AshaParams, peers: (t: FrozenTrial) => boolean): boolean {
  const last = curve[curve.length - 1] as IntermediateValue;
  const prev = curve.length > 1 ? (curve[curve.length - 2] as IntermediateValue).step : Number.NEGATIVE_INFINITY;
  if (Number.isNaN(last.value)) return true;
  const sign = ctx.direction === 'minimize' ? 1 : -1;
  for (let k = 0; ; k++) {
    const resource = a.minResource * Math.pow(a.eta, a.rate + k);
    if (resource > last.step) return false;
    if (resource <= prev) continue;
    const mine = rungValue(ctx.trial, resource) as number;
    const competing = [sign * mine];
    for (const t of ctx.trials) {
      if (t.number === ctx.trial.number || !peers(t)) continue;
      const v = rungValue(t, resource);
      if (v !== undefined && !Number.isNaN(v)) competing.push(sign * v);
    }
    competing.sort((x, y) => x - y);
    const keep = Math.max(1, Math.floor(competing.length / a.eta));
    if (sign * mine > (competing[keep - 1] as number)) return true;
  }
}

/**
 * Asynchronous successive halving (Li et al., "A system for massively parallel hyperparameter tuning",
 * MLSys 2020): rung k sits at resource minResource·η^(minEarlyStoppingRate+k); when a trial first reports at
 * or past a rung it continues only if its value there is in the top 1/η of every trial that reached the
 * rung (the first to arrive always continues). Stateless: rungs are read off the learning curves.
 */
function ashaPruner(c: AshaPrunerConfig): Pruner {
  const a = { minResource: c.minResource ?? 1, eta: c.reductionFactor ?? DEFAULT_REDUCTION_FACTOR, rate: c.minEarlyStoppingRate ?? 0 };
  return guarded('asha', c, 0, (ctx, curve) => ashaDecision(ctx, curve, a, () => true));
}

/** Hyperband's brackets: bracket b runs ASHA with minEarlyStoppingRate b and receives `weight` of the trials. */
export function hyperbandBrackets(minResource: number, maxResource: number, eta: number): { rate: number; weight: number }[] {
  const sMax = Math.floor(Math.log(maxResource / minResource) / Math.log(eta) + 1e-9);
  return Array.from({ length: sMax + 1 }, (_, b) => ({
    rate: b,
    weight: Math.ceil(((sMax + 1) / (sMax - b + 1)) * Math.pow(eta, sMax - b)),
  }));
}

/** The Hyperband bracket a trial belongs to: a hash of its number, weighted by each bracket's budget. */
export function hyperbandBracketOf(trialNumber: number, brackets: readonly { weight: number }[]): number {
  const total = brackets.reduce((s, b) => s + b.weight, 0);
  let h = mixSeed(trialNumber, 0x4b) % total;
  for (let b = 0; b < brackets.length; b++) {
    h -= (brackets[b] as { weight: number }).weight;
    if (h < 0) return b;
  }
  return brackets.length - 1;
}

/**
 * Hyperband (Li et al., "Hyperband: a novel bandit-based approach to hyperparameter optimization", JMLR
 * 2018) over ASHA, as in Optuna: trials are spread over ⌊log_η(max/min)⌋+1 brackets of increasing minimum
 * early-stopping rate, weighted by the number of configurations each bracket would run, and compete only
 * within their bracket.
 */
function hyperbandPruner(c: HyperbandPrunerConfig): Pruner {
  const minResource = c.minResource ?? 1;
  const eta = c.reductionFactor ?? DEFAULT_REDUCTION_FACTOR;
  const brackets = hyperbandBrackets(minResource, c.maxResource, eta);
  return guarded('hyperband', c, 0, (ctx, curve) => {
    const mine = hyperbandBracketOf(ctx.trial.number, brackets);
    const rate = (brackets[mine] as { rate: number }).rate;
    return ashaDecision(ctx, curve, { minResource, eta, rate }, (t) => hyperbandBracketOf(t.number, brackets) === mine);
  });
}

/** Prunes when the latest intermediate value leaves [lower, upper] or is NaN. */
function thresholdPruner(c: ThresholdPrunerConfig): Pruner {
  return guarded('threshold', c, 0, (_ctx, curve) => {
    const v = (curve[curve.length - 1] as IntermediateValue).value;
    if (Number.isNaN(v)) return true;
    return (c.lower !== undefined && v < c.lower) || (c.upper !== undefined && v > c.upper);
  });
}

/** Creates a pruner from its configuration (validated with {@link parsePrunerConfig}). */
export function createPruner(config: PrunerConfig): Pruner {
  const c = parsePrunerConfig(config);
  switch (c.kind) {
    case 'none':
      return { kind: 'none', reads: 'steps', shouldPrune: () => false };
    case 'median':
    case 'percentile':
      return percentilePruner(c);
    case 'asha':
      return ashaPruner(c);
    case 'hyperband':
      return hyperbandPruner(c);
    case 'threshold':
      return thresholdPruner(c);
  }
}
