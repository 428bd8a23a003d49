// IPOP restarts (Auger & Hansen 2005): when a run has converged or stalled, start again from a random mean with
// a doubled population.
import { createRandomSource, hashSeed } from '../rng.ts';
import type { CmaesState } from './cmaes.ts';
import { initialCmaesState } from './cmaes.ts';

/** Population growth factor at each IPOP restart (Auger & Hansen 2005 use 2). */
export const ipopIncrease = 2;

/**
 * Termination tolerances that trigger an IPOP restart, relative so that they fire at the budgets studies have
 * (50–200 trials) instead of after thousands of evaluations. The absolute 1e-12 tolerances used before never fired
 * below 200 trials: on 2-D Rastrigin 5 of 5 seeds ran 200 trials without a restart, 4 of them in a local minimum
 * (best ≈ 1.0); now 3 of 5 restart by 200 trials (seed 0 by 100), mostly through the stagnation test.
 * - `tolXRel`: every coordinate's step σ·√C_ii (and σ·|p_c,i|) below this fraction of σ₀ — the search has
 *   shrunk a thousand-fold from where it started, finer than a hyperparameter needs.
 * - `tolFunRel`: over the last `flatGenerations(n, λ)` generations, the best values and the last generation's
 *   values spread less than this fraction of the spread of every value seen since the (re)start — the run has
 *   stopped improving on the scale of the problem. Looser values (tolXRel 1e-2, tolFunRel 1e-3) stopped runs
 *   before CMA-ES's own precision tests (2-D Rosenbrock below 1e-4 in 600 evaluations) were met.
 * - stagnation: the run's best value last improved `stallGenerations(n, λ)` or more generations ago —
 *   on a rugged function (Rastrigin) a small population wanders between basins with σ near σ₀ and neither
 *   test above fires.
 * - `tolXUp`, `conditionCov`: divergence and an ill-conditioned covariance, as in pycma.
 */
export const terminationTolerances = {
  tolXRel: 1e-3,
  tolFunRel: 1e-8,
  tolXUp: 1e4,
  conditionCov: 1e14,
} as const;

/**
 * Generations without a new best of the run after which it counts as stalled: 5 + ⌈30n/λ⌉ (pycma's TolFun
 * history is 10 + ⌈30n/λ⌉; 2·flatGenerations stopped 2-D Rosenbrock runs still creeping along the valley).
 */
export function stallGenerations(n: number, lambda: number): number {
  return 5 + Math.ceil((30 * n) / lambda);
}

/** Generations the `tolFunRel` test looks back over: 3 + ⌈6n/λ⌉ (pycma's 10 + ⌈30n/λ⌉ scaled to small budgets). */
export function flatGenerations(n: number, lambda: number): number {
  return 3 + Math.ceil((6 * n) / lambda);
}

/** Generations since the run's best value last improved (strictly), 0 before any generation. */
export function generationsSinceProgress(state: CmaesState): number {
  const h = state.bestHistory;
  let last = 0;
  for (let g = 1; g < h.length; g++) if (h[g]! < Math.min(...h.slice(0, g))) last = g;
  return Math.max(0, h.length - 1 - last);
}

/** True when the run has converged or stalled, so IPOP should restart with a larger population. */
export function shouldRestart(state: CmaesState, lastValues: readonly number[]): boolean {
  const { n, lambda } = state.params;
  const tol = terminationTolerances;
  const window = flatGenerations(n, lambda);
  if (state.bestHistory.length >= window) {
    const all = [...state.bestHistory.slice(-window), ...lastValues];
    const scale = state.worstValue - Math.min(...state.bestHistory);
    if (Math.max(...all) - Math.min(...all) <= tol.tolFunRel * scale) return true;
  }
  if (generationsSinceProgress(state) >= stallGenerations(n, lambda)) return true;
  let tolX = true;
  const tolXAbs = tol.tolXRel * state.sigma0;
  for (let i = 0; i < n; i++) {
    if (state.sigma * Math.sqrt(state.cov[i * n + i]!) >= tolXAbs || state.sigma * Math.abs(state.pc[i]!) >= tolXAbs) {
      tolX = false;
      break;
    }
  }
  if (tolX) return true;
  const maxScale = Math.max(...state.scales);
  const minScale = Math.min(...state.scales);
  if (state.sigma * maxScale > tol.tolXUp * state.sigma0) return true;
  if ((maxScale / minScale) ** 2 > tol.conditionCov) return true;
  // No effect along a principal axis or a coordinate: adding a tenth of a step leaves the mean unchanged.
  const axis = state.generation % n;
  let noAxis = true;
  let noCoord = false;
  for (let i = 0; i < n; i++) {
    const m = state.mean[i]!;
    if (m + 0.1 * state.sigma * state.scales[axis]! * state.basis[i * n + axis]! !== m) noAxis = false;
    if (m + 0.2 * state.sigma * Math.sqrt(state.cov[i * n + i]!) === m) noCoord = true;
  }
  return noAxis || noCoord;
}

/** The state after an IPOP restart: population × `ipopIncrease`, a uniformly random mean, σ₀ again. */
export function restartState(state: CmaesState, seed: number): CmaesState {
  const restart = state.restart + 1;
  const rng = createRandomSource(hashSeed(seed, 0x5eed, restart));
  const mean = state.mean.map(() => rng());
  return initialCmaesState(mean, state.levels, state.params.lambda * ipopIncrease, state.sigma0, restart);
}
