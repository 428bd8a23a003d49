// Pareto dominance, non-dominated sorting and crowding distance (Deb et al. 2002, "A fast and elitist
// multiobjective genetic algorithm: NSGA-II").

/** Optimisation direction of one objective. */
export type Direction = 'minimize' | 'maximize';

function checkShape(points: readonly (readonly number[])[], directions: readonly Direction[]): void {
  points.forEach((p, i) => {
    if (p.length !== directions.length) {
      throw new RangeError(`points[${i}] must have ${directions.length} values (one per direction), got ${p.length}`);
    }
    p.forEach((v, k) => {
      if (Number.isNaN(v)) throw new RangeError(`points[${i}][${k}] must be a number, got NaN`);
    });
  });
}

/** Points turned into minimisation: maximised objectives are negated. */
export function toMinimization(points: readonly (readonly number[])[], directions: readonly Direction[]): number[][] {
  checkShape(points, directions);
  const signs = directions.map((d) => (d === 'maximize' ? -1 : 1));
  return points.map((p) => p.map((v, k) => signs[k]! * v));
}

/** True when a is no worse than b in every objective and better in one (both already minimised). */
export function dominates(a: readonly number[], b: readonly number[]): boolean {
  let better = false;
  for (let k = 0; k < a.length; k++) {
    if (a[k]! > b[k]!) return false;
    if (a[k]! < b[k]!) better = true;
  }
  return better;
}

/** Total constraint violation Σ max(0, c): 0 means feasible (constraint values ≤ 0 are satisfied). */
export function constraintViolation(constraints: readonly number[] | undefined): number {
  if (!constraints) return 0;
  let v = 0;
  for (const c of constraints) v += Number.isNaN(c) ? Infinity : Math.max(0, c);
  return v;
}

/**
 * Constraint-domination (Deb 2000; Deb et al. 2002, §V): a feasible point beats an infeasible one, of two
 * infeasible points the smaller total violation wins, and two feasible points compare by Pareto dominance.
 */
export function constrainedDominates(a: readonly number[], va: number, b: readonly number[], vb: number): boolean {
  if (va === 0 && vb === 0) return dominates(a, b);
  if (va === 0) return true;
  if (vb === 0) return false;
  return va < vb;
}

/** Two-objective ranks in O(N log N): sweep by f1 and place each point on the first front that does not dominate it. */
function ranks2d(points: readonly number[][]): number[] {
  const order = points.map((_, i) => i).sort((a, b) => points[a]![0]! - points[b]![0]! || points[a]![1]! - points[b]![1]!);
  const frontMin: number[] = []; // smallest f2 on each front so far (non-decreasing in the front index)
  const rank = new Array<number>(points.length).fill(0);
  let previous = -1;
  for (const i of order) {
    const p = points[i]!;
    if (previous >= 0 && points[previous]![0] === p[0] && points[previous]![1] === p[1]) {
      rank[i] = rank[previous]!; // duplicates do not dominate each other
    } else {
      let lo = 0;
      let hi = frontMin.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (frontMin[mid]! > p[1]!) hi = mid;
        else lo = mid + 1;
      }
      rank[i] = lo;
      frontMin[lo] = p[1]!;
    }
    previous = i;
  }
  return rank;
}

/**
 * Non-domination rank of every point (0 = Pareto front), by the fast non-dominated sort of Deb et al. 2002
 * (O(M N²)), or in O(N log N) for two objectives without constraints. With `constraints` (one row per point,
 * ≤ 0 feasible) ranks follow constraint-domination.
 */
export function nonDominatedRanks(
  points: readonly (readonly number[])[],
  directions: readonly Direction[],
  constraints?: readonly (readonly number[] | undefined)[],
): number[] {
  const pts = toMinimization(points, directions);
  const n = pts.length;
  if (!constraints && directions.length === 2) return ranks2d(pts);
  const violation = pts.map((_, i) => constraintViolation(constraints?.[i]));
  const dominatedBy: number[][] = pts.map(() => []);
  const count = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (constrainedDominates(pts[i]!, violation[i]!, pts[j]!, violation[j]!)) {
        dominatedBy[i]!.push(j);
        count[j]!++;
      } else if (constrainedDominates(pts[j]!, violation[j]!, pts[i]!, violation[i]!)) {
        dominatedBy[j]!.push(i);
        count[i]!++;
      }
    }
  }
  const rank = new Array<number>(n).fill(0);
  let front = pts.map((_, i) => i).filter((i) => count[i] === 0);
  for (let r = 0; front.length > 0; r++) {
    const next: number[] = [];
    for (const i of front) {
      rank[i] = r;
      for (const j of dominatedBy[i]!) if (--count[j]! === 0) next.push(j);
    }
    front = next;
  }
  return rank;
}

/** Indices grouped by front, best front first, each front in index order. */
export function nonDominatedSort(
  points: readonly (readonly number[])[],
  directions: readonly Direction[],
  constraints?: readonly (readonly number[] | undefined)[],
): number[][] {
  const rank = nonDominatedRanks(points, directions, constraints);
  const fronts: number[][] = [];
  rank.forEach((r, i) => (fronts[r] ??= []).push(i));
  return fronts;
}

/**
 * Indices of the Pareto-optimal points (for the dashboard's Pareto plot), in index order. Sorting
 * lexicographically first means a point can only be dominated by an earlier one, and (dominance being
 * transitive) by an earlier *front* member, so each point is checked against the front kept so far:
 * O(N log N + N·F·M) for a front of size F instead of the O(M N²) full sort.
 */
export function paretoFront(points: readonly (readonly number[])[], directions: readonly Direction[]): number[] {
  const pts = toMinimization(points, directions);
  const order = pts.map((_, i) => i).sort((a, b) => {
    const pa = pts[a]!;
    const pb = pts[b]!;
    for (let k = 0; k < pa.length; k++) if (pa[k] !== pb[k]) return pa[k]! - pb[k]!;
    return a - b;
  });
  const front: number[] = [];
  for (const i of order) {
    if (!front.some((j) => dominates(pts[j]!, pts[i]!))) front.push(i);
  }
  return front.sort((a, b) => a - b);
}

/**
 * Crowding distance of each point within one front (Deb et al. 2002, §III-B): the sum over objectives of the
 * normalised gap between its two neighbours; the extremes of every objective get Infinity.
 */
export function crowdingDistance(front: readonly (readonly number[])[]): number[] {
  const n = front.length;
  const dist = new Array<number>(n).fill(0);
  if (n === 0) return dist;
  const m = front[0]!.length;
  for (let k = 0; k < m; k++) {
    const order = front.map((_, i) => i).sort((a, b) => front[a]![k]! - front[b]![k]! || a - b);
    const lo = front[order[0]!]![k]!;
    const hi = front[order[n - 1]!]![k]!;
    dist[order[0]!] = Infinity;
    dist[order[n - 1]!] = Infinity;
    if (hi === lo) continue;
    for (let r = 1; r < n - 1; r++) {
      const i = order[r]!;
      dist[i] = dist[i]! + (front[order[r + 1]!]![k]! - front[order[r - 1]!]![k]!) / (hi - lo);
    }
  }
  return dist;
}
