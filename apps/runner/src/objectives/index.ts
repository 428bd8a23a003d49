export { runObjective } from './run-objective';
export type { ObjectiveResult, RunObjectiveOptions } from './run-objective';
export { runCommand, parseMetricLine, paramsToArgs, defaultKillGraceSeconds, stderrTailBytes } from './command';
export type { CommandResult, RunCommandOptions, TrialContext } from './command';
export { checkCommand, commandsRefusedMessage, refuseCommands, resolveProgram } from './command-policy';
export type { CommandPolicy } from './command-policy';
export type { MetricPoint, MetricsDecision, OnMetrics } from './metrics';
export {
  builtinDatasetNames,
  objectiveDirections,
  objectiveMetrics,
  objectiveSpecSchema,
  parseObjectiveSpec,
  templateNames,
  templateObjectiveMetrics,
} from '@tuneboard/contract';
export type { BuiltinDatasetName, ClientObjectiveSpec, CommandObjectiveSpec, ObjectiveSpec, TemplateName, TemplateObjectiveSpec } from '@tuneboard/contract';
