/**
 * Which categories of a categorical axis get a tick and a label: all of them while consecutive ones are at least
 * `minGap` pixels apart, else every k-th (k = ⌈minGap / step⌉, starting with the first), so labels never print over
 * each other. A categorical of 1,000 choices on a 300-px parallel-coordinates axis drew 1,000 ticks and labels 0.3 px
 * apart — a black bar; the lines still reach every category, only the labels are thinned.
 */
export function categoryTickIndices(count: number, step: number, minGap: number): number[] {
  if (count <= 0) return [];
  // The epsilon keeps 12 / 0.3 = 40.000…01 a stride of 40 (labels exactly 12 px apart), not 41.
  const stride = step >= minGap || !(step > 0) ? 1 : Math.ceil(minGap / step - 1e-9);
  const out: number[] = [];
  for (let i = 0; i < count; i += stride) out.push(i);
  return out;
}
