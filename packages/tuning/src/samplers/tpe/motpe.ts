// Multi-objective TPE (MOTPE; Ozaki, Tanigaki, Watanabe & Onishi, GECCO 2020 and JAIR 2022): which observations
// form l(x), and how much each weighs — the parts of TPE that change with several objectives. As Optuna's
// `_split_complete_trials_multi_objective` and `_calculate_weights_below_for_multi_objective`.
import { hypervolume } from '../../multi/hypervolume.ts';
import { nonDominatedRanks } from '../../multi/pareto.ts';

/** The smallest weight an observation of l(x) gets (Optuna's EPS): it still counts, but barely. */
export const MOTPE_MIN_WEIGHT = 1e-12;

const minimizeAll = (m: number): 'minimize'[] => Array.from({ length: m }, () => 'minimize' as const);

/**
 * Optuna's reference point for a set of minimised points: per objective the worst value w, pushed out to
 * max(1.1·w, 0.9·w) (so it is worse than w whatever w's sign), or 1e-12 where w is 0.
 */
export function motpeReferencePoint(points: readonly (readonly number[])[]): number[] {
  const m = points[0]?.length ?? 0;
  return Array.from({ length: m }, (_, k) => {
    const w = Math.max(...points.map((p) => p[k]!));
    return w === 0 ? MOTPE_MIN_WEIGHT : Math.max(1.1 * w, 0.9 * w);
  });
}

/**
 * Greedy hypervolume subset selection: `k` indices of `points` (minimised), each step adding the point whose
 * hypervolume contribution to the points already chosen is largest (ties: the lower index). Optuna solves the
 * same problem greedily (`_solve_hssp`); for two objectives greedy is within (1 − 1/e) of the optimum subset.
 */
export function selectByHypervolume(points: readonly (readonly number[])[], k: number, reference: readonly number[]): number[] {
  if (k >= points.length) return points.map((_, i) => i);
  const dirs = minimizeAll(reference.length);
  const chosen: number[] = [];
  const left = new Set(points.map((_, i) => i));
  let current = 0;
  while (chosen.length < k) {
    let best = -1;
    let bestGain = Number.NEGATIVE_INFINITY;
    const base = chosen.map((i) => points[i]!);
    for (const i of left) {
      const gain = hypervolume([...base, points[i]!], reference, dirs) - current;
      if (gain > bestGain) {
        bestGain = gain;
        best = i;
      }
    }
    chosen.push(best);
    left.delete(best);
    current += bestGain;
  }
  return chosen;
}

/**
 * MOTPE's split of `points` (one row of minimised values per observation) into the `nBelow` that form l(x) and
 * the rest: whole non-domination fronts, best first, while they fit; the next front, which does not fit, is
 * cut by {@link selectByHypervolume} w.r.t. {@link motpeReferencePoint} of that front. Indices ascending.
 */
export function splitMultiObjective(points: readonly (readonly number[])[], nBelow: number): { below: number[]; above: number[] } {
  const n = points.length;
  const k = Math.max(0, Math.min(n, nBelow));
  if (k === 0) return { below: [], above: points.map((_, i) => i) };
  const ranks = nonDominatedRanks(points, minimizeAll(points[0]!.length));
  const below = new Set<number>();
  for (let r = 0; below.size < k; r++) {
    const front = ranks.flatMap((v, i) => (v === r ? [i] : []));
    if (below.size + front.length <= k) {
      for (const i of front) below.add(i);
      continue;
    }
    const frontPoints = front.map((i) => points[i]!);
    for (const j of selectByHypervolume(frontPoints, k - below.size, motpeReferencePoint(frontPoints))) below.add(front[j]!);
  }
  const all = points.map((_, i) => i);
  return { below: all.filter((i) => below.has(i)), above: all.filter((i) => !below.has(i)) };
}

/**
 * Weights of l(x)'s observations (minimised values): a point on their Pareto front weighs its hypervolume
 * contribution (the hypervolume lost without it, w.r.t. {@link motpeReferencePoint} of the set) divided by the
 * largest contribution; dominated points, and points that add nothing, weigh {@link MOTPE_MIN_WEIGHT}. One
 * observation weighs 1.
 */
export function motpeWeightsBelow(points: readonly (readonly number[])[]): number[] {
  const n = points.length;
  if (n === 0) return [];
  if (n === 1) return [1];
  const m = points[0]!.length;
  const dirs = minimizeAll(m);
  const reference = motpeReferencePoint(points);
  const ranks = nonDominatedRanks(points, dirs);
  const front = ranks.flatMap((r, i) => (r === 0 ? [i] : []));
  const frontPoints = front.map((i) => points[i]!);
  const total = hypervolume(frontPoints, reference, dirs);
  const contributions = new Array<number>(n).fill(0);
  front.forEach((i, j) => {
    contributions[i] = total - hypervolume(frontPoints.filter((_, q) => q !== j), reference, dirs);
  });
  const max = Math.max(...contributions, MOTPE_MIN_WEIGHT);
  return contributions.map((c) => Math.max(c / max, MOTPE_MIN_WEIGHT));
}
