export type { Direction } from './pareto';
export {
  constrainedDominates,
  constraintViolation,
  crowdingDistance,
  dominates,
  nonDominatedRanks,
  nonDominatedSort,
  paretoFront,
  toMinimization,
} from './pareto';
export { hypervolume } from './hypervolume';
export type { Nsga2Member, Nsga2SuggestInput, Nsga2Trial } from './nsga2';
export { nsga2Population, nsga2Suggest, polynomialMutation, sbx } from './nsga2';
