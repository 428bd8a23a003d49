export type { ImportanceInput } from './ped-anova';
export { defaultTargetQuantile, pedAnovaImportance, pedAnovaImportancePerObjective } from './ped-anova';
