export { matern52 } from './kernel';
export type { FitOptions, GpHyperparameters, GpModel } from './model';
export { conditionGp, fitGpHyperparameters, gpPredict, gpPriors, minNoiseVariance } from './model';
export { logExpectedImprovement, LogAcquisition } from './acquisition';
export type { GpSuggestInput, GpSuggestMultiInput } from './suggest';
export { gpSuggest, gpSuggestMulti, parEgoRho } from './suggest';
