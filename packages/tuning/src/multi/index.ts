// Pareto helpers for the dashboard and NSGA-II. `Direction` ('minimize' | 'maximize') is the same union as the
// package's own, so it is not re-exported here.
export {
  constrainedDominates,
  constraintViolation,
  crowdingDistance,
  dominates,
  nonDominatedRanks,
  nonDominatedSort,
  paretoFront,
  toMinimization,
} from './pareto.ts';
export { hypervolume } from './hypervolume.ts';
export type { Nsga2Member, Nsga2SuggestInput, Nsga2Trial } from './nsga2.ts';
export { nsga2Population, nsga2Suggest, polynomialMutation, sbx } from './nsga2.ts';
