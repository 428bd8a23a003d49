import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseMetricLine, paramsToArgs, runCommand } from './command.ts';
import type { MetricPoint } from './metrics.ts';

const node = process.execPath;

describe('the metric-line protocol', () => {
  it('reads numeric fields of a JSON object line as metrics at its step', () => {
    expect(parseMetricLine('{"step": 3, "val_loss": 0.41, "note": "x"}')).toEqual({ values: { val_loss: 0.41 }, step: 3, final: false });
    expect(parseMetricLine('{"final": true, "acc": 1}')).toEqual({ values: { acc: 1 }, step: undefined, final: true });
  });

  it('treats other lines as plain output', () => {
    expect(parseMetricLine('epoch 3 done')).toBeUndefined();
    expect(parseMetricLine('{not json')).toBeUndefined();
    expect(parseMetricLine('[1, 2]')).toBeUndefined();
  });

  it('passes parameters as --name=value', () => {
    expect(paramsToArgs({ lr: 0.01, act: 'relu', bn: true, layers: [1, 2] })).toEqual(['--lr=0.01', '--act=relu', '--bn=true', '--layers=[1,2]']);
  });
});

// Generous limit: the machine is shared and busy; these tests assert results, never durations.
describe('runCommand', { timeout: 120_000 }, () => {
  it("hands the program's plain stdout and its stderr lines to the trial log, each with its stream, in order", async () => {
    const script = `
      console.log('hello from stdout');
      console.log(JSON.stringify({ step: 0, loss: 1 }));
      process.stderr.write('warning: first\\nwarning: sec');
      setTimeout(() => { process.stderr.write('ond\\n'); process.stderr.write('no newline at the end'); console.log(JSON.stringify({ loss: 0.5 })); }, 50);
    `;
    const lines: [string, string | undefined][] = [];
    const result = await runCommand({ command: [node, '-e', script], params: {}, metrics: ['loss'], log: (line, stream) => void lines.push([line, stream]) });
    expect(result.state).toBe('COMPLETE');
    expect(lines.filter(([, stream]) => stream === 'STDOUT').map(([line]) => line)).toEqual(['hello from stdout']);
    expect(lines.filter(([, stream]) => stream === 'STDERR').map(([line]) => line)).toEqual(['warning: first', 'warning: second', 'no newline at the end']);
  });

  it('completes a Node program with its metrics collected, parameters in arguments and TUNEBOARD_PARAMS', async () => {
    const script = `
      const params = JSON.parse(process.env.TUNEBOARD_PARAMS);
      console.log('starting trial', process.env.TUNEBOARD_TRIAL_NUMBER, process.argv.slice(1).join(' '));
      for (let step = 1; step <= 3; step++) console.log(JSON.stringify({ step, val_loss: params.lr * 10 / step }));
    `;
    const points: MetricPoint[] = [];
    const logs: string[] = [];
    const result = await runCommand({
      // `--` ends node's own options, so the appended parameters reach the script.
      command: [node, '-e', script, '--'],
      params: { lr: 0.3, units: 64 },
      metrics: ['val_loss'],
      context: { trialNumber: 7 },
      onMetrics: (batch) => void points.push(...batch),
      log: (line) => logs.push(line),
    });
    expect(result.state).toBe('COMPLETE');
    expect(result.values).toEqual([1]);
    expect(points.map((p) => [p.step, p.value])).toEqual([
      [1, 3],
      [2, 1.5],
      [3, 1],
    ]);
    expect(logs).toContain('starting trial 7 --lr=0.3 --units=64');
  });

  it('completes a Python program and takes final values from a final line', async () => {
    const script = [
      'import json, os, sys',
      'p = json.loads(os.environ["TUNEBOARD_PARAMS"])',
      'for epoch in range(2):',
      '    print(json.dumps({"val_accuracy": 0.5 + epoch * p["gain"]}))',
      'print("plain text is fine")',
      'print(json.dumps({"final": True, "val_accuracy": 0.99, "test_accuracy": 0.97}))',
    ].join('\n');
    const points: MetricPoint[] = [];
    const result = await runCommand({
      command: ['python3', '-c', script],
      params: { gain: 0.25 },
      metrics: ['val_accuracy'],
      onMetrics: (batch) => void points.push(...batch),
    });
    expect(result.error).toBeUndefined();
    expect(result.state).toBe('COMPLETE');
    expect(result.values).toEqual([0.99]);
    expect(result.final.test_accuracy).toBe(0.97);
    // Without "step", each metric counts up from 0; the final line adds no curve point.
    expect(points).toEqual([
      { key: 'val_accuracy', step: 0, value: 0.5 },
      { key: 'val_accuracy', step: 1, value: 0.75 },
    ]);
  });

  it('fails with the tail of stderr when the program exits non-zero', async () => {
    const script = `process.stderr.write('x'.repeat(10000) + '\\nTraceback: out of memory\\n'); process.exit(3);`;
    const result = await runCommand({ command: [node, '-e', script], params: {}, metrics: ['loss'] });
    expect(result.state).toBe('FAIL');
    expect(result.exitCode).toBe(3);
    expect(result.error).toMatch(/^the command exited with code 3\n/);
    expect(result.error).toMatch(/Traceback: out of memory$/);
    expect(result.error!.length).toBeLessThan(4096 + 100);
  });

  it('keeps the result of a program that ended while the runner could not run (suspended past the timeout)', async () => {
    const pending = runCommand({ command: ['sh', '-c', 'echo \'{"loss": 0.25}\''], params: {}, metrics: ['loss'], timeoutSeconds: 0.2 });
    // The runner's event loop stands still, as under SIGSTOP or a suspended laptop, while the program runs to its
    // end: when the loop resumes, the expired timeout and the program's exit are both waiting.
    const until = Date.now() + 2_000;
    while (Date.now() < until) {
      // busy: nothing else runs
    }
    const result = await pending;
    expect(result).toMatchObject({ state: 'COMPLETE', values: [0.25], exitCode: 0 });
  });

  it('still times out a program that runs past its timeout', async () => {
    const result = await runCommand({ command: [node, '-e', 'setTimeout(() => {}, 60_000)'], params: {}, metrics: ['loss'], timeoutSeconds: 0.5 });
    expect(result.state).toBe('FAIL');
    expect(result.error).toMatch(/^timed out after 0.5 s/);
  });

  it.runIf(process.platform === 'linux' && existsSync('/usr/bin/setpriv'))(
    'ends the program when the runner is killed with SIGKILL, which the runner cannot handle',
    async () => {
      const pidFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'tb-orphan-')), 'pid');
      const program = `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000);`;
      const commandTs = fileURLToPath(new URL('./command.ts', import.meta.url));
      const runnerScript = `import { runCommand } from ${JSON.stringify(commandTs)}; runCommand({ command: [process.execPath, '-e', ${JSON.stringify(program)}], params: {}, metrics: ['x'] });`;
      const runner = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', runnerScript], { stdio: 'ignore' });
      const deadline = Date.now() + 60_000;
      while (!existsSync(pidFile) || readFileSync(pidFile, 'utf8') === '') {
        if (Date.now() > deadline) throw new Error('the command never started');
        await new Promise((r) => setTimeout(r, 100));
      }
      const pid = Number(readFileSync(pidFile, 'utf8'));
      const alive = () => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      };
      expect(alive()).toBe(true);
      runner.kill('SIGKILL');
      await expect.poll(alive, { timeout: 30_000, interval: 100 }).toBe(false);
    },
  );

  it('fails when the program exits 0 without reporting the objective metric', async () => {
    const result = await runCommand({ command: [node, '-e', 'console.log(JSON.stringify({loss: 1}))'], params: {}, metrics: ['val_loss'] });
    expect(result.state).toBe('FAIL');
    expect(result.error).toMatch(/never reported "val_loss"/);
  });

  it('fails with a clear message when the program does not exist', async () => {
    const result = await runCommand({ command: ['/nonexistent/trainer'], params: {}, metrics: ['loss'] });
    expect(result.state).toBe('FAIL');
    expect(result.error).toMatch(/cannot start "\/nonexistent\/trainer"/);
  });

  it('sends SIGTERM, then SIGKILL after the grace period, to a program that ignores SIGTERM when aborted', async () => {
    const script = `
      process.on('SIGTERM', () => console.log('got SIGTERM, ignoring it'));
      console.log(JSON.stringify({ step: 0, loss: 1 }));
      setInterval(() => {}, 1000);
    `;
    const controller = new AbortController();
    const logs: string[] = [];
    const result = await runCommand({
      command: [node, '-e', script],
      params: {},
      metrics: ['loss'],
      signal: controller.signal,
      killGraceSeconds: 0.5,
      onMetrics: () => controller.abort(),
      log: (line) => logs.push(line),
    });
    expect(result.state).toBe('PRUNED');
    expect(result.stoppedBy).toBe('signal');
    expect(result.exitSignal).toBe('SIGKILL');
    expect(logs).toContain('got SIGTERM, ignoring it');
  });

  it('stops the program with SIGTERM when onMetrics says prune', async () => {
    const script = `let s = 0; setInterval(() => console.log(JSON.stringify({ step: s++, loss: 1 / s })), 20);`;
    const result = await runCommand({
      command: [node, '-e', script],
      params: {},
      metrics: ['loss'],
      onMetrics: (points) => (points[0]!.step >= 2 ? 'prune' : 'continue'),
    });
    expect(result.state).toBe('PRUNED');
    expect(result.stoppedBy).toBe('pruner');
    expect(result.exitSignal).toBe('SIGTERM');
  });
});
