import type { ChartObjective, ChartTrial } from '../types.ts';

export interface HistoryPoint {
  trialId: string;
  number: number;
  value: number;
}

/** Finished trials that have a finite value for the objective, in trial-number order. */
export function historyPoints(trials: readonly ChartTrial[], objectiveIndex: number): HistoryPoint[] {
  const out: HistoryPoint[] = [];
  for (const t of trials) {
    if (t.state !== 'COMPLETE') continue;
    const v = t.values?.[objectiveIndex];
    if (typeof v === 'number' && Number.isFinite(v)) out.push({ trialId: t.id, number: t.number, value: v });
  }
  return out.sort((a, b) => a.number - b.number);
}

/** The best value seen up to and including each point (a step line), for the objective's direction. */
export function bestSoFar(points: readonly HistoryPoint[], direction: ChartObjective['direction']): { number: number; value: number }[] {
  const better = direction === 'MINIMIZE' ? (a: number, b: number) => a < b : (a: number, b: number) => a > b;
  const out: { number: number; value: number }[] = [];
  let best: number | undefined;
  for (const p of points) {
    if (best === undefined || better(p.value, best)) best = p.value;
    out.push({ number: p.number, value: best });
  }
  return out;
}
