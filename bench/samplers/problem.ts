import type { Params, SpaceJson } from '@tuneboard/tuning';

// The shapes of the sampler benchmarks' problems, shared by every file that defines or runs them.

/** A benchmark objective: a space, a function to minimise and its known minimum (so we report regret). */
export interface Objective {
  name: string;
  space: SpaceJson;
  f: (p: Params) => number;
  optimum: number;
  /**
   * Standard deviation of Gaussian noise added to every value the sampler is told (./noisy.ts); the harness
   * records the noise-free value, so the regret is that of the best point evaluated.
   */
  noise?: number;
}

/** A multi-objective benchmark problem: every objective minimised, hypervolume taken w.r.t. `reference`. */
export interface MultiObjective {
  name: string;
  space: SpaceJson;
  f: (p: Params) => number[];
  reference: number[];
  /**
   * Hypervolume of the true Pareto front w.r.t. `reference` (the best any sampler can reach): for ZDT, the
   * reference box 1.1 × 11 minus the area under the front f1 ∈ [0, 1].
   */
  maxHypervolume: number;
}
