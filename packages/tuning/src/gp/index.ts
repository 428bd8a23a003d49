export { matern52 } from './kernel';
export type { GpHyperparameters, GpModel } from './model';
export { conditionGp, extendGp, gpPredict } from './model';
export type { FitOptions } from './fit';
export { defaultFitRestarts, fitGpHyperparameters, gpPriors, minNoiseVariance } from './fit';
export type { Acquisition } from './acquisition';
export { logExpectedImprovement, LogAcquisition, LowerConfidenceBound } from './acquisition';
export type { GpFitResult, GpFitSizes, GpLiar, GpPrepared, GpSuggestInput, GpSuggestMultiInput } from './suggest';
export { batchLcbBeta, defaultGpLiar, defaultMaxModelPoints, gpPrepare, gpPropose, gpSuggest, gpSuggestDetailed, gpSuggestMulti, modelSubset, parEgoRho } from './suggest';
