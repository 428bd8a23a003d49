// A Python command objective written with the Python client (tb.params, tb.report, tb.should_prune), run by the
// real runner agent against the real API and pruned by the study's median pruner (issue #20).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStudy, setupTeam, startTestApi, type TestApi } from '@tuneboard/api/testing';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { RunnerAgent } from './agent.ts';
import { memoryLogger } from './logger.ts';

const clientDir = fileURLToPath(new URL('../../../../clients/python', import.meta.url));
const python = spawnSync('python3', ['-c', 'import sys; assert sys.version_info >= (3, 9)'], {
  encoding: 'utf8',
});
const pythonMissing = python.error
  ? `python3 cannot be started (${python.error.message})`
  : python.status !== 0
    ? 'python3 is older than 3.9'
    : undefined;
if (pythonMissing)
  console.warn(`skipping the runner's Python-client objective test: ${pythonMissing}; CI installs python3`);

/** Trial 0 learns (loss 0.1); later trials stay at 5, a step every 20 ms, until should_prune() says stop. */
const SCRIPT = `
import os, sys, time
import tuneboard as tb
good = os.environ["TUNEBOARD_TRIAL_NUMBER"] == "0"
x = tb.params()["x"]
for step in range(5 if good else 3000):
    tb.report(step, loss=(0.1 if good else 5.0) + x / 1000)
    if tb.should_prune():
        print(f"pruned at step {step}", flush=True)
        raise tb.TrialPruned()
    if not good:
        time.sleep(0.02)
if not good:
    sys.exit(3)
`;

interface TrialView {
  id: string;
  number: number;
  state: string;
  values: (number | string)[] | null;
}

describe.skipIf(pythonMissing !== undefined).each(testDatabases)(
  'the runner runs a Python-client objective [$name]',
  (target) => {
    let handle: DbHandle;
    let api: TestApi;
    let agent: RunnerAgent | undefined;
    beforeAll(async () => {
      handle = await target.create();
      api = await startTestApi(handle);
    }, 60_000);
    afterAll(async () => {
      await agent?.stop();
      await api.close();
      await handle.close();
    }, 60_000);

    it('reports through tb.report and exits cleanly through tb.should_prune when the median pruner stops it', async () => {
      const team = await setupTeam(api, 'py-runner');
      const { id } = await createStudy(api, team, {
        objectives: [{ name: 'loss', direction: 'MINIMIZE' }],
        space: { x: { type: 'float', low: 0, high: 1 } },
        objective: {
          kind: 'command',
          command: ['python3', '-B', '-c', SCRIPT],
          env: { PYTHONPATH: clientDir },
          metric: 'loss',
          killGraceSeconds: 60,
        },
        pruner: { kind: 'median', startupTrials: 1, warmupSteps: 0 },
        budget: { maxTrials: 2, maxParallel: 1 },
      });
      const lines: string[] = [];
      agent = new RunnerAgent({
        api: api.server.url,
        token: team.runnerAuth.token,
        concurrency: 1,
        backend: 'cpu',
        labels: ['test'],
        name: 'py-agent',
        studyId: id,
        logLevel: 'debug',
        pollMs: 500,
        shutdownMs: 5_000,
        skipBackend: true,
        log: memoryLogger(lines),
        commands: { accept: true },
      });
      await agent.start();
      const query = `query($id: ID!) { study(id: $id) { status trials(first: 5) { nodes { id number state values } } } }`;
      let nodes: TrialView[] = [];
      for (
        const deadline = Date.now() + 80_000;
        Date.now() < deadline;
        await new Promise((resolve) => setTimeout(resolve, 200))
      ) {
        nodes = (await api.gql(query, { id }, team.user)).study.trials.nodes as TrialView[];
        if (nodes.filter((t) => ['COMPLETE', 'PRUNED', 'FAIL'].includes(t.state)).length >= 2) break;
      }
      const byNumber = Object.fromEntries(nodes.map((t) => [t.number, t]));
      expect(byNumber[0]).toMatchObject({ state: 'COMPLETE' });
      expect(byNumber[0]!.values![0]).toBeCloseTo(0.1, 2);
      expect(byNumber[1]!.state).toBe('PRUNED');
      // The script saw should_prune() turn true and left by itself (TrialPruned, status 0): SIGTERM did not kill it,
      // and the 60-second grace before SIGKILL never ran out.
      expect(lines.some((line) => /pruned at step \d+/.test(line))).toBe(true);
      const { trial } = await api.gql(
        'query($id: ID!) { trial(id: $id) { metrics(keys: ["loss"], maxPoints: 2000) { points { step } } } }',
        { id: byNumber[1]!.id },
        team.user,
      );
      const steps = (trial.metrics[0].points as { step: number }[]).map((p) => p.step);
      expect(steps[0]).toBe(0);
      expect(steps.length).toBeLessThan(3000);
    }, 120_000);
  },
);
