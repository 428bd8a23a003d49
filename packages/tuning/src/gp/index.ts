export { matern52 } from './kernel';
export type { FitOptions, GpHyperparameters, GpModel } from './model';
export { conditionGp, extendGp, defaultFitRestarts, fitGpHyperparameters, gpPredict, gpPriors, minNoiseVariance } from './model';
export { logExpectedImprovement, LogAcquisition } from './acquisition';
export type { GpFitResult, GpFitSizes, GpLiar, GpPrepared, GpSuggestInput, GpSuggestMultiInput } from './suggest';
export { defaultGpLiar, defaultMaxModelPoints, gpPrepare, gpPropose, gpSuggest, gpSuggestDetailed, gpSuggestMulti, modelSubset, parEgoRho } from './suggest';
