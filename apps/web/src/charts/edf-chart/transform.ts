import type { ChartObjective, ChartTrial } from '../types.ts';

export interface EdfStep {
  value: number;
  /** Fraction of the trials at least as good as `value` (≤ it when minimising, ≥ it when maximising). */
  fraction: number;
}

/** Finite objective values of complete trials. */
export function completeValues(trials: readonly ChartTrial[], objectiveIndex: number): number[] {
  const out: number[] = [];
  for (const t of trials) {
    const v = t.values?.[objectiveIndex];
    if (t.state === 'COMPLETE' && typeof v === 'number' && Number.isFinite(v)) out.push(v);
  }
  return out;
}

/**
 * The empirical distribution of `values` as steps sorted by value, one per distinct value. Direction-aware: when
 * minimising the fraction is P(X ≤ value) (rises left to right), when maximising P(X ≥ value) (falls); either way a
 * curve that reaches high fractions at good values belongs to the better study.
 */
export function edfSteps(values: readonly number[], direction: ChartObjective['direction']): EdfStep[] {
  const n = values.length;
  if (n === 0) return [];
  const sorted = [...values].sort((a, b) => a - b);
  const steps: EdfStep[] = [];
  for (let i = 0; i < n; i++) {
    const value = sorted[i]!;
    // Index of the first and one past the last occurrence of this value.
    let last = i;
    while (last + 1 < n && sorted[last + 1] === value) last++;
    const fraction = direction === 'MINIMIZE' ? (last + 1) / n : (n - i) / n;
    steps.push({ value, fraction });
    i = last;
  }
  return steps;
}
