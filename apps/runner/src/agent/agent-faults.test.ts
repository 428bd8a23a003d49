// The runner against the real API: a runner killed, stopped by a signal, or cut off by an API restart.
import { describe, expect, it } from 'vitest';
import { startTestApi } from '@tuneboard/api/testing';
import { testDatabases } from '@tuneboard/db/testing';
import { refuseCommands } from '../objectives/command-policy.ts';
import type { AgentOptions } from './agent.ts';
import { exited, exitedWithin, nodeObjective, runnerFixture, until } from './agent-fixture.ts';

describe.each(testDatabases)('the runner through faults and shutdowns [$name]', (target) => {
  const h = runnerFixture(target);
  const { study, startAgent, trials, metrics, finished, spawnRunnerOn, irisStudy } = h;

  it('re-queues the trial of a runner killed with SIGKILL and keeps the first attempt apart', async () => {
    const shortLeases = await startTestApi(h.handle, { LEASE_SECONDS: '3' });
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

  it('stops with the reason when --study names a study it cannot see, instead of claiming again at once forever', async () => {
    const lines: string[] = [];
    const missing = Buffer.from('Study:00000000-0000-4000-8000-000000000000').toString('base64url');
    const agent = await startAgent(missing, undefined, lines);
    await agent.finished();
    expect(agent.fatal).toMatch(/The study was not found.*check --study/);
    expect(lines.filter((line) => line.includes('registering again'))).toEqual([]);
  }, 30_000);

  it('stops before registering or claiming when --study runs a command it may not run, saying why', async () => {
    const { id } = await study(nodeObjective(3, 10));
    for (const commands of [refuseCommands, { accept: true as const, programs: ['/usr/bin/python3'] }]) {
      const lines: string[] = [];
      const agent = await startAgent(id, undefined, lines, 1, { commands });
      await agent.finished();
      expect(agent.fatal).toMatch(
        commands.accept
          ? /^--study \S+ \("[^"]+"\) runs a command \(node -e .*\), and its program "node" is not in this runner's --allow-commands list \(\/usr\/bin\/python3\)/
          : /^--study \S+ \("[^"]+"\) runs a command \(node -e .*\), and this runner refuses command objectives: it could claim none of its trials\. Start it with --allow-commands/,
      );
      expect(agent.runnerId).toBeUndefined();
      expect(lines.some((line) => line.includes('registered with'))).toBe(false);
    }
    expect((await trials(id)).counts).toMatchObject({ pending: 1, running: 0 });
  }, 30_000);

  it('loads no training backend for a command study, and loads it at start for a template study', async () => {
    const loads: string[] = [];
    const loadBackend = (async (choice: string) => {
      loads.push(choice);
      return { name: 'cpu', tfBackend: 'cpu', device: 'a stand-in backend', native: false };
    }) as unknown as AgentOptions['loadBackend'];
    const { id } = await study(nodeObjective(3, 10));
    const lines: string[] = [];
    const commandRunner = await startAgent(id, undefined, lines, 1, { skipBackend: false, gpus: 0, loadBackend });
    expect((await finished(id))[0]).toMatchObject({ state: 'COMPLETE' });
    expect(loads).toEqual([]);
    expect(lines.some((line) => /runs a command: no training backend loaded/.test(line))).toBe(true);
    await commandRunner.stop();

    const template = await irisStudy(1, { maxTrials: 1, maxParallel: 1 });
    const templateRunner = await startAgent(template.id, undefined, [], 1, {
      skipBackend: false,
      gpus: 0,
      loadBackend,
      runObjective: async () => ({ state: 'COMPLETE', values: [0.5] }),
    });
    expect(loads).toEqual(['cpu']);
    await finished(template.id);
    await templateRunner.stop();
  }, 60_000);

  it.each(['SIGTERM', 'SIGHUP'] as const)('releases its trial on %s and exits 0 within the shutdown window', async (signal) => {
    const { id } = await study(nodeObjective(1000, 100));
    const output: string[] = [];
    const runner = spawnRunnerOn(h.api, id, output, `polite-${signal.toLowerCase()}`);
    await until('the trial to report', async () => {
      const [trial] = (await trials(id)).trials.nodes;
      if (!trial || trial.state !== 'RUNNING') return undefined;
      const [series] = await metrics(trial.id, 0);
      return (series?.points.length ?? 0) >= 2 ? true : undefined;
    });
    runner.kill(signal);
    // The bound is 5 s; the generous margin covers a loaded machine, not a slower design.
    const exit = await exitedWithin(runner, 15_000);
    expect(exit, output.join('')).toEqual({ code: 0, signal: null });
    const [trial] = (await trials(id)).trials.nodes;
    expect(trial).toMatchObject({ state: 'PENDING', attempt: 1, error: null });
    // The released attempt's points are kept under attempt 0.
    expect((await metrics(trial!.id, 0))[0]!.points.length).toBeGreaterThanOrEqual(2);
    expect(output.join('')).toContain('released');
  }, 90_000);

  it('hands its template trials back when Ctrl-C reaches the whole process group, slot processes included', async () => {
    const { id } = await irisStudy(10_000, { maxTrials: 2, maxParallel: 2 });
    const output: string[] = [];
    // Its own process group, as a runner started from a terminal: Ctrl-C signals the runner and its slot processes.
    const runner = spawnRunnerOn(h.api, id, output, 'ctrl-c', ['--concurrency', '2', '--slot-processes', 'on', '--gpus', '0'], true);
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
    const first = await startTestApi(h.handle);
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
    const second = await startTestApi(h.handle, { PORT: String(port) });
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

});
