export { runObjective } from './run-objective.ts';
export type { ObjectiveResult, RunObjectiveOptions } from './run-objective.ts';
export { runCommand, parseMetricLine, paramsToArgs, defaultKillGraceSeconds, stderrTailBytes } from './command.ts';
export type { CommandResult, RunCommandOptions, TrialContext } from './command.ts';
export { checkCommand, commandsRefusedMessage, refuseCommands, resolveProgram } from './command-policy.ts';
export type { CommandPolicy } from './command-policy.ts';
export type { MetricPoint, MetricsDecision, OnMetrics } from './metrics.ts';
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
