import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DbHandle } from '@tuneboard/db';
import type { Logger } from 'pino';
import { queueRegistry } from './queue-metrics.ts';
import { serverMetrics } from './server-metrics.ts';

export interface MetricsServerOptions {
  port: number;
  host: string;
  /** When set, a scrape must send `Authorization: Bearer <token>`. */
  token?: string | undefined;
  /** Most studies with series of their own in `tuneboard_study_trials`. */
  maxStudies: number;
  log: Pick<Logger, 'warn'>;
}

export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Prometheus's `/metrics`, on a port of its own (`TUNEBOARD_METRICS_PORT`), never on the public API port: the
 * load balancer and the Ingress do not route to it, a NetworkPolicy lets only the monitoring namespace reach it
 * (deploy/k8s), and `TUNEBOARD_METRICS_TOKEN` adds a bearer token where the network alone is not enough.
 * The series name no study, project, team or person: per-study gauges carry the study's id only.
 */
export async function startMetricsServer(
  handle: Pick<DbHandle, 'query' | 'poolStats'>,
  options: MetricsServerOptions,
): Promise<MetricsServer> {
  const database = serverMetrics(handle, options.maxStudies);
  const expected = options.token ? Buffer.from(`Bearer ${options.token}`) : undefined;
  const authorised = (header: string | undefined) => {
    if (!expected) return true;
    const given = Buffer.from(header ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const server = http.createServer((request, response) => {
    const path = (request.url ?? '').split('?', 1)[0];
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found: GET /metrics');
      return;
    }
    if (!authorised(request.headers.authorization)) {
      response
        .writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer' })
        .end('Unauthorized');
      return;
    }
    Promise.all([queueRegistry.metrics(), database.metrics()])
      .then(([queue, db]) => {
        response.writeHead(200, { 'content-type': queueRegistry.contentType }).end(`${queue}\n${db}`);
      })
      .catch((error: unknown) => {
        options.log.warn({ err: error }, 'collecting metrics failed');
        response
          .writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
          .end('Collecting metrics failed');
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  return {
    url: `http://${host}:${port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
