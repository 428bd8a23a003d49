// A small L-BFGS minimiser with a backtracking (Armijo) line search and optional box projection.

export interface LbfgsOptions {
  /** Maximum number of iterations (each costs one or a few evaluations). */
  maxIterations?: number;
  /** Stop when the projected gradient's max-norm falls below this. */
  gradientTolerance?: number;
  /** Stop after two consecutive iterations that each improve the value by less than this (absolute). */
  valueTolerance?: number;
  /** Pairs of (step, gradient change) remembered. */
  memory?: number;
  /** Optional box: x is projected onto [lower, upper] after every step (projected L-BFGS). */
  lower?: ArrayLike<number>;
  upper?: ArrayLike<number>;
}

/** Default L-BFGS memory; 6 pairs is plenty for the ≤ 30-dimensional problems here. */
export const defaultLbfgsMemory = 6;

/**
 * Minimises f from x0 with L-BFGS (Nocedal & Wright, Algorithm 7.4). `f` returns the value and writes the
 * gradient into `grad`. Non-finite values are treated as "too far" by the line search, so an objective may
 * return Infinity outside its domain. With a box, steps are projected and gradient components pushing out of
 * the box are ignored, which is a simple and adequate variant of L-BFGS-B for smooth acquisition functions.
 */
export function lbfgsMinimize(
  f: (x: Float64Array, grad: Float64Array | null) => number,
  x0: ArrayLike<number>,
  options: LbfgsOptions = {},
): { x: Float64Array; value: number; evaluations: number } {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 100;
  const tol = options.gradientTolerance ?? 1e-6;
  const valueTol = options.valueTolerance ?? 0;
  let smallSteps = 0;
  const memory = options.memory ?? defaultLbfgsMemory;
  const { lower, upper } = options;
  const project = (x: Float64Array): void => {
    if (!lower || !upper) return;
    for (let i = 0; i < n; i++) x[i] = Math.min(upper[i]!, Math.max(lower[i]!, x[i]!));
  };
  const x = Float64Array.from(x0);
  project(x);
  const g = new Float64Array(n);
  let fx = f(x, g);
  let evaluations = 1;
  if (!Number.isFinite(fx)) return { x, value: fx, evaluations };
  const sList: Float64Array[] = [];
  const yList: Float64Array[] = [];
  const rho: number[] = [];
  const dir = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  const alpha = new Float64Array(memory);
  const free = (i: number, gi: number): boolean => {
    if (!lower || !upper) return true;
    // A coordinate at a bound whose gradient pushes further out is held fixed.
    if (x[i]! <= lower[i]! && gi > 0) return false;
    if (x[i]! >= upper[i]! && gi < 0) return false;
    return true;
  };
  for (let iter = 0; iter < maxIterations; iter++) {
    let gmax = 0;
    for (let i = 0; i < n; i++) if (free(i, g[i]!)) gmax = Math.max(gmax, Math.abs(g[i]!));
    if (gmax < tol) break;
    // Two-loop recursion for dir = -H g.
    for (let i = 0; i < n; i++) dir[i] = free(i, g[i]!) ? g[i]! : 0;
    for (let k = sList.length - 1; k >= 0; k--) {
      let dot = 0;
      const s = sList[k]!;
      for (let i = 0; i < n; i++) dot += s[i]! * dir[i]!;
      alpha[k] = rho[k]! * dot;
      const y = yList[k]!;
      for (let i = 0; i < n; i++) dir[i] = dir[i]! - alpha[k]! * y[i]!;
    }
    if (sList.length > 0) {
      const s = sList[sList.length - 1]!;
      const y = yList[yList.length - 1]!;
      let sy = 0;
      let yy = 0;
      for (let i = 0; i < n; i++) {
        sy += s[i]! * y[i]!;
        yy += y[i]! * y[i]!;
      }
      const gamma = sy / yy;
      for (let i = 0; i < n; i++) dir[i] = dir[i]! * gamma;
    } else {
      // First step: unit length in the max-norm keeps the initial trial step on the problem's scale.
      for (let i = 0; i < n; i++) dir[i] = dir[i]! / Math.max(gmax, 1);
    }
    for (let k = 0; k < sList.length; k++) {
      const y = yList[k]!;
      let dot = 0;
      for (let i = 0; i < n; i++) dot += y[i]! * dir[i]!;
      const beta = rho[k]! * dot;
      const s = sList[k]!;
      for (let i = 0; i < n; i++) dir[i] = dir[i]! + (alpha[k]! - beta) * s[i]!;
    }
    for (let i = 0; i < n; i++) {
      dir[i] = free(i, g[i]!) ? -dir[i]! : 0;
    }
    let slope = 0;
    for (let i = 0; i < n; i++) slope += dir[i]! * g[i]!;
    if (!(slope < 0)) {
      // Not a descent direction (curvature info went stale): restart from steepest descent.
      sList.length = 0;
      yList.length = 0;
      rho.length = 0;
      for (let i = 0; i < n; i++) dir[i] = free(i, g[i]!) ? -g[i]! / Math.max(gmax, 1) : 0;
      slope = 0;
      for (let i = 0; i < n; i++) slope += dir[i]! * g[i]!;
      if (!(slope < 0)) break;
    }
    let step = 1;
    let fNew = Infinity;
    let accepted = false;
    for (let ls = 0; ls < 30; ls++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i]! + step * dir[i]!;
      project(xNew);
      fNew = f(xNew, null);
      evaluations++;
      let projectedSlope = 0;
      for (let i = 0; i < n; i++) projectedSlope += (xNew[i]! - x[i]!) * g[i]!;
      if (Number.isFinite(fNew) && fNew <= fx + 1e-4 * Math.min(projectedSlope, 0)) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) break;
    f(xNew, gNew);
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    let sy = 0;
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i]! - x[i]!;
      y[i] = gNew[i]! - g[i]!;
      sy += s[i]! * y[i]!;
    }
    const improvement = fx - fNew;
    x.set(xNew);
    g.set(gNew);
    fx = fNew;
    if (sy > 1e-12) {
      sList.push(s);
      yList.push(y);
      rho.push(1 / sy);
      if (sList.length > memory) {
        sList.shift();
        yList.shift();
        rho.shift();
      }
    }
    if (improvement <= 1e-12 * Math.max(1, Math.abs(fx))) break;
    smallSteps = improvement < valueTol ? smallSteps + 1 : 0;
    if (smallSteps >= 2) break;
  }
  return { x, value: fx, evaluations };
}
