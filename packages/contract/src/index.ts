// The study contract: what a study is, shared by the API (validation), the runner (what it executes and reports)
// and the dashboard (the forms). Pure TypeScript and zod: no I/O, nothing that runs at import.
export type { Issue } from './issues.ts';
export {
  DESCRIPTION_MAX,
  MAX_METRIC_KEYS_PER_TRIAL,
  MAX_OBJECTIVES,
  MAX_REPORT_POINTS,
  METRIC_NAME,
  METRIC_NAME_MAX,
  METRIC_NAME_RULE,
  STUDY_NAME_MAX,
  isMetricName,
  metricNameSchema,
} from './names.ts';
export { directions, fromWireDirection, toWireDirection } from './directions.ts';
export type { Direction, WireDirection } from './directions.ts';
export { BUDGET_BOUNDS, BUDGET_FIELDS, DEFAULT_MAX_FAILURES, DEFAULT_MAX_PARALLEL, budgetIssues } from './budget.ts';
export type { Budget, BudgetField } from './budget.ts';
export { SPEC_FIELDS, checkSpace, normalizeSpace, spaceErrorPath, spaceFromEntries } from './space.ts';
export type { NamedParam, SpecField } from './space.ts';
export { duplicateJsonKey } from './json-keys.ts';
// The space's semantics live in @tuneboard/tuning (its samplers read them); the contract is how others reach them.
export { MAX_CHOICES, MAX_NAME_LENGTH, MAX_PARAMS, SpaceError, parseSpace, spaceContains, spaceToJson } from '@tuneboard/tuning';
export type { ParamDef, ParamSpecJson, ParamValue, SearchSpace, SpaceJson } from '@tuneboard/tuning';
export * from './objective-spec.ts';
export { buildConfig, kindSpec, prunerKindNames, prunerKinds, samplerKindNames, samplerKinds } from './options.ts';
export type { KindSpec, OptionSpec, OptionType, OptionValues } from './options.ts';
export { MAX_ALLOWED_PROGRAMS, MAX_CONSTRAINTS, acceptsCommands, allowedPrograms, commandCapabilitiesIssue, constraintsIssue } from './runner.ts';
export type { RunnerCapabilities } from './runner.ts';
export { DEFAULT_KEEP_MODELS, KEEP_MODELS_BOUNDS, keepModelsIssue } from './models.ts';
export { TIME_ZONE_MAX, canonicalTimeZone, timeZoneIssue, wallClockToUtc } from './time-zone.ts';
