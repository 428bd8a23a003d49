// `tuneboard-runner --api URL --token T [--concurrency N] [--backend …] [--labels …] [--name …] [--study …]`
import { RunnerAgent } from './agent/agent.ts';
import { ConfigError, parseRunnerConfig, usage } from './agent/config.ts';
import { errorMessage } from './agent/graphql-client.ts';
import { createLogger } from './agent/logger.ts';
import { RunnerMetrics, startRunnerMetricsServer } from './agent/metrics.ts';
import { TtyProgress } from './agent/progress.ts';
import { readRunnerEnv } from './env.ts';

async function main(argv: string[]): Promise<number> {
  let config;
  let env;
  try {
    env = readRunnerEnv();
    config = parseRunnerConfig(argv, env);
  } catch (error) {
    process.stderr.write(`tuneboard-runner: ${errorMessage(error)}\n`);
    if (!(error instanceof ConfigError)) return 1;
    process.stderr.write('Run with --help for the options.\n');
    return 2;
  }
  if (config === 'help') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  // On a terminal the running trials share one status line rewritten per epoch; piped into a file or journald,
  // each epoch is a line of its own so the log reads top to bottom.
  const progress = process.stdout.isTTY && config.logLevel !== 'warn' && config.logLevel !== 'error' ? new TtyProgress() : undefined;
  const log = createLogger(config.logLevel, progress?.write);
  const metrics = env?.TUNEBOARD_RUNNER_METRICS_PORT === undefined ? undefined : new RunnerMetrics();
  let metricsServer;
  if (metrics) {
    try {
      metricsServer = await startRunnerMetricsServer(metrics, env!.TUNEBOARD_RUNNER_METRICS_PORT!, env!.TUNEBOARD_RUNNER_METRICS_HOST);
      log.info(`metrics on ${metricsServer.url}`);
    } catch (error) {
      log.error(`TUNEBOARD_RUNNER_METRICS_PORT=${env!.TUNEBOARD_RUNNER_METRICS_PORT}: ${errorMessage(error)}`);
      return 2;
    }
  }
  const agent = new RunnerAgent({ ...config, log, progress, metrics });
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) {
      log.warn(`${signal} again: exiting now without releasing`);
      process.exit(130);
    }
    log.info(`${signal}: stopping (send it again to exit at once)`);
    void agent.stop();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  // The terminal closed (an SSH session dropped): stop as on SIGTERM, handing the trials back, not die holding them.
  process.on('SIGHUP', onSignal);
  // A bug in one trial's path must not take the other slots down with it.
  process.on('unhandledRejection', (reason) => log.error(`unhandled rejection: ${errorMessage(reason)}`));
  try {
    await agent.start();
  } catch (error) {
    log.error(errorMessage(error));
    await metricsServer?.close();
    return 1;
  }
  await agent.finished();
  await metricsServer?.close();
  return agent.fatal ? 1 : 0;
}

process.exit(await main(process.argv.slice(2)));
