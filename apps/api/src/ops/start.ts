import type { DbHandle } from '@tuneboard/db';
import type { Logger } from 'pino';
import type { ApiEnv } from '../env.ts';
import { startMetricsServer, type MetricsServer } from './metrics-server.ts';

/** Starts the metrics port when `TUNEBOARD_METRICS_PORT` is set (main.ts); undefined otherwise. */
export async function startOps(
  handle: DbHandle,
  env: ApiEnv,
  log: Logger,
): Promise<MetricsServer | undefined> {
  if (env.TUNEBOARD_METRICS_PORT === undefined) return undefined;
  try {
    const server = await startMetricsServer(handle, {
      port: env.TUNEBOARD_METRICS_PORT,
      host: env.TUNEBOARD_METRICS_HOST ?? env.HOST,
      token: env.TUNEBOARD_METRICS_TOKEN,
      maxStudies: env.TUNEBOARD_METRICS_MAX_STUDIES,
      log,
    });
    log.info({ url: server.url, token: env.TUNEBOARD_METRICS_TOKEN ? 'required' : 'none' }, 'metrics ready');
    return server;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(
        `Port ${env.TUNEBOARD_METRICS_PORT} (TUNEBOARD_METRICS_PORT) is taken: set TUNEBOARD_METRICS_PORT to another port.`,
      );
    }
    throw error;
  }
}
