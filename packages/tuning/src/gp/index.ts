export { matern52 } from './kernel';
export type { FitOptions, GpHyperparameters, GpModel } from './model';
export { conditionGp, defaultFitRestarts, fitGpHyperparameters, gpPredict, gpPriors, minNoiseVariance } from './model';
export { logExpectedImprovement, LogAcquisition } from './acquisition';
export type { GpFitResult, GpSuggestInput, GpSuggestMultiInput } from './suggest';
export { gpSuggest, gpSuggestDetailed, gpSuggestMulti, parEgoRho } from './suggest';
