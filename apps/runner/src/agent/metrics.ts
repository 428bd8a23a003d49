import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { MetricPoint } from '../objectives/metrics.ts';
import type { TrialRunOutcome } from './trial-run.ts';

/**
 * A runner's own Prometheus metrics (`TUNEBOARD_RUNNER_METRICS_PORT`): trials by outcome, trials running, metric
 * points, the training throughput each slot last reported (`samples_per_second` of template objectives), and the
 * backend. No study, trial or parameter appears in a label: only slot numbers and the backend's name.
 */
export class RunnerMetrics {
  readonly registry = new Registry();
  private readonly trials = new Counter({
    name: 'tuneboard_runner_trials_total',
    help: 'Trials this runner ended, by outcome: complete, fail, pruned (as reported), released (shutdown), lost (lease taken over), unreported.',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly running = new Gauge({
    name: 'tuneboard_runner_trials_running',
    help: 'Trials running now.',
    registers: [this.registry],
  });
  private readonly points = new Counter({
    name: 'tuneboard_runner_metric_points_total',
    help: 'Metric points the objectives produced (sent to the API in batches).',
    registers: [this.registry],
  });
  private readonly samples = new Counter({
    name: 'tuneboard_runner_samples_total',
    help: 'Training samples processed by template objectives (samples_per_second × epoch_seconds of each epoch); rate() is samples/s.',
    registers: [this.registry],
  });
  private readonly throughput = new Gauge({
    name: 'tuneboard_runner_samples_per_second',
    help: 'Training samples per second of the last epoch each slot reported (template objectives).',
    labelNames: ['slot'] as const,
    registers: [this.registry],
  });
  private readonly info = new Gauge({
    name: 'tuneboard_runner_info',
    help: 'Always 1; the labels name the training backend and the slots (concurrency).',
    labelNames: ['backend', 'slots'] as const,
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  setBackend(backend: string, slots: number): void {
    this.info.reset();
    this.info.set({ backend, slots: String(slots) }, 1);
  }

  trialStarted(): void {
    this.running.inc();
  }

  trialEnded(outcome: TrialRunOutcome): void {
    this.running.dec();
    this.trials.inc({ outcome: outcome.kind === 'finished' ? outcome.state.toLowerCase() : outcome.kind });
  }

  /** Points of one epoch or step batch of a slot's trial. */
  observePoints(slot: number, points: readonly MetricPoint[]): void {
    this.points.inc(points.length);
    // An epoch of a template objective carries both: the throughput and how long it took.
    let perSecond: number | undefined;
    let seconds: number | undefined;
    for (const point of points) {
      if (point.key === 'samples_per_second') perSecond = point.value;
      else if (point.key === 'epoch_seconds') seconds = point.value;
    }
    if (perSecond === undefined || !Number.isFinite(perSecond)) return;
    this.throughput.set({ slot: String(slot) }, perSecond);
    if (seconds !== undefined && Number.isFinite(seconds))
      this.samples.inc(Math.max(0, Math.round(perSecond * seconds)));
  }
}

/** Serves `GET /metrics` of `metrics` on `port` (0: any free port). */
export async function startRunnerMetricsServer(
  metrics: RunnerMetrics,
  port: number,
  host: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    if (
      (request.url ?? '').split('?', 1)[0] !== '/metrics' ||
      (request.method !== 'GET' && request.method !== 'HEAD')
    ) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found: GET /metrics');
      return;
    }
    metrics.registry
      .metrics()
      .then((text) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text))
      .catch(() =>
        response
          .writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
          .end('Collecting metrics failed'),
      );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
