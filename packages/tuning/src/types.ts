/** A parameter's value as stored in a trial: floats and ints are numbers, categoricals any of the three. */
export type ParamValue = number | string | boolean;

/** Whether an objective is to be made small or large. */
export type Direction = 'minimize' | 'maximize';

/** The life cycle of a trial, as the API stores it. */
export type TrialState = 'PENDING' | 'RUNNING' | 'COMPLETE' | 'PRUNED' | 'FAIL';

/** One reported point of a learning curve. */
export interface IntermediateValue {
  step: number;
  value: number;
}

/**
 * An immutable view of a trial, the only history samplers and pruners read. `values` holds one entry per
 * objective once the trial is COMPLETE; `intermediate` holds the learning curve of the first objective.
 */
export interface FrozenTrial {
  number: number;
  state: TrialState;
  params: Record<string, ParamValue>;
  values?: number[];
  intermediate?: IntermediateValue[];
  /**
   * Constraint values reported with the result, one per constraint; a value ≤ 0 means that constraint is
   * satisfied. Read by the GP and NSGA-II samplers (constrained EI, constraint-domination).
   */
  constraints?: number[];
}

/** A suggestion: parameter name to value, holding exactly the parameters active under the space's conditions. */
export type Params = Record<string, ParamValue>;
