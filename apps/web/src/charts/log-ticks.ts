/**
 * The ticks to label on a log axis, from d3's `scaleLog().ticks()`: its powers of ten when it spans two or more,
 * else at most `max` ticks spread over the whole list, first and last included. d3 gives every 1–9 multiple
 * (20, 30, … 90, 100, 200 for 20–256); keeping the first few labelled only the bottom of the range (20–70).
 */
export function logAxisTicks(ticks: readonly number[], max = 6): number[] {
  const powers = ticks.filter((t) => t > 0 && Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9);
  if (powers.length >= 2) return powers;
  if (ticks.length <= max) return ticks.slice();
  const picked = new Set<number>();
  for (let i = 0; i < max; i += 1) picked.add(Math.round((i * (ticks.length - 1)) / (max - 1)));
  return [...picked].sort((a, b) => a - b).map((i) => ticks[i]!);
}
