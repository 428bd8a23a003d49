export type { CmaesParameters, CmaesState } from './cmaes';
export {
  applyMargin,
  cmaesParameters,
  defaultPopulationSize,
  defaultSigma0,
  initialCmaesState,
  sampleCandidates,
  tellGeneration,
} from './cmaes';
export { restartState, shouldRestart, terminationTolerances } from './restarts';
export type { CmaesReplay, CmaesSuggestInput, CmaesTrial } from './suggest';
export { cmaesSuggest, replayCmaes } from './suggest';
