// Shared by the agent's tests against the real API (in-process Apollo + graphql-ws on PGlite, and Postgres when
// TEST_DATABASE_URL is set): objectives, polling helpers, and a fixture of one API, team and set of runners per
// database, with short command objectives so each file stays fast.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { createStudy, setupTeam, startTestApi } from '@tuneboard/api/testing';
import type { TestApi } from '@tuneboard/api/testing';
import type { DbHandle } from '@tuneboard/db';
import type { testDatabases } from '@tuneboard/db/testing';
import { RunnerAgent } from './agent.ts';
import type { AgentOptions } from './agent.ts';
import type { RunObjective } from './trial-run.ts';
import { memoryLogger } from './logger.ts';

const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));

/** A Node objective: `steps` points of val_loss = base + x / (step + 1), `pauseMs` apart. */
export function nodeObjective(steps: number, pauseMs: number, base = 0): string[] {
  const script = `
    process.stdout.on('error', () => process.exit(0));
    const x = JSON.parse(process.env.TUNEBOARD_PARAMS).x;
    let step = 0;
    const tick = () => {
      console.log(JSON.stringify({ step, val_loss: ${base} + x / (step + 1) }));
      if (++step < ${steps}) setTimeout(tick, ${pauseMs}); };
    tick();`;
  return ['node', '-e', script, '--'];
}

export type Team = Awaited<ReturnType<typeof setupTeam>>;
export interface TrialView {
  id: string;
  number: number;
  state: string;
  attempt: number;
  values: (number | string)[] | null;
  error: string | null;
}
export interface Series {
  key: string;
  points: { step: number; value: number | string }[];
}

const TRIALS = `query($id: ID!) { study(id: $id) { status counts { pending running complete pruned fail total }
  trials(first: 20) { nodes { id number state attempt values error } } } }`;
const METRICS = `query($id: ID!, $attempt: Int) { trial(id: $id) {
  metrics(attempt: $attempt, maxPoints: 2000) { key points { step value } } } }`;

/**
 * A stand-in for training: `epochs` steps of val_loss = x / step, `pauseMs` apart, stopping on abort. Counts how
 * many of its calls run at once in `active.max`.
 */
export function fakeTraining(pauseMs: number, active = { now: 0, max: 0 }): RunObjective {
  return async (_spec, params, options) => {
    active.now += 1;
    active.max = Math.max(active.max, active.now);
    try {
      const x = params.x as number;
      const epochs = params.epochs as number;
      for (let step = 1; step <= epochs; step += 1) {
        if (options.signal?.aborted) return { state: 'PRUNED', stoppedBy: 'signal' };
        await options.onMetrics?.([{ key: 'val_loss', step, value: x / step }]);
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
      return { state: 'COMPLETE', values: [x / epochs] };
    } finally {
      active.now -= 1;
    }
  };
}

export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** How the child exited, or 'still running' after `ms`. */
export function exitedWithin(child: ChildProcess, ms: number): Promise<Awaited<ReturnType<typeof exited>> | 'still running'> {
  return Promise.race([exited(child), new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), ms))]);
}

export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve({ code: child.exitCode, signal: child.signalCode });
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

/**
 * One API on `target`'s database with a team, started before the describe's tests and closed after them with
 * every runner they started; the helpers below read them at call time.
 */
export function runnerFixture(target: (typeof testDatabases)[number]) {
  let handle: DbHandle;
  let api: TestApi;
  let team: Team;
  const agents: RunnerAgent[] = [];
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    handle = await target.create();
    api = await startTestApi(handle);
    team = await setupTeam(api, 'runner');
  }, 60_000);
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all(agents.map((agent) => agent.stop()));
    await api.close();
    await handle.close();
  }, 60_000);

  const study = (command: string[], overrides: Record<string, unknown> = {}) =>
    createStudy(api, team, {
      space: { x: { type: 'float', low: 0.5, high: 1 } },
      objective: { kind: 'command', command, metric: 'val_loss' },
      budget: { maxTrials: 1, maxParallel: 1 },
      ...overrides,
    });

  async function startAgent(
    studyId: string,
    url = api.server.url,
    lines: string[] = [],
    concurrency = 1,
    extra: Partial<AgentOptions> = {},
  ): Promise<RunnerAgent> {
    const agent = new RunnerAgent({
      api: url,
      token: team.runnerAuth.token,
      concurrency,
      backend: 'cpu',
      labels: ['test'],
      name: `agent-${Math.random().toString(36).slice(2, 8)}`,
      studyId,
      logLevel: 'debug',
      pollMs: 500,
      shutdownMs: 5_000,
      skipBackend: true,
      log: memoryLogger(lines),
      // These studies run commands: the runner is started as with --allow-commands.
      commands: { accept: true },
      ...extra,
    });
    agents.push(agent);
    await agent.start();
    return agent;
  }

  const trials = async (studyId: string, via = api) => {
    const { study: row } = await via.gql<{ study: { status: string; counts: Record<string, number>; trials: { nodes: TrialView[] } } }>(
      TRIALS,
      { id: studyId },
      team.user,
    );
    return row;
  };
  const metrics = async (trialId: string, attempt?: number, via = api): Promise<Series[]> =>
    (await via.gql<{ trial: { metrics: Series[] } }>(METRICS, { id: trialId, attempt }, team.user)).trial.metrics;
  const finished = (studyId: string, count = 1, via = api) =>
    until(`${count} finished trial(s) in ${studyId}`, async () => {
      const row = await trials(studyId, via);
      const done = row.trials.nodes.filter((t) => ['COMPLETE', 'PRUNED', 'FAIL'].includes(t.state));
      return done.length >= count ? row.trials.nodes : undefined;
    });

  function spawnRunnerOn(via: TestApi, studyId: string, output: string[], name: string, extra: string[] = [], detached = false): ChildProcess {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', cli, '--api', via.server.url, '--token', team.runnerAuth.token, '--study', studyId, '--backend', 'cpu', '--name', name,
        // Only node, the program of these studies' commands: the allow list end to end.
        '--allow-commands', process.execPath, ...extra],
      { stdio: ['ignore', 'pipe', 'pipe'], detached },
    );
    child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    children.push(child);
    return child;
  }

  /** Real training: the `mlp` template on iris (8 units), `epochs` each, maximising val_accuracy. */
  const irisStudy = (epochs: number, budget: { maxTrials: number; maxParallel: number }) =>
    study([], {
      space: { units: { type: 'categorical', choices: [8] }, epochs: { type: 'categorical', choices: [epochs] } },
      objective: { kind: 'template', template: 'mlp', dataset: 'iris', metric: 'val_accuracy' },
      objectives: [{ name: 'val_accuracy', direction: 'MAXIMIZE' }],
      budget,
    });

  const trainingStudy = (name: string, epochs: number, budget: { maxTrials: number; maxParallel: number }) =>
    study([], {
      name,
      space: { x: { type: 'float', low: 0.5, high: 1 }, epochs: { type: 'categorical', choices: [epochs] } },
      objective: { kind: 'template', template: 'mlp', dataset: 'digits', metric: 'val_loss' },
      budget,
    });

  return {
    get handle() {
      return handle;
    },
    get api() {
      return api;
    },
    get team() {
      return team;
    },
    study,
    startAgent,
    trials,
    metrics,
    finished,
    spawnRunnerOn,
    irisStudy,
    trainingStudy,
  };
}
