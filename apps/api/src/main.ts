import { createDb, DataFolderLockedError } from '@tuneboard/db';
import { pino } from 'pino';
import { readApiEnv } from './env.ts';
import { startOps } from './ops/start.ts';
import { startApiServer } from './server.ts';

/** `npm run start -w @tuneboard/api`: migrate, serve, and shut down gracefully on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const env = readApiEnv();
  const log = pino({ level: env.LOG_LEVEL });
  const handle = await createDb({ onError: (error) => log.warn({ err: error }, 'database connection error') });
  log.info({ database: handle.kind, location: handle.location }, 'migrating the database');
  const { applied } = await handle.migrate();
  if (applied.length > 0) log.info({ applied }, 'migrations applied');
  let server;
  try {
    server = await startApiServer(handle, env, log);
  } catch (error) {
    await handle.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`Port ${env.PORT} on ${env.HOST} is taken: stop what uses it, or set PORT to another port.`);
    }
    throw error;
  }
  log.info({ url: server.url }, 'Tuneboard API ready');
  const metrics = await startOps(handle, env, log);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      log.error('shutdown took over 10 s; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    await metrics?.close();
    await server.close();
    log.info('HTTP and WebSocket closed; closing the database');
    await handle.close();
    log.info('stopped');
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  const message = error instanceof DataFolderLockedError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`tuneboard-api: ${message}\n`);
  process.exit(1);
});
