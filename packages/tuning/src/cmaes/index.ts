export type { CmaesParameters, CmaesState } from './cmaes';
export {
  applyMargin,
  cmaesParameters,
  defaultPopulationSize,
  defaultSigma0,
  initialCmaesState,
  restartState,
  sampleCandidates,
  shouldRestart,
  tellGeneration,
} from './cmaes';
export type { CmaesReplay, CmaesSuggestInput, CmaesTrial } from './suggest';
export { cmaesSuggest, replayCmaes } from './suggest';
