// npm run bench:runner-overhead [-- --trials 4 --epochs 40]
// The runner's own overhead: a study of digits-MLP trials run by the real runner loop against a real API
// (its own process, on embedded PGlite in a temporary folder), beside the same trials run by calling the
// objective directly in this process. Everything the loop adds — claiming, batching and sending metrics,
// heartbeats, completing, waiting for the next claim — is the difference.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createStudy, setupTeam, type TestApi } from '@tuneboard/api/testing';
import { RunnerAgent, createLogger } from '@tuneboard/runner';
import { runObjective } from '@tuneboard/runner/objectives';

const { values: flags } = parseArgs({
  options: { trials: { type: 'string', default: '4' }, epochs: { type: 'string', default: '40' } },
});
const trials = Number(flags.trials);
const epochs = Number(flags.epochs);
const log = (line: string) => process.stdout.write(`${line}\n`);

const objective = { kind: 'template', template: 'mlp', dataset: 'digits' };
const space = {
  learning_rate: { type: 'float', low: 0.001, high: 0.01, log: true },
  units: { type: 'categorical', choices: [64, 128] },
  epochs: { type: 'categorical', choices: [epochs] },
};

async function main(): Promise<void> {
  log(`bench:runner-overhead — ${trials} digits-MLP trials of ${epochs} epochs, backend wasm, API on embedded PGlite`);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tuneboard-overhead-'));
  const main = fileURLToPath(new URL('../../apps/api/src/main.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { PORT: '0', LOG_LEVEL: 'info', TUNEBOARD_DATA_DIR: path.join(folder, 'pglite') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += String(chunk);
      const match = /"url":"([^"]+)","msg":"Tuneboard API ready"/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the API exited with ${code}`)));
  });
  const api = { server: { url }, gql: graphql } as unknown as TestApi;
  async function graphql(query: string, variables: unknown, auth?: { cookie?: string; token?: string }) {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(auth?.cookie ? { cookie: auth.cookie } : {}),
        ...(auth?.token ? { authorization: `Bearer ${auth.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  }
  try {
    const team = await setupTeam(api, 'overhead');
    const study = await createStudy(api, team, {
      objectives: [{ name: 'val_accuracy', direction: 'MAXIMIZE' }],
      space,
      objective,
      sampler: { kind: 'random', seed: 11 },
      budget: { maxTrials: trials, maxParallel: 1 },
    });
    // Warm the backend and the data cache first, so neither side pays for them in the timed part.
    await runObjective(objective, { learning_rate: 0.003, units: 64, epochs: 1 }, { backend: 'wasm', seed: 1 });

    const agent = new RunnerAgent({
      api: api.server.url,
      token: team.runnerAuth.token,
      concurrency: 1,
      backend: 'wasm',
      labels: [],
      name: 'overhead',
      logLevel: 'warn',
      pollMs: 7_500,
      shutdownMs: 5_000,
      log: createLogger('warn'),
    });
    const started = performance.now();
    await agent.start();
    for (;;) {
      const { study: now } = await api.gql('query($id: ID!) { study(id: $id) { status } }', { id: study.id }, team.user);
      if (now.status === 'COMPLETED') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const loopSeconds = (performance.now() - started) / 1000;
    await agent.stop();

    const { study: done } = await api.gql(
      'query($id: ID!) { study(id: $id) { trials(first: 1000) { nodes { params state durationSeconds } } } }',
      { id: study.id },
      team.user,
    );
    const nodes = done.trials.nodes as { params: Record<string, unknown>; state: string; durationSeconds: number }[];
    const direct: number[] = [];
    for (const node of nodes) {
      const t0 = performance.now();
      await runObjective(objective, node.params, { backend: 'wasm', seed: 1 });
      direct.push((performance.now() - t0) / 1000);
    }
    const directSeconds = direct.reduce((a, b) => a + b, 0);
    const serverSeconds = nodes.reduce((a, n) => a + (n.durationSeconds ?? 0), 0);
    log('');
    log('| what | seconds |');
    log('| --- | --- |');
    log(`| study through the runner loop, first claim to COMPLETED (${nodes.length} trials, ${nodes.filter((n) => n.state === 'COMPLETE').length} complete) | ${loopSeconds.toFixed(2)} |`);
    log(`| sum of trial durations seen by the API (claim → complete) | ${serverSeconds.toFixed(2)} |`);
    log(`| the same trials by calling runObjective directly | ${directSeconds.toFixed(2)} |`);
    log('');
    log(
      `runner overhead: ${(100 * (loopSeconds - directSeconds) / loopSeconds).toFixed(2)} % of the study's wall time ` +
        `(${(100 * (serverSeconds - directSeconds) / serverSeconds).toFixed(2)} % inside the trials' leases); goal < 1 %`,
    );
  } finally {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:runner-overhead failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
