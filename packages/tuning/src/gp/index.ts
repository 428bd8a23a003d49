export { matern52 } from './kernel';
export type { GpHyperparameters, GpModel } from './model';
export { conditionGp, extendGp, gpPredict } from './model';
export type { FitOptions } from './fit';
export { defaultFitRestarts, fitGpHyperparameters, gpPriors, minNoiseVariance } from './fit';
export { logExpectedImprovement, LogAcquisition } from './acquisition';
export type { GpFitResult, GpFitSizes, GpLiar, GpPrepared, GpSuggestInput, GpSuggestMultiInput } from './suggest';
export { defaultGpLiar, defaultMaxModelPoints, gpPrepare, gpPropose, gpSuggest, gpSuggestDetailed, gpSuggestMulti, modelSubset, parEgoRho } from './suggest';
