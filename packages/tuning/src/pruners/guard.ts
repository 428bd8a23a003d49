// What every pruner shares: curves sorted by step, and the warm-up and start-up checks around its rule.
import type { FrozenTrial, IntermediateValue } from '../types.ts';
import type { Common, PruneContext, Pruner, PrunerKind } from './config.ts';

export function sortedCurve(t: FrozenTrial): IntermediateValue[] {
  return (t.intermediate ?? []).slice().sort((a, b) => a.step - b.step);
}

export function valueAt(t: FrozenTrial, step: number): number | undefined {
  return t.intermediate?.find((x) => x.step === step)?.value;
}

/** Wraps a rule with warm-up and start-up checks; `rule` sees the trial's curve sorted by step (non-empty). */
export function guarded(
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
