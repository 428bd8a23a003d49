export type { ImportanceInput } from './ped-anova';
export { defaultTargetQuantile, pedAnovaImportance, pedAnovaImportancePerObjective } from './ped-anova';
export type { ParameterImportance, ParameterImportanceOptions } from './parameter-importance';
export { parameterImportance } from './parameter-importance';
