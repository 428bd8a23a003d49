// The runner against the real API (in-process Apollo + graphql-ws on PGlite, and Postgres when
// TEST_DATABASE_URL is set), with short command objectives so the whole file stays fast.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStudy, setupTeam, startTestApi } from '@tuneboard/api/testing';
import type { TestApi } from '@tuneboard/api/testing';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { RunnerAgent } from './agent';
import type { AgentOptions } from './agent';
import type { RunObjective } from './trial-run';
import { memoryLogger } from './logger';

const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));

/** A Node objective: `steps` points of val_loss = base + x / (step + 1), `pauseMs` apart. */
function nodeObjective(steps: number, pauseMs: number, base = 0): string[] {
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

type Team = Awaited<ReturnType<typeof setupTeam>>;
interface TrialView {
  id: string;
  number: number;
  state: string;
  attempt: number;
  values: (number | string)[] | null;
  error: string | null;
}
interface Series {
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
function fakeTraining(pauseMs: number, active = { now: 0, max: 0 }): RunObjective {
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

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** How the child exited, or 'still running' after `ms`. */
function exitedWithin(child: ChildProcess, ms: number): Promise<Awaited<ReturnType<typeof exited>> | 'still running'> {
  return Promise.race([exited(child), new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), ms))]);
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve({ code: child.exitCode, signal: child.signalCode });
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

describe.each(testDatabases)('the runner against the API [$name]', (target) => {
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

  it('runs a Node command objective to COMPLETE with its learning curve stored', async () => {
    const { id } = await study(nodeObjective(5, 20));
    const agent = await startAgent(id);
    const [trial] = await finished(id);
    expect(trial).toMatchObject({ state: 'COMPLETE', attempt: 0, error: null });
    const series = await metrics(trial!.id);
    expect(series.map((s) => s.key)).toEqual(['val_loss']);
    const points = series[0]!.points;
    expect(points.map((p) => p.step)).toEqual([0, 1, 2, 3, 4]);
    // The final value is the last one reported, and the study's value is that same number.
    expect(trial!.values).toEqual([points[4]!.value]);
    expect(points[0]!.value as number).toBeGreaterThanOrEqual(0.5);
    await agent.stop();
  }, 90_000);

  it('runs a Python command objective with several metrics and a final line, values in objective order', async () => {
    const script = [
      'import json, os, math',
      'p = json.loads(os.environ["TUNEBOARD_PARAMS"])',
      'for step in range(4):',
      '    print(json.dumps({"step": step, "val_loss": p["x"] / (step + 1), "accuracy": 0.5 + step / 10}), flush=True)',
      'print("not a metric line")',
      'print(json.dumps({"final": True, "accuracy": 0.9}))',
    ].join('\n');
    const { id } = await study(['python3', '-c', script], {
      objectives: [
        { name: 'accuracy', direction: 'MAXIMIZE' },
        { name: 'val_loss', direction: 'MINIMIZE' },
      ],
      objective: { kind: 'command', command: ['python3', '-c', script], metric: ['accuracy', 'val_loss'] },
    });
    const lines: string[] = [];
    const agent = await startAgent(id, api.server.url, lines);
    const [trial] = await finished(id);
    expect(trial!.state).toBe('COMPLETE');
    const series = await metrics(trial!.id);
    const byKey = Object.fromEntries(series.map((s) => [s.key, s.points]));
    expect(byKey.accuracy!.map((p) => p.step)).toEqual([0, 1, 2, 3]);
    expect(byKey.val_loss!.map((p) => p.step)).toEqual([0, 1, 2, 3]);
    const x = byKey.val_loss![0]!.value as number;
    // Values follow the study's objectives: accuracy (from the final line) first, then val_loss.
    expect(trial!.values).toEqual([0.9, x / 4]);
    expect(lines.some((line) => line.includes('not a metric line'))).toBe(true);
    expect(lines.some((line) => line.includes('COMPLETE'))).toBe(true);
    await agent.stop();
  }, 90_000);

  it('stops a bad trial when the median pruner says so: it ends PRUNED', async () => {
    const script = `
      const bad = process.env.TUNEBOARD_TRIAL_NUMBER !== '0';
      let step = 0;
      const tick = () => {
        console.log(JSON.stringify({ step, val_loss: bad ? 5 : 0.1 }));
        if (++step < 200) bad ? setTimeout(tick, 50) : tick(); };
      tick();`;
    const { id } = await study(['node', '-e', script, '--'], {
      pruner: { kind: 'median', startupTrials: 1, warmupSteps: 0 },
      budget: { maxTrials: 2, maxParallel: 1 },
    });
    const lines: string[] = [];
    const agent = await startAgent(id, api.server.url, lines);
    const nodes = await finished(id, 2);
    const byNumber = Object.fromEntries(nodes.map((t) => [t.number, t]));
    expect(byNumber[0]!.state).toBe('COMPLETE');
    expect(byNumber[1]!.state).toBe('PRUNED');
    // Stopped early: the bad trial never reached its 200th step.
    const [curve] = await metrics(byNumber[1]!.id);
    expect(curve!.points.length).toBeLessThan(200);
    expect(lines.some((line) => line.includes('PRUNED'))).toBe(true);
    await agent.stop();
  }, 90_000);

  it('reports a failing trial with trialFail and goes on with the next ones on two slots', async () => {
    const script = `
      if (process.env.TUNEBOARD_TRIAL_NUMBER === '0') { console.error('boom: out of memory'); process.exit(3); }
      for (let step = 0; step < 3; step++) console.log(JSON.stringify({ step, val_loss: 1 / (step + 1) }));`;
    const { id } = await study(['node', '-e', script, '--'], { budget: { maxTrials: 3, maxParallel: 2 } });
    const agent = await startAgent(id, api.server.url, [], 2);
    const nodes = await finished(id, 3);
    const byNumber = Object.fromEntries(nodes.map((t) => [t.number, t]));
    expect(byNumber[0]!.state).toBe('FAIL');
    expect(byNumber[0]!.error).toContain('exited with code 3');
    expect(byNumber[0]!.error).toContain('boom: out of memory');
    expect([byNumber[1]!.state, byNumber[2]!.state]).toEqual(['COMPLETE', 'COMPLETE']);
    await until('the runner to record three outcomes', async () => (agent.outcomes.length >= 3 ? true : undefined));
    expect(agent.outcomes.map((o) => o.outcome)).toHaveLength(3);
    await agent.stop();
  }, 90_000);

  it('re-queues the trial of a runner killed with SIGKILL and keeps the first attempt apart', async () => {
    const shortLeases = await startTestApi(handle, { LEASE_SECONDS: '3' });
    try {
      const { id } = await study(nodeObjective(40, 100));
      const output: string[] = [];
      const doomed = spawnRunnerOn(shortLeases, id, output, 'doomed');
      const trialId = await until('the first attempt to report', async () => {
        const [trial] = (await trials(id)).trials.nodes;
        if (!trial || trial.state !== 'RUNNING') return undefined;
        const [series] = await metrics(trial.id, 0);
        return (series?.points.length ?? 0) >= 3 ? trial.id : undefined;
      });
      doomed.kill('SIGKILL');
      expect(await exited(doomed)).toMatchObject({ signal: 'SIGKILL' });

      const rescuer = await startAgent(id, shortLeases.server.url);
      const [trial] = await finished(id);
      expect(trial).toMatchObject({ id: trialId, state: 'COMPLETE', attempt: 1 });
      const first = (await metrics(trialId, 0))[0]!.points;
      const second = (await metrics(trialId))[0]!.points;
      expect(first.length).toBeGreaterThanOrEqual(3);
      expect(first.length).toBeLessThan(40);
      expect(second.map((p) => p.step)).toEqual(Array.from({ length: 40 }, (_, i) => i));
      await rescuer.stop();
    } finally {
      await shortLeases.close();
    }
  }, 90_000);

  it('releases its trial on SIGTERM and exits 0 within the shutdown window', async () => {
    const { id } = await study(nodeObjective(1000, 100));
    const output: string[] = [];
    const runner = spawnRunnerOn(api, id, output, 'polite');
    await until('the trial to report', async () => {
      const [trial] = (await trials(id)).trials.nodes;
      if (!trial || trial.state !== 'RUNNING') return undefined;
      const [series] = await metrics(trial.id, 0);
      return (series?.points.length ?? 0) >= 2 ? true : undefined;
    });
    runner.kill('SIGTERM');
    // The bound is 5 s; the generous margin covers a loaded machine, not a slower design.
    const exit = await exitedWithin(runner, 15_000);
    expect(exit, output.join('')).toEqual({ code: 0, signal: null });
    const [trial] = (await trials(id)).trials.nodes;
    expect(trial).toMatchObject({ state: 'PENDING', attempt: 1, error: null });
    // The released attempt's points are kept under attempt 0.
    expect((await metrics(trial!.id, 0))[0]!.points.length).toBeGreaterThanOrEqual(2);
    expect(output.join('')).toContain('released');
  }, 90_000);

  /** Real training: the `mlp` template on iris (8 units), `epochs` each, maximising val_accuracy. */
  const irisStudy = (epochs: number, budget: { maxTrials: number; maxParallel: number }) =>
    study([], {
      space: { units: { type: 'categorical', choices: [8] }, epochs: { type: 'categorical', choices: [epochs] } },
      objective: { kind: 'template', template: 'mlp', dataset: 'iris', metric: 'val_accuracy' },
      objectives: [{ name: 'val_accuracy', direction: 'MAXIMIZE' }],
      budget,
    });

  it('hands its template trials back when Ctrl-C reaches the whole process group, slot processes included', async () => {
    const { id } = await irisStudy(10_000, { maxTrials: 2, maxParallel: 2 });
    const output: string[] = [];
    // Its own process group, as a runner started from a terminal: Ctrl-C signals the runner and its slot processes.
    const runner = spawnRunnerOn(api, id, output, 'ctrl-c', ['--concurrency', '2', '--slot-processes', 'on', '--gpus', '0'], true);
    await until('both trials to report', async () => {
      const nodes = (await trials(id)).trials.nodes;
      if (nodes.length < 2 || nodes.some((t) => t.state !== 'RUNNING')) return undefined;
      for (const trial of nodes) {
        const accuracy = (await metrics(trial.id, 0)).find((s) => s.key === 'val_accuracy');
        if ((accuracy?.points.length ?? 0) < 2) return undefined;
      }
      return true;
    });
    process.kill(-runner.pid!, 'SIGINT');
    const exit = await exitedWithin(runner, 15_000);
    expect(exit, output.join('')).toEqual({ code: 0, signal: null });
    const nodes = (await trials(id)).trials.nodes;
    expect(nodes.map((t) => [t.state, t.attempt, t.error])).toEqual([
      ['PENDING', 1, null],
      ['PENDING', 1, null],
    ]);
  }, 120_000);

  it('loses no acknowledged point when the API restarts mid-trial: all are stored exactly once', async () => {
    const first = await startTestApi(handle);
    const port = first.server.port;
    const { id } = await study(nodeObjective(40, 75));
    const lines: string[] = [];
    const agent = await startAgent(id, first.server.url, lines);
    const trialId = await until('points before the restart', async () => {
      const [trial] = (await trials(id)).trials.nodes;
      if (!trial || trial.state !== 'RUNNING') return undefined;
      const [series] = await metrics(trial.id);
      return (series?.points.length ?? 0) >= 5 ? trial.id : undefined;
    });
    await first.close();
    // Down long enough for the runner to fail a few reports and buffer.
    await until('a failed report', async () => (lines.some((line) => line.includes('keeping')) ? true : undefined), 20_000);
    const second = await startTestApi(handle, { PORT: String(port) });
    try {
      await finished(id, 1, second);
      const [trial] = (await trials(id, second)).trials.nodes;
      expect(trial).toMatchObject({ id: trialId, state: 'COMPLETE', attempt: 0 });
      const [series] = await metrics(trialId, undefined, second);
      expect(series!.points.map((p) => p.step)).toEqual(Array.from({ length: 40 }, (_, i) => i));
      const x = series!.points[0]!.value as number;
      series!.points.forEach((p) => expect(p.value).toBeCloseTo(x / (p.step + 1), 10));
      await agent.stop();
    } finally {
      await second.close();
    }
  }, 90_000);

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

  const trainingStudy = (name: string, epochs: number, budget: { maxTrials: number; maxParallel: number }) =>
    study([], {
      name,
      space: { x: { type: 'float', low: 0.5, high: 1 }, epochs: { type: 'categorical', choices: [epochs] } },
      objective: { kind: 'template', template: 'mlp', dataset: 'digits', metric: 'val_loss' },
      budget,
    });

  it('claims the next trial while the current one ends, one slot never holding more than two leases', async () => {
    const { id } = await trainingStudy(`ahead-${Date.now()}`, 10, { maxTrials: 4, maxParallel: 2 });
    const active = { now: 0, max: 0 };
    // Any ETA counts as "about to end": the next trial is claimed at the first epoch of each one.
    const agent = await startAgent(id, api.server.url, [], 1, { runObjective: fakeTraining(40, active), prefetchLeadMs: 3_600_000 });
    const nodes = await finished(id, 4);
    expect(nodes.map((t) => t.state)).toEqual(['COMPLETE', 'COMPLETE', 'COMPLETE', 'COMPLETE']);
    // A lease was claimed ahead (two held), never more than slots + 1, and the slot trained one trial at a time.
    expect(agent.maxLeasesHeld).toBe(2);
    expect(active.max).toBe(1);
    // The API can count the fourth COMPLETE before the runner has read the reply to its trialComplete.
    await until('the runner to record four outcomes', async () => (agent.outcomes.length >= 4 ? true : undefined));
    expect(agent.outcomes.map((o) => o.outcome.kind)).toEqual(['finished', 'finished', 'finished', 'finished']);
    await agent.stop();
  }, 90_000);

  it('claims ahead for every trial, also when the next one is sampled only after the current one started', async () => {
    // maxParallel 2 on one slot: trial 2 is pending when trial 1 is about to end, but trial 3 is sampled only
    // once trial 1 completes, after trial 2 has started and said it is about to end. The runner asks again
    // (when trial 1's end is acknowledged, or on the top-up's "trials available" event), so trials 2, 3 and 4
    // all wait claimed for the slot: none starts after an idle claim round trip.
    const { id } = await trainingStudy(`ahead-every-${Date.now()}`, 40, { maxTrials: 4, maxParallel: 2 });
    const agent = await startAgent(id, api.server.url, [], 1, { runObjective: fakeTraining(50), prefetchLeadMs: 3_600_000 });
    const nodes = await finished(id, 4);
    expect(nodes.map((t) => t.state)).toEqual(['COMPLETE', 'COMPLETE', 'COMPLETE', 'COMPLETE']);
    expect(agent.claimedAhead).toBe(3);
    expect(agent.maxLeasesHeld).toBe(2);
    await agent.stop();
  }, 90_000);

  it('gives a lease claimed ahead back to the queue on shutdown, with the running trial', async () => {
    const { id } = await trainingStudy(`ahead-stop-${Date.now()}`, 1_000, { maxTrials: 4, maxParallel: 2 });
    const agent = await startAgent(id, api.server.url, [], 1, { runObjective: fakeTraining(50), prefetchLeadMs: 3_600_000 });
    await until('a lease claimed ahead', async () => ((await trials(id)).counts.running === 2 ? true : undefined));
    await agent.stop();
    const row = await trials(id);
    expect(row.counts).toMatchObject({ running: 0, pending: 2 });
    expect(row.trials.nodes.every((t) => t.state === 'PENDING' && t.attempt === 1)).toBe(true);
  }, 90_000);

  it('releases a lease claimed ahead that waited longer than its hold', async () => {
    const { id } = await trainingStudy(`ahead-hold-${Date.now()}`, 1_000, { maxTrials: 4, maxParallel: 2 });
    const lines: string[] = [];
    const agent = await startAgent(id, api.server.url, lines, 1, {
      runObjective: fakeTraining(50),
      prefetchLeadMs: 3_600_000,
      prefetchHoldMs: 300,
    });
    await until('the held lease given back', async () => (lines.some((line) => line.includes('claimed ahead waited')) ? true : undefined));
    const row = await trials(id);
    expect(row.counts).toMatchObject({ running: 1, pending: 1 });
    expect(agent.runningTrials).toBe(1);
    await agent.stop();
  }, 90_000);

  it('prints a progress line per epoch and a final line per trial when the output is not a terminal', async () => {
    const name = `progress-${Date.now()}`;
    const { id } = await trainingStudy(name, 4, { maxTrials: 1, maxParallel: 1 });
    const lines: string[] = [];
    const agent = await startAgent(id, api.server.url, lines, 1, { runObjective: fakeTraining(20) });
    await finished(id);
    await agent.stop();
    const progress = lines.filter((line) => line.includes(` · ${name} · epoch `));
    expect(progress.map((line) => /epoch (\d+\/\d+)/.exec(line)?.[1])).toEqual(['1/4', '2/4', '3/4', '4/4']);
    expect(progress[0]).toMatch(/trial 0 · .* · epoch 1\/4 · val_loss=0\.\d{4} · \d+\.\d s elapsed · ETA \d+\.\d s$/);
    const final = lines.filter((line) => line.includes(` · ${name} · COMPLETE`));
    expect(final).toHaveLength(1);
    expect(final[0]).toMatch(/trial 0 · .* · COMPLETE val_loss=0\.\d{4} · \d+\.\d s$/);
  }, 90_000);

  it('trains template trials in one process per slot, each slot on its own GPU, and ends those processes on stop', async () => {
    const { id } = await irisStudy(3, { maxTrials: 4, maxParallel: 2 });
    const lines: string[] = [];
    // Two GPUs as far as the runner is told; the plain JS backend trains in each slot's process.
    const agent = await startAgent(id, api.server.url, lines, 2, { skipBackend: false, gpus: 2, slotProcesses: 'on' });
    const started = lines.find((line) => line.includes('template trials run in one process per slot'));
    expect(started).toMatch(/slot 0: pid (\d+), CUDA_VISIBLE_DEVICES=0, .*; slot 1: pid (\d+), CUDA_VISIBLE_DEVICES=1, /);
    const pids = [...started!.matchAll(/pid (\d+)/g)].map((m) => Number(m[1]));
    expect(pids).not.toContain(process.pid);
    const nodes = await finished(id, 4);
    expect(nodes.map((t) => t.state)).toEqual(['COMPLETE', 'COMPLETE', 'COMPLETE', 'COMPLETE']);
    for (const trial of nodes) expect(trial.values![0]).toBeGreaterThan(0);
    const accuracy = (await metrics(nodes[0]!.id)).find((s) => s.key === 'val_accuracy')!;
    expect(accuracy.points.map((p) => p.step)).toEqual([1, 2, 3]);
    expect(nodes[0]!.values).toEqual([accuracy.points[2]!.value]);
    // Both slots trained.
    expect(new Set(lines.flatMap((line) => /claimed \(study .*, slot (\d)\)/.exec(line)?.[1] ?? []))).toEqual(new Set(['0', '1']));
    await agent.stop();
    const alive = pids.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    expect(alive).toEqual([]);
  }, 120_000);
});
