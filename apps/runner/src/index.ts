// The runner as a library: the agent loop the CLI runs, and its parts.
export { RunnerAgent } from './agent/agent.ts';
export type { AgentOptions } from './agent/agent.ts';
export { parseRunnerConfig, defaultRunnerName, ConfigError, usage } from './agent/config.ts';
export type { RunnerConfig } from './agent/config.ts';
export { MetricReporter } from './agent/reporter.ts';
export { createGraphQLClient } from './agent/graphql-client.ts';
export { createThreadedGraphQLClient } from './network/threaded-client.ts';
export type { ThreadedClient } from './network/threaded-client.ts';
export { createLogger } from './agent/logger.ts';
export type { Logger, LogLevel } from './agent/logger.ts';
export { readRunnerEnv } from './env.ts';
export { SlotProcesses } from './slots/slot-processes.ts';
export type { SlotProcessesOptions, SlotProcessInfo } from './slots/slot-processes.ts';
export type { RunObjective } from './agent/trial-run.ts';
export { TtyProgress, formatProgress } from './agent/progress.ts';
export type { ProgressSink } from './agent/progress.ts';
