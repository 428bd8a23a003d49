/**
 * Two-sided Mann–Whitney U test (Mann & Whitney 1947) of "a and b come from the same distribution": the exact
 * null distribution of U when there are no ties and the samples are small (every seed count the benchmark
 * uses), the normal approximation with tie and continuity corrections otherwise. Returns U for `a` (the
 * number of pairs with a < b, ties counting ½) and the p-value.
 */
export function mannWhitneyU(a: readonly number[], b: readonly number[]): { u: number; p: number } {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) return { u: Number.NaN, p: Number.NaN };
  let u = 0;
  for (const x of a) for (const y of b) u += x < y ? 1 : x === y ? 0.5 : 0;
  const all = [...a, ...b].sort((x, y) => x - y);
  let tieTerm = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j + 1 < all.length && all[j + 1] === all[i]) j++;
    const t = j - i + 1;
    tieTerm += t ** 3 - t;
    i = j + 1;
  }
  const mean = (n1 * n2) / 2;
  if (tieTerm === 0 && n1 * n2 <= 2500) {
    // counts[k] = number of rank arrangements with U = k (recurrence on the largest element).
    const dist = exactUDistribution(n1, n2);
    const total = dist.reduce((s, c) => s + c, 0);
    const lo = Math.min(u, n1 * n2 - u);
    let tail = 0;
    for (let k = 0; k <= Math.floor(lo); k++) tail += dist[k]!;
    return { u, p: Math.min(1, (2 * tail) / total) };
  }
  const n = n1 + n2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance <= 0) return { u, p: 1 };
  const z = (Math.abs(u - mean) - 0.5) / Math.sqrt(variance);
  return { u, p: Math.min(1, 2 * (1 - normalCdf(Math.max(0, z)))) };
}

function exactUDistribution(n1: number, n2: number): number[] {
  // f(i, j)[k]: arrangements of i a's and j b's with U = k, f(i,j) = f(i−1,j) shifted by j + f(i,j−1).
  let prev: number[][] = Array.from({ length: n2 + 1 }, () => [1]);
  for (let i = 1; i <= n1; i++) {
    const cur: number[][] = [[1]];
    for (let j = 1; j <= n2; j++) {
      const size = i * j + 1;
      const row = new Array<number>(size).fill(0);
      const fromA = prev[j]!;
      fromA.forEach((c, k) => (row[k + j] = row[k + j]! + c));
      const fromB = cur[j - 1]!;
      fromB.forEach((c, k) => (row[k] = row[k]! + c));
      cur.push(row);
    }
    prev = cur;
  }
  return prev[n2]!;
}

/** Φ(x) by the Abramowitz–Stegun 7.1.26 erf approximation (|error| < 1.5e-7), plenty for a p-value. */
function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}
