// The runner's Prometheus metrics: counted by a real agent against the real API (PGlite), and served by the CLI
// when TUNEBOARD_RUNNER_METRICS_PORT is set.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStudy, setupTeam, startTestApi, type TestApi } from '@tuneboard/api/testing';
import { createDb, type DbHandle } from '@tuneboard/db';
import { RunnerAgent } from './agent.ts';
import { memoryLogger } from './logger.ts';
import { RunnerMetrics, startRunnerMetricsServer } from './metrics.ts';
import type { RunObjective } from './trial-run.ts';

const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));

function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** Two epochs of a template-like objective: val_loss, 1,000 samples/s for 0.5 s each. */
const training: RunObjective = async (_spec, params, options) => {
  for (let step = 1; step <= 2; step += 1) {
    await options.onMetrics?.([
      { key: 'val_loss', step, value: (params.x as number) / step },
      { key: 'samples_per_second', step, value: 1000 },
      { key: 'epoch_seconds', step, value: 0.5 },
    ]);
  }
  return { state: 'COMPLETE', values: [(params.x as number) / 2] };
};

describe('runner metrics [pglite]', () => {
  let handle: DbHandle;
  let api: TestApi;
  let team: Awaited<ReturnType<typeof setupTeam>>;
  beforeAll(async () => {
    handle = await createDb({ dataDir: 'memory://' });
    await handle.migrate();
    api = await startTestApi(handle);
    team = await setupTeam(api, 'runner-metrics');
  }, 60_000);
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  it('counts the trials, points and samples a runner ran, and serves them on /metrics', async () => {
    const study = await createStudy(api, team, {
      space: { x: { type: 'float', low: 0.5, high: 1 } },
      budget: { maxTrials: 3, maxParallel: 1 },
    });
    const metrics = new RunnerMetrics({ defaultMetrics: false });
    const agent = new RunnerAgent({
      api: api.server.url,
      token: team.runnerAuth.token,
      concurrency: 1,
      backend: 'cpu',
      labels: [],
      name: 'metrics-agent',
      studyId: study.id,
      logLevel: 'warn',
      pollMs: 300,
      shutdownMs: 5_000,
      skipBackend: true,
      runObjective: training,
      log: memoryLogger([]),
      metrics,
    });
    await agent.start();
    const server = await startRunnerMetricsServer(metrics, 0, '127.0.0.1');
    try {
      await expect.poll(() => agent.outcomes.length, { timeout: 30_000, interval: 100 }).toBe(3);
      const text = await (await fetch(server.url)).text();
      expect(sample(text, 'tuneboard_runner_trials_total{outcome="complete"}')).toBe(3);
      expect(sample(text, 'tuneboard_runner_trials_running')).toBe(0);
      expect(sample(text, 'tuneboard_runner_metric_points_total')).toBe(3 * 2 * 3);
      expect(sample(text, 'tuneboard_runner_samples_total')).toBe(3 * 2 * 500);
      expect(sample(text, 'tuneboard_runner_samples_per_second{slot="0"}')).toBe(1000);
      expect(sample(text, 'tuneboard_runner_info{backend="none",slots="1"}')).toBe(1);
      expect((await fetch(server.url.replace('/metrics', '/'))).status).toBe(404);
    } finally {
      await agent.stop();
      await server.close();
    }
  });

  it('serves them from the CLI on TUNEBOARD_RUNNER_METRICS_PORT, naming the backend it loaded', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', cli, '--api', api.server.url, '--backend', 'cpu', '--name', 'metrics-cli'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          TUNEBOARD_TOKEN: team.runnerAuth.token,
          TUNEBOARD_RUNNER_METRICS_PORT: '0',
          TUNEBOARD_RUNNER_METRICS_HOST: '127.0.0.1',
        },
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await expect
        .poll(() => /registered with/.test(output) && /metrics on (http:\S+)/.exec(output)?.[1], {
          timeout: 60_000,
          interval: 100,
        })
        .toBeTruthy();
      const url = /metrics on (http:\S+)/.exec(output)![1]!;
      const text = await (await fetch(url)).text();
      expect(sample(text, 'tuneboard_runner_info{backend="cpu",slots="1"}')).toBe(1);
      expect(text).toContain('nodejs_eventloop_lag_seconds');
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }, 90_000);
});
