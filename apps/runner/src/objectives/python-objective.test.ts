// The Python client's tb.params / tb.report / tb.should_prune inside a command objective, run by this runner's
// command objective (the API is not involved: the program talks to the runner through its stdout and signals).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCommand } from './command.ts';
import type { MetricPoint } from './metrics.ts';

const clientDir = fileURLToPath(new URL('../../../../clients/python', import.meta.url));
const python = spawnSync('python3', ['-c', 'import sys; assert sys.version_info >= (3, 9)'], { encoding: 'utf8' });
const pythonMissing = python.error ? `python3 cannot be started (${python.error.message})` : python.status !== 0 ? 'python3 is older than 3.9' : undefined;
if (pythonMissing) console.warn(`skipping the Python command-objective test: ${pythonMissing}; CI installs python3`);

describe.skipIf(pythonMissing !== undefined)('the Python client inside a command objective', () => {
  it('speaks the runner’s protocol inside a command objective: params, reports, and a clean exit when pruned', async () => {
    const common = { command: ['python3', '-B', `${clientDir}/tests/command_objective.py`], env: { PYTHONPATH: clientDir }, metrics: ['loss'] };
    const completed = await runCommand({ ...common, params: { lr: 0.5 } });
    expect(completed).toMatchObject({ state: 'COMPLETE', values: [2.5], exitCode: 0 });
    expect(completed.final).toMatchObject({ loss: 2.5, accuracy: 1 - 2.5 / 100 });

    const seen: MetricPoint[] = [];
    const pruned = await runCommand({
      ...common,
      params: { lr: 0.1, until_pruned: true },
      killGraceSeconds: 60,
      onMetrics: (points) => {
        seen.push(...points);
        return points.some((point) => point.step >= 2) ? 'prune' : 'continue';
      },
    });
    // SIGTERM turned should_prune() true and TrialPruned exited 0, long before the 60 s SIGKILL.
    expect(pruned).toMatchObject({ state: 'PRUNED', stoppedBy: 'pruner', exitCode: 0, exitSignal: null });
    expect(seen.filter((point) => point.key === 'loss').map((point) => point.step).slice(0, 3)).toEqual([0, 1, 2]);
  });
});
