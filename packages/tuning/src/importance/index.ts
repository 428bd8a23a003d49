export type { ImportanceInput } from './ped-anova.ts';
export { defaultTargetQuantile, pedAnovaImportance, pedAnovaImportancePerObjective } from './ped-anova.ts';
export type { ParameterImportance, ParameterImportanceOptions } from './parameter-importance.ts';
export { parameterImportance } from './parameter-importance.ts';
