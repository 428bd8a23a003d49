// Special functions for Gaussian tails, written for accuracy far into the tails: log-EI and log-probabilities
// of feasibility must stay finite where the plain formulas underflow to log(0).

const SQRT_PI = Math.sqrt(Math.PI);
const SQRT2 = Math.SQRT2;
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * The scaled complementary error function erfcx(x) = exp(x²)·erfc(x) for x ≥ 0.
 * Below 1 a Taylor series of erf is exact to rounding; above it the Laplace continued fraction
 * erfc(x) = exp(-x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))) converges, evaluated bottom-up with a
 * depth that grows as x shrinks (200 terms at x = 1 agree with erfc(1) to the last digit).
 */
function erfcxNonNegative(x: number): number {
  if (x < 1) {
    // erf(x) = 2/√π Σ (-1)^n x^(2n+1) / (n! (2n+1))
    let term = x;
    let sum = x;
    const x2 = x * x;
    for (let n = 1; n < 30; n++) {
      term *= -x2 / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return Math.exp(x2) * (1 - (2 / SQRT_PI) * sum);
  }
  const depth = x > 50 ? 10 : x > 5 ? 40 : x > 2 ? 90 : 200;
  let f = x;
  for (let k = depth; k >= 1; k--) f = x + k / 2 / f;
  return 1 / (SQRT_PI * f);
}

/** erfcx(x) = exp(x²)·erfc(x) for any real x (overflows to Infinity only for x < -26.6, like exp(x²)). */
export function erfcx(x: number): number {
  if (x >= 0) return erfcxNonNegative(x);
  return 2 * Math.exp(x * x) - erfcxNonNegative(-x);
}

/** erfc(x), accurate in relative terms for large positive x. */
export function erfc(x: number): number {
  if (x >= 0) return Math.exp(-x * x) * erfcxNonNegative(x);
  return 2 - Math.exp(-x * x) * erfcxNonNegative(-x);
}

/** Standard normal density φ(z). */
export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z - LOG_SQRT_2PI);
}

/** log φ(z). */
export function logNormalPdf(z: number): number {
  return -0.5 * z * z - LOG_SQRT_2PI;
}

/** Standard normal distribution function Φ(z). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / SQRT2);
}

/** log Φ(z), finite for any finite z (uses erfcx in the lower tail, log1p in the upper). */
export function logNormalCdf(z: number): number {
  if (z < -1) {
    const t = -z / SQRT2;
    return Math.log(0.5 * erfcxNonNegative(t)) - t * t;
  }
  if (z > 5) return Math.log1p(-0.5 * erfc(z / SQRT2));
  return Math.log(normalCdf(z));
}

/** Inverse of Φ by Newton steps on log Φ from a logistic initial guess; used off the hot path (margins, quantiles). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    throw new RangeError(`normalQuantile: 0 <= p <= 1 must hold, got p=${p}`);
  }
  if (p > 0.5) return -normalQuantile(1 - p);
  let z = -Math.sqrt(-2 * Math.log(p));
  const target = Math.log(p);
  for (let i = 0; i < 60; i++) {
    const lc = logNormalCdf(z);
    // d log Φ / dz = φ/Φ
    const slope = Math.exp(logNormalPdf(z) - lc);
    const step = (lc - target) / slope;
    z -= step;
    if (Math.abs(step) < 1e-14 * Math.max(1, Math.abs(z))) break;
  }
  return z;
}

/**
 * log h(z) where h(z) = φ(z) + zΦ(z), so that EI = σ·h((best − μ)/σ). Follows the case split of
 * Ament et al. 2023, "Unexpected Improvements to Expected Improvement for Bayesian Optimization":
 * direct for z > −1; φ(z)·(1 − |z|·Φ(z)/φ(z)) with the Mills ratio from erfcx for −100 < z ≤ −1; and the
 * asymptotic series φ(z)/z²·(1 − 3/z² + …) beyond (finite down to z ≈ −1e154). Returns the value and d/dz log h = Φ(z)/h(z).
 */
export function logH(z: number): { value: number; grad: number } {
  if (z > -1) {
    const cdf = normalCdf(z);
    const h = normalPdf(z) + z * cdf;
    return { value: Math.log(h), grad: cdf / h };
  }
  const a = -z; // >= 1
  // Mills ratio Φ(z)/φ(z) = √(π/2)·erfcx(a/√2); h/φ = 1 − a·Φ/φ ∈ (0, 1).
  const mills = Math.sqrt(Math.PI / 2) * erfcxNonNegative(a / SQRT2);
  let logHOverPhi: number;
  let hOverPhi: number;
  if (a < 100) {
    hOverPhi = -Math.expm1(Math.log(a * mills));
    logHOverPhi = Math.log(hOverPhi);
  } else {
    // The subtraction loses ~log10(z²) digits out here; the asymptotic series
    // h/φ = z⁻²(1 − 3z⁻² + 15z⁻⁴ − 105z⁻⁶) is exact to rounding for |z| >= 100 (next term < 1e-13).
    const w = 1 / (a * a);
    const series = 1 + w * (-3 + w * (15 - 105 * w));
    hOverPhi = w * series;
    logHOverPhi = -2 * Math.log(a) + Math.log(series);
  }
  return { value: logNormalPdf(z) + logHOverPhi, grad: mills / hOverPhi };
}
// TPE's Parzen estimators evaluate a truncated normal's mass for every kernel at every candidate, where the
// series and continued fraction of `erfc` above cost too much. They use this Chebyshev fit instead: 1.2e-7
// relative error, plenty for a log-density ratio, and every TPE suggestion so far was made with it (so
// replacing it would change them).

/**
 * Complementary error function, Chebyshev fit with fractional error below 1.2e-7 everywhere (Press et al.,
 * "Numerical Recipes", 2nd ed., §6.2). Accurate in the tails, where 1 − erf would cancel. Prefer {@link erfc}
 * off TPE's hot loop.
 */
export function erfcFast(x: number): number {
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

/** Φ(x) from {@link erfcFast}. */
function normalCdfFast(x: number): number {
  return 0.5 * erfcFast(-x / SQRT2);
}

/**
 * log(Φ(b) − Φ(a)) for a < b (with {@link erfcFast}), computed in the tail where both are small so it does not
 * round to log(0); far beyond the fit's reach it falls back to the density at the nearer end times the width.
 */
export function logNormalMass(a: number, b: number): number {
  // Reflect into the lower tail, where Φ is small and its relative precision is kept.
  const lo = a > 0 ? -b : a;
  const hi = a > 0 ? -a : b;
  const mass = normalCdfFast(hi) - normalCdfFast(lo);
  if (mass > 1e-300) return Math.log(mass);
  return logNormalPdf(hi) + Math.log(hi - lo);
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
