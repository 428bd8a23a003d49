import type { FrozenTrial, IntermediateValue } from '../types.ts';
import { DEFAULT_REDUCTION_FACTOR } from './config.ts';
import type { AshaPrunerConfig, PruneContext, Pruner } from './config.ts';
import { guarded } from './guard.ts';

/** The value a trial had when it first reached `resource` (its first report at or beyond it). */
function rungValue(t: FrozenTrial, resource: number): number | undefined {
  let best: IntermediateValue | undefined;
  for (const x of t.intermediate ?? []) if (x.step >= resource && (!best || x.step < best.step)) best = x;
  return best?.value;
}

export interface AshaParams {
  minResource: number;
  eta: number;
  rate: number;
}

/** ASHA's decision for a trial whose curve just crossed one or more rungs; `peers` filters competitors. */
export function ashaDecision(ctx: PruneContext, curve: IntermediateValue[], a: AshaParams, peers: (t: FrozenTrial) => boolean): boolean {
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
export function ashaPruner(c: AshaPrunerConfig): Pruner {
  const a = { minResource: c.minResource ?? 1, eta: c.reductionFactor ?? DEFAULT_REDUCTION_FACTOR, rate: c.minEarlyStoppingRate ?? 0 };
  return guarded('asha', c, 0, (ctx, curve) => ashaDecision(ctx, curve, a, () => true));
}
