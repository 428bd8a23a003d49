/** Numerical helpers for the Parzen estimators. */

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Complementary error function, Chebyshev fit with fractional error below 1.2e-7 everywhere (Press et al.,
 * "Numerical Recipes", 2nd ed., §6.2). Accurate in the tails, where 1 − erf would cancel.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Standard normal CDF. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** log of the standard normal density. */
export function normalLogPdf(x: number): number {
  return -0.5 * x * x - LOG_SQRT_2PI;
}

/**
 * log(Φ(b) − Φ(a)) for a < b, computed in the tail where both are small so it does not round to log(0);
 * far beyond the fit's reach it falls back to the density at the nearer end times the width.
 */
export function logNormalMass(a: number, b: number): number {
  // Reflect into the lower tail, where Φ is small and its relative precision is kept.
  if (a > 0) [a, b] = [-b, -a];
  const mass = normalCdf(b) - normalCdf(a);
  if (mass > 1e-300) return Math.log(mass);
  return normalLogPdf(b) + Math.log(b - a);
}

/** log Σ exp(x_i), stable. */
export function logSumExp(xs: ArrayLike<number>): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < xs.length; i++) max = Math.max(max, xs[i] as number);
  if (max === Number.NEGATIVE_INFINITY) return max;
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += Math.exp((xs[i] as number) - max);
  return max + Math.log(sum);
}

/** Linear-interpolated percentile (0–100) of a non-empty array, like numpy's default. */
export function percentile(values: readonly number[], q: number): number {
  const sorted = values.slice().sort((x, y) => x - y);
  const pos = ((sorted.length - 1) * q) / 100;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}
