import { mixSeed } from '../rng.ts';
import { ashaDecision } from './asha.ts';
import { DEFAULT_REDUCTION_FACTOR } from './config.ts';
import type { HyperbandPrunerConfig, Pruner } from './config.ts';
import { guarded } from './guard.ts';

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
export function hyperbandPruner(c: HyperbandPrunerConfig): Pruner {
  const minResource = c.minResource ?? 1;
  const eta = c.reductionFactor ?? DEFAULT_REDUCTION_FACTOR;
  const brackets = hyperbandBrackets(minResource, c.maxResource, eta);
  return guarded('hyperband', c, 0, (ctx, curve) => {
    const mine = hyperbandBracketOf(ctx.trial.number, brackets);
    const rate = (brackets[mine] as { rate: number }).rate;
    return ashaDecision(ctx, curve, { minResource, eta, rate }, (t) => hyperbandBracketOf(t.number, brackets) === mine);
  });
}
