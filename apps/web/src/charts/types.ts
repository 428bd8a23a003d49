// Shared chart types: the study page maps GraphQL results onto these, the charts only ever see props.
export type TrialState = 'PENDING' | 'RUNNING' | 'COMPLETE' | 'PRUNED' | 'FAIL' | 'CANCELLED';
export type ParamValue = string | number | boolean;
export interface ChartTrial {
  id: string;
  number: number;
  state: TrialState;
  params: Record<string, ParamValue | undefined>;
  values: (number | null)[] | null;
  durationSeconds: number | null;
}
/** One per parameter of the study's space (conditional ones included). */
export interface ChartParam {
  name: string;
  kind: 'float' | 'int' | 'categorical';
  log: boolean;
  low?: number;
  high?: number;
  choices?: ParamValue[];
}
export interface ChartObjective {
  name: string;
  direction: 'MINIMIZE' | 'MAXIMIZE';
}
/** Axis keys: `param:<name>` or `objective:<index>`. */
export type AxisKey = string;
export type AxisSelection = { kind: 'range'; low: number; high: number } | { kind: 'set'; values: ParamValue[] };
export type Brush = Record<AxisKey, AxisSelection>;
export interface SeriesPoint {
  step: number;
  value: number;
}
export interface TrialSeries {
  trialId: string;
  number: number;
  state: TrialState;
  points: SeriesPoint[];
}

/** The `studyRefine` input's `ranges`: `[low, high]` for a numeric parameter, the kept choices for a categorical one. */
export type RefineRanges = Record<string, [number, number] | ParamValue[]>;

export const paramAxisKey = (name: string): AxisKey => `param:${name}`;
export const objectiveAxisKey = (index: number): AxisKey => `objective:${index}`;
