import type { IntermediateValue } from '../types.ts';
import type { Pruner, ThresholdPrunerConfig } from './config.ts';
import { guarded } from './guard.ts';

/** Prunes when the latest intermediate value leaves [lower, upper] or is NaN. */
export function thresholdPruner(c: ThresholdPrunerConfig): Pruner {
  return guarded('threshold', c, 0, (_ctx, curve) => {
    const v = (curve[curve.length - 1] as IntermediateValue).value;
    if (Number.isNaN(v)) return true;
    return (c.lower !== undefined && v < c.lower) || (c.upper !== undefined && v > c.upper);
  });
}
