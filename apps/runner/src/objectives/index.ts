export { runObjective } from './run-objective';
export type { ObjectiveResult, RunObjectiveOptions } from './run-objective';
export { runCommand, parseMetricLine, paramsToArgs, defaultKillGraceSeconds, stderrTailBytes } from './command';
export type { CommandResult, RunCommandOptions, TrialContext } from './command';
export type { MetricPoint, MetricsDecision, OnMetrics } from './metrics';
export * from './spec';
