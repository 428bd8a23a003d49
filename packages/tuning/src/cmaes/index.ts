export type { CmaesParameters, CmaesState } from './cmaes.ts';
export {
  applyMargin,
  cmaesParameters,
  defaultPopulationSize,
  defaultSigma0,
  initialCmaesState,
  sampleCandidates,
  tellGeneration,
} from './cmaes.ts';
export { restartState, shouldRestart, terminationTolerances } from './restarts.ts';
export type { CmaesReplay, CmaesSuggestInput, CmaesTrial } from './suggest.ts';
export { cmaesSuggest, replayCmaes } from './suggest.ts';
