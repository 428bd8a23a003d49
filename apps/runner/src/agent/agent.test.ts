// The runner against the real API: command and template objectives run to their end (fixture: agent-fixture.ts).
import { describe, expect, it } from 'vitest';
import { testDatabases } from '@tuneboard/db/testing';
import { fakeTraining, nodeObjective, runnerFixture, until } from './agent-fixture.ts';

describe.each(testDatabases)('the runner against the API [$name]', (target) => {
  const h = runnerFixture(target);
  const { study, startAgent, metrics, finished, irisStudy, trainingStudy } = h;

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
    const agent = await startAgent(id, h.api.server.url, lines);
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
    // The runner logs a trial's end once the API has taken its report, so the line may follow the state by a moment.
    await until('the COMPLETE line', async () => (lines.some((line) => line.includes('COMPLETE')) ? true : undefined), 10_000);
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
    const agent = await startAgent(id, h.api.server.url, lines);
    const nodes = await finished(id, 2);
    const byNumber = Object.fromEntries(nodes.map((t) => [t.number, t]));
    expect(byNumber[0]!.state).toBe('COMPLETE');
    expect(byNumber[1]!.state).toBe('PRUNED');
    // Stopped early: the bad trial never reached its 200th step.
    const [curve] = await metrics(byNumber[1]!.id);
    expect(curve!.points.length).toBeLessThan(200);
    await until('the PRUNED line', async () => (lines.some((line) => line.includes('PRUNED')) ? true : undefined), 10_000);
    await agent.stop();
  }, 90_000);

  it('reports a failing trial with trialFail and goes on with the next ones on two slots', async () => {
    const script = `
      if (process.env.TUNEBOARD_TRIAL_NUMBER === '0') { console.error('boom: out of memory'); process.exit(3); }
      for (let step = 0; step < 3; step++) console.log(JSON.stringify({ step, val_loss: 1 / (step + 1) }));`;
    const { id } = await study(['node', '-e', script, '--'], { budget: { maxTrials: 3, maxParallel: 2 } });
    const agent = await startAgent(id, h.api.server.url, [], 2);
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

  it('prints a progress line per epoch and a final line per trial when the output is not a terminal', async () => {
    const name = `progress-${Date.now()}`;
    const { id } = await trainingStudy(name, 4, { maxTrials: 1, maxParallel: 1 });
    const lines: string[] = [];
    const agent = await startAgent(id, h.api.server.url, lines, 1, { runObjective: fakeTraining(20) });
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
    const agent = await startAgent(id, h.api.server.url, lines, 2, { skipBackend: false, gpus: 2, slotProcesses: 'on' });
    const started = lines.find((line) => line.includes('template trials run in one process per slot'));
    expect(started).toMatch(/slot 0: pid (\d+), CUDA_VISIBLE_DEVICES=0, .*; slot 1: pid (\d+), CUDA_VISIBLE_DEVICES=1, /);
    const pids = [...started!.matchAll(/pid (\d+)/g)].map((m) => Number(m[1]));
    expect(pids).not.toContain(process.pid);
    // The Runners page reads where it trains from the registered capabilities.
    const { runner } = await h.api.gql<{ runner: { capabilities: { backend: string; device: string; gpus: number } } }>(
      'query ($id: ID!) { runner(id: $id) { capabilities } }',
      { id: agent.runnerId },
      h.team.user,
    );
    expect(runner.capabilities).toMatchObject({ backend: 'cpu', device: 'plain JavaScript on the CPU', gpus: 2 });
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
