// Exact hypervolume: sweeps for two and three objectives, WFG (While et al. 2012) beyond.
import type { Direction } from './pareto.ts';
import { dominates, toMinimization } from './pareto.ts';

/** Area dominated by 2-D minimisation points w.r.t. reference r (points must be strictly better than r). */
function hv2d(points: readonly number[][], r: readonly number[]): number {
  const sorted = [...points].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
  let area = 0;
  let bestY = r[1]!;
  for (const p of sorted) {
    if (p[1]! < bestY) {
      area += (r[0]! - p[0]!) * (bestY - p[1]!);
      bestY = p[1]!;
    }
  }
  return area;
}

/**
 * Volume for three objectives: sweep along f3, keeping the 2-D front of the points seen so far (sorted by f1,
 * f2 decreasing) and its area; each slab adds area × thickness. O(N²) worst case.
 */
function hv3d(points: readonly number[][], r: readonly number[]): number {
  const sorted = [...points].sort((a, b) => a[2]! - b[2]!);
  const front: number[][] = [];
  let area = 0;
  let volume = 0;
  const frontArea = (): number => {
    let a = 0;
    let prevY = r[1]!;
    for (const q of front) {
      a += (r[0]! - q[0]!) * (prevY - q[1]!);
      prevY = q[1]!;
    }
    return a;
  };
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i]!;
    // Insert p into the 2-D front unless a member weakly dominates it in (f1, f2).
    let dominated = false;
    for (const q of front) {
      if (q[0]! <= p[0]! && q[1]! <= p[1]!) {
        dominated = true;
        break;
      }
    }
    if (!dominated) {
      for (let k = front.length - 1; k >= 0; k--) {
        const q = front[k]!;
        if (p[0]! <= q[0]! && p[1]! <= q[1]!) front.splice(k, 1);
      }
      let at = 0;
      while (at < front.length && front[at]![0]! < p[0]!) at++;
      front.splice(at, 0, p);
      area = frontArea();
    }
    const nextZ = i + 1 < sorted.length ? sorted[i + 1]![2]! : r[2]!;
    volume += area * (nextZ - p[2]!);
  }
  return volume;
}

function nondominated(points: readonly number[][]): number[][] {
  const out: number[][] = [];
  points.forEach((p, i) => {
    for (let j = 0; j < points.length; j++) {
      const q = points[j]!;
      if (j !== i && (dominates(q, p) || (j < i && q.every((v, k) => v === p[k])))) return;
    }
    out.push(p);
  });
  return out;
}

/** WFG: hv(S) = Σ_k [inclhv(s_k) − hv(nondominated(limitset(S, k)))], points sorted on the last objective. */
function wfg(points: readonly number[][], r: readonly number[]): number {
  if (points.length === 0) return 0;
  const d = r.length;
  if (d === 2) return hv2d(points, r);
  if (d === 3) return hv3d(points, r);
  const sorted = [...points].sort((a, b) => b[d - 1]! - a[d - 1]!);
  let total = 0;
  for (let k = 0; k < sorted.length; k++) {
    const p = sorted[k]!;
    let box = 1;
    for (let i = 0; i < d; i++) box *= r[i]! - p[i]!;
    const limited = sorted.slice(k + 1).map((q) => q.map((v, i) => Math.max(v, p[i]!)));
    total += box - wfg(nondominated(limited), r);
  }
  return total;
}

/**
 * Exact hypervolume of `points` w.r.t. `reference` under `directions`: the measure of the region that some
 * point dominates and that dominates the reference. Points not strictly better than the reference in every
 * objective contribute nothing. Two objectives: O(N log N) sweep; three: O(N²) sweep; more: the WFG algorithm
 * (While, Bradstreet & Barone 2012), exact and fine for the small fronts of a study.
 */
export function hypervolume(
  points: readonly (readonly number[])[],
  reference: readonly number[],
  directions: readonly Direction[],
): number {
  if (reference.length !== directions.length) {
    throw new RangeError(`reference must have ${directions.length} values (one per direction), got ${reference.length}`);
  }
  const [r] = toMinimization([reference], directions);
  const pts = toMinimization(points, directions).filter((p) => p.every((v, k) => v < r![k]!));
  if (pts.length === 0) return 0;
  const d = r!.length;
  if (d === 1) return r![0]! - Math.min(...pts.map((p) => p[0]!));
  return d <= 3 ? wfg(pts, r!) : wfg(nondominated(pts), r!);
}
