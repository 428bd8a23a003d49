// The runner as a library: the agent loop the CLI runs, and its parts.
export { RunnerAgent } from './agent/agent';
export type { AgentOptions } from './agent/agent';
export { parseRunnerConfig, defaultRunnerName, ConfigError, usage } from './agent/config';
export type { RunnerConfig } from './agent/config';
export { MetricReporter } from './agent/reporter';
export { createGraphQLClient } from './agent/graphql-client';
export { createThreadedGraphQLClient } from './network/threaded-client';
export type { ThreadedClient } from './network/threaded-client';
export { createLogger } from './agent/logger';
export type { Logger, LogLevel } from './agent/logger';
export { readRunnerEnv } from './env';
export { SlotProcesses } from './slots/slot-processes';
export type { SlotProcessesOptions, SlotProcessInfo } from './slots/slot-processes';
export type { RunObjective } from './agent/trial-run';
export { TtyProgress, formatProgress } from './agent/progress';
export type { ProgressSink } from './agent/progress';
