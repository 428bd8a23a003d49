// Importance of each parameter of a study, per objective, for the dashboard: the adapter feeds PED-ANOVA.
import { adaptHistory } from '../samplers/adapter.ts';
import type { SearchSpace } from '../space.ts';
import type { Direction, FrozenTrial } from '../types.ts';
import { pedAnovaImportance } from './ped-anova.ts';

export interface ParameterImportance {
  name: string;
  /** Share of the total, in [0, 1]; the importances of one objective sum to 1. */
  importance: number;
}

export interface ParameterImportanceOptions {
  directions: readonly Direction[];
  /**
   * Accepted for a stable signature (a random-forest method such as fANOVA would need one); PED-ANOVA is
   * deterministic, so the result does not depend on it.
   */
  seed?: number;
  /** Fraction of trials, best first, that forms the "good" set (default 0.1, as Optuna's PedAnovaImportanceEvaluator). */
  targetQuantile?: number;
}

/**
 * Importance of each parameter for each objective by PED-ANOVA (Watanabe, Bansal & Hutter, "PED-ANOVA:
 * Efficiently Quantifying Hyperparameter Importance in Arbitrary Subspaces", IJCAI 2023): the Pearson divergence
 * between a parameter's distribution among the best trials and among all trials, normalised to sum to 1.
 * Returns one list per direction, each in `space.params` order. Only COMPLETE trials with finite values count
 * (PRUNED ones are left out: their last intermediate value is not the objective); inactive conditional
 * parameters take fixed fill values, so a conditional parameter's importance reflects its parent's choice too.
 */
export function parameterImportance(
  space: SearchSpace,
  trials: readonly FrozenTrial[],
  options: ParameterImportanceOptions,
): ParameterImportance[][] {
  const { directions } = options;
  if (directions.length === 0) throw new RangeError('directions must name at least one objective, got []');
  const problem = adaptHistory(space, trials, directions, { pruned: false });
  return directions.map((_, k) => {
    const scores = pedAnovaImportance({
      X: problem.X,
      y: problem.y.map((row) => row[k]!),
      dims: problem.dims,
      minimize: true,
      targetQuantile: options.targetQuantile,
    });
    return space.params.map((p, i) => ({ name: p.name, importance: scores[i]! }));
  });
}
