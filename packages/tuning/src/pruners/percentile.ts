import type { IntermediateValue } from '../types.ts';
import { DEFAULT_PERCENTILE_STARTUP_TRIALS } from './config.ts';
import type { PercentilePrunerConfig, Pruner } from './config.ts';
import { guarded, valueAt } from './guard.ts';

/** Linear-interpolated percentile (0–100) of a non-empty array, like numpy's default. */
export function percentile(values: readonly number[], q: number): number {
  const sorted = values.slice().sort((x, y) => x - y);
  const pos = ((sorted.length - 1) * q) / 100;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

/**
 * Percentile pruning (the median stopping rule of Golovin et al., "Google Vizier", KDD 2017, generalised
 * as in Optuna): prune when the trial's best intermediate value so far is worse than the given percentile
 * of the COMPLETE trials' values at the same step. A NaN latest value prunes.
 */
export function percentilePruner(c: PercentilePrunerConfig): Pruner {
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
