import type { ChartParam, ChartTrial, ParamValue } from '../types.ts';

export interface SlicePoint {
  trialId: string;
  number: number;
  x: ParamValue;
  value: number;
}

/** One point per complete trial that has both the parameter and a finite objective value. */
export function slicePoints(trials: readonly ChartTrial[], param: ChartParam, objectiveIndex: number): SlicePoint[] {
  const out: SlicePoint[] = [];
  for (const t of trials) {
    if (t.state !== 'COMPLETE') continue;
    const x = t.params[param.name];
    const v = t.values?.[objectiveIndex];
    if (x === undefined || typeof v !== 'number' || !Number.isFinite(v)) continue;
    if (param.kind !== 'categorical' && (typeof x !== 'number' || (param.log && x <= 0))) continue;
    out.push({ trialId: t.id, number: t.number, x, value: v });
  }
  return out;
}

/** The categories a categorical slice shows: the space's choices, then any others the trials used. */
export function sliceCategories(param: ChartParam, points: readonly SlicePoint[]): ParamValue[] {
  const cats = [...(param.choices ?? [])];
  for (const p of points) if (!cats.includes(p.x)) cats.push(p.x);
  return cats;
}
