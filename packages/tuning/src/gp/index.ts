export { matern52 } from './kernel.ts';
export type { GpHyperparameters, GpModel } from './model.ts';
export { conditionGp, extendGp, gpPredict } from './model.ts';
export type { FitOptions } from './fit.ts';
export { defaultFitRestarts, fitGpHyperparameters, gpPriors, minNoiseVariance } from './fit.ts';
export type { Acquisition } from './acquisition.ts';
export { logExpectedImprovement, LogAcquisition, LowerConfidenceBound } from './acquisition.ts';
export type { GpFitResult, GpFitSizes, GpLiar, GpPrepared, GpPriorMean, GpSuggestInput, GpSuggestMultiInput } from './suggest.ts';
export { batchLcbBeta, defaultGpLiar, defaultGpPriorMean, defaultMaxModelPoints, gpPrepare, maxModelPointsFor, gpPropose, gpSuggest, gpSuggestDetailed, gpSuggestMulti, modelSubset, parEgoRho } from './suggest.ts';
