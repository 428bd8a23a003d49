// The GPU kit's driver (bundled into app/dist/kit.mjs; run by run.sh after it printed the environment, step a).
// Starts the API on PGlite in this process, runs the studies with runners started from the bundled CLI, prints
// one table, and exits non-zero when a study did not complete or, in GPU mode, when a trial did not train on the
// GPU. Steps (b)–(e) of docs/runners.md, "The GPU kit".
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb } from '@tuneboard/db';
import { createStudy, setupTeam, startTestApi } from '@tuneboard/api/testing';
import type { TestApi } from '@tuneboard/api/testing';

const dist = path.dirname(fileURLToPath(import.meta.url));
const runnerBundle = path.join(dist, 'runner.mjs');

interface Args {
  kit: string;
  cpuOnly: boolean;
}

function parseArgs(argv: string[]): Args {
  const at = argv.indexOf('--kit');
  const kit = at >= 0 ? argv[at + 1]! : path.resolve(dist, '..', '..');
  return { kit, cpuOnly: argv.includes('--cpu-only') };
}

function run(program: string, args: string[], timeoutMs = 120_000): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(program, args, { timeout: timeoutMs, maxBuffer: 16 * 2 ** 20 }, (error, stdout, stderr) => resolve({ ok: !error, stdout, stderr: stderr || (error?.message ?? '') }));
  });
}

type Team = Awaited<ReturnType<typeof setupTeam>>;

interface TrialRow {
  study: string;
  number: number;
  state: string;
  backend: string;
  device: string;
  samplesPerSecond: number | undefined;
  valAccuracy: number | undefined;
  onGpu: boolean;
}

interface StepResult {
  step: string;
  status: 'done' | 'skipped' | 'failed';
  reason?: string;
  trials: TrialRow[];
  /** The runner refused to start (its backend cannot load here). */
  refused?: boolean;
}

const STUDY = `query($id: ID!) { study(id: $id) { status counts { complete pruned fail total }
  trials(first: 50) { nodes { id number state error runner { name capabilities } } } } }`;
const METRICS = `query($id: ID!) { trial(id: $id) { metrics(keys: ["samples_per_second", "val_accuracy", "cuda"], maxPoints: 2000) { key points { step value } } } }`;

const log = (line: string) => process.stdout.write(`${line}\n`);

/** Starts a runner (the bundled CLI) for one study; its output goes to ours, prefixed. */
function startRunner(api: TestApi, team: Team, studyId: string, name: string, args: string[]): { child: ChildProcess; exited: Promise<number | null>; lastError: () => string } {
  const child = spawn(process.execPath, [runnerBundle, '--api', api.server.url, '--token', team.runnerAuth.token, '--study', studyId, '--name', name, ...args], {
    // Inherits this environment: LD_LIBRARY_PATH and VK_DRIVER_FILES as run.sh set them.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let lastError = '';
  const relay = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      if (/ ERROR /.test(line)) lastError = line.replace(/^\S+ ERROR /, '');
      log(`   [${name}] ${line}`);
    }
  };
  child.stdout!.on('data', relay);
  child.stderr!.on('data', relay);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, lastError: () => lastError };
}

async function stopRunner(runner: { child: ChildProcess; exited: Promise<number | null> }): Promise<void> {
  if (runner.child.exitCode === null && runner.child.signalCode === null) runner.child.kill('SIGTERM');
  const timer = setTimeout(() => runner.child.kill('SIGKILL'), 10_000);
  await runner.exited;
  clearTimeout(timer);
}

interface StudyPlan {
  step: string;
  label: string;
  input: Record<string, unknown>;
  runnerArgs: string[];
  trials: number;
  /** Does a trial count as trained on the GPU? */
  onGpu: (backend: string, metrics: Map<string, number>) => boolean;
  timeoutMs: number;
}

async function runStudy(api: TestApi, team: Team, plan: StudyPlan): Promise<StepResult> {
  log(`== ${plan.step}: ${plan.label}`);
  const study = await createStudy(api, team, { ...plan.input, budget: { maxTrials: plan.trials, maxParallel: 1 }, sampler: { kind: 'random', seed: 7 } });
  const runner = startRunner(api, team, study.id, `kit-${plan.step.replace(/\W+/g, '')}`, plan.runnerArgs);
  const deadline = Date.now() + plan.timeoutMs;
  let row: { status: string; counts: Record<string, number>; trials: { nodes: { id: string; number: number; state: string; error: string | null; runner: { capabilities: Record<string, unknown> } | null }[] } };
  let exitedEarly = false;
  void runner.exited.then(() => (exitedEarly = true));
  for (;;) {
    row = (await api.gql(STUDY, { id: study.id }, team.user)).study;
    const done = row.counts.complete! + row.counts.pruned! + row.counts.fail!;
    if (done >= plan.trials) break;
    if (exitedEarly || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stopRunner(runner);
  const trials: TrialRow[] = [];
  for (const trial of [...row.trials.nodes].sort((a, b) => a.number - b.number)) {
    const series = (await api.gql(METRICS, { id: trial.id }, team.user)).trial.metrics as { key: string; points: { step: number; value: number }[] }[];
    const last = new Map(series.filter((s) => s.points.length > 0).map((s) => [s.key, s.points.at(-1)!.value]));
    const rates = series.find((s) => s.key === 'samples_per_second')?.points.map((p) => p.value) ?? [];
    // The first epoch compiles shaders / warms CUDA up: the steady rate is the mean of the others.
    const steady = rates.length > 1 ? rates.slice(1) : rates;
    const caps = trial.runner?.capabilities ?? {};
    const backend = String(caps.backend ?? '?');
    trials.push({
      study: plan.step,
      number: trial.number,
      state: trial.state,
      backend,
      device: String(caps.device ?? '?'),
      samplesPerSecond: steady.length ? steady.reduce((a, b) => a + b, 0) / steady.length : undefined,
      valAccuracy: last.get('val_accuracy'),
      onGpu: trial.state === 'COMPLETE' && plan.onGpu(backend, last),
    });
    if (trial.error) log(`   trial ${trial.number}: ${trial.error}`);
  }
  const complete = trials.filter((t) => t.state === 'COMPLETE').length;
  const finished = trials.filter((t) => ['COMPLETE', 'PRUNED', 'FAIL'].includes(t.state)).length;
  if (exitedEarly && finished === 0) {
    return { step: plan.step, status: 'failed', reason: runner.lastError() || 'the runner exited before training', trials: [], refused: true };
  }
  if (complete < plan.trials) return { step: plan.step, status: 'failed', reason: `${complete}/${plan.trials} trials completed`, trials };
  return { step: plan.step, status: 'done', trials };
}

// The digits MLP every throughput figure compares: 2 hidden layers of 256, batch 64 (torch_mlp.py's defaults).
const mlpSpace = (epochs: number) => ({
  learning_rate: { type: 'float', low: 5e-4, high: 5e-3, log: true },
  units: { type: 'categorical', choices: [256] },
  hidden_layers: { type: 'categorical', choices: [2] },
  batch_size: { type: 'categorical', choices: [64] },
  epochs: { type: 'categorical', choices: [epochs] },
});
const accuracy = { objectives: [{ name: 'val_accuracy', direction: 'MAXIMIZE' }] };
const mlp = (epochs: number) => ({ ...accuracy, space: mlpSpace(epochs), objective: { kind: 'template', template: 'mlp', dataset: 'digits', metric: 'val_accuracy' } });
const cnn = (epochs: number) => ({
  ...accuracy,
  space: {
    learning_rate: { type: 'float', low: 5e-4, high: 3e-3, log: true },
    filters: { type: 'categorical', choices: [32] },
    batch_size: { type: 'categorical', choices: [64] },
    epochs: { type: 'categorical', choices: [epochs] },
  },
  objective: { kind: 'template', template: 'cnn', dataset: 'mnist', metric: 'val_accuracy' },
});

async function probeTorch(): Promise<{ cuda: boolean; importable: boolean; reason: string }> {
  const result = await run('python3', ['-c', 'import torch; print(torch.cuda.is_available())'], 60_000);
  if (!result.ok) return { cuda: false, importable: false, reason: `python3 with torch: ${result.stderr.trim().split('\n').at(-1) || 'not found'}` };
  return result.stdout.trim() === 'True' ? { cuda: true, importable: true, reason: '' } : { cuda: false, importable: true, reason: 'torch sees no CUDA device' };
}

function table(rows: TrialRow[]): string {
  const head = ['study', 'trial', 'state', 'backend', 'device', 'samples/s', 'val acc', 'on GPU'];
  const body = rows.map((r) => [r.study, String(r.number), r.state, r.backend, r.device.slice(0, 60), r.samplesPerSecond?.toFixed(0) ?? '—', r.valAccuracy?.toFixed(3) ?? '—', r.onGpu ? 'yes' : 'no']);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const gpus = args.cpuOnly ? [] : (await run('nvidia-smi', ['-L'], 10_000)).stdout.split('\n').filter((l) => l.startsWith('GPU '));
  const gpuMode = gpus.length > 0;
  log(`== mode: ${gpuMode ? `GPU (${gpus.length} listed by nvidia-smi)` : args.cpuOnly ? 'CPU-only (--cpu-only)' : 'CPU-only (nvidia-smi lists no GPU)'}`);
  const data = mkdtempSync(path.join(tmpdir(), 'tb-kit-'));
  const handle = await createDb({ dataDir: path.join(data, 'pgdata') });
  await handle.migrate();
  const api = await startTestApi(handle, { TUNEBOARD_SAMPLER_WORKERS: '0' });
  log(`== API on PGlite at ${api.server.url}`);
  const team = await setupTeam(api, 'gpu-kit');
  const results: StepResult[] = [];
  const comparisons: string[] = [];
  const onWebGpu = (backend: string) => backend === 'webgpu';
  try {
    // A runner started with --backend webgpu either trains there or refuses at start, naming what is missing.
    const b1 = await runStudy(api, team, { step: 'b1 digits mlp webgpu', label: '6-trial digits mlp on WebGPU', input: mlp(10), runnerArgs: ['--backend', 'webgpu'], trials: 6, onGpu: onWebGpu, timeoutMs: 150_000 });
    const webgpu = { ok: !b1.refused, reason: b1.reason ?? '' };
    if (b1.refused && !gpuMode) b1.status = 'skipped';
    results.push(b1);
    if (webgpu.ok) {
      results.push(await runStudy(api, team, { step: 'b2 mnist cnn webgpu', label: '2-trial mnist cnn on WebGPU', input: cnn(3), runnerArgs: ['--backend', 'webgpu'], trials: 2, onGpu: onWebGpu, timeoutMs: 150_000 }));
    } else {
      results.push({ step: 'b2 mnist cnn webgpu', status: gpuMode ? 'failed' : 'skipped', reason: webgpu.reason, trials: [] });
    }
    // The same MLP through wasm on the host CPU: the reference every mode has (in CPU-only mode, the kit's study).
    const wasmMlp = await runStudy(api, team, {
      step: 'd1 digits mlp wasm',
      label: gpuMode ? 'the same MLP on the host CPU through wasm (1 trial)' : '6-trial digits mlp through wasm (CPU-only mode)',
      input: mlp(gpuMode ? 4 : 2),
      runnerArgs: ['--backend', 'wasm'],
      trials: gpuMode ? 1 : 6,
      onGpu: () => false,
      timeoutMs: 150_000,
    });
    results.push(wasmMlp);
    if (gpuMode && webgpu.ok) {
      results.push(await runStudy(api, team, { step: 'd2 mnist cnn wasm', label: 'the same CNN on the host CPU through wasm (1 trial, 1 epoch)', input: cnn(1), runnerArgs: ['--backend', 'wasm'], trials: 1, onGpu: () => false, timeoutMs: 240_000 }));
    }
    const torch = await probeTorch();
    const script = path.join(args.kit, 'torch_mlp.py');
    // The PyTorch command objective: on CUDA (a GPU step), or, with the host's torch but no CUDA and no GPU
    // listed, rehearsed on the CPU (the script, the runner's command path, its metrics; not a GPU step).
    const cuda = torch.cuda;
    if (!cuda) results.push({ step: 'c torch mlp cuda', status: gpuMode ? 'failed' : 'skipped', reason: torch.reason, trials: [] });
    if (cuda || (!gpuMode && torch.importable)) {
      results.push(
        await runStudy(api, team, {
          step: cuda ? 'c torch mlp cuda' : 'e torch mlp cpu',
          label: cuda
            ? '4-trial study whose command objective trains the MLP in PyTorch on CUDA'
            : 'CPU rehearsal: 2-trial study whose command objective trains the MLP in PyTorch on the CPU',
          input: { ...accuracy, space: mlpSpace(cuda ? 10 : 3), objective: { kind: 'command', command: ['python3', script], metric: 'val_accuracy' } },
          runnerArgs: ['--backend', 'wasm', '--allow-commands', 'python3'],
          trials: cuda ? 4 : 2,
          onGpu: (_backend, metrics) => metrics.get('cuda') === 1,
          timeoutMs: cuda ? 180_000 : 120_000,
        }),
      );
      const alone = await run('python3', [script, '--standalone'], 120_000);
      const summary = alone.ok ? (JSON.parse(alone.stdout.trim().split('\n').at(-1)!) as { device: string; samples_per_second: number }) : undefined;
      comparisons.push(summary ? `PyTorch alone on ${summary.device}: ${summary.samples_per_second.toFixed(0)} samples/s` : `PyTorch alone failed: ${alone.stderr.trim().split('\n').at(-1)}`);
    }
  } finally {
    await api.close();
    await handle.close();
    rmSync(data, { recursive: true, force: true });
  }

  const rows = results.flatMap((r) => r.trials);
  log('\n== (d) trials');
  log(table(rows));
  const mean = (step: string) => {
    const rates = rows.filter((r) => r.study === step && r.samplesPerSecond !== undefined).map((r) => r.samplesPerSecond!);
    return rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : undefined;
  };
  const ratio = (a?: number, b?: number) => (a !== undefined && b !== undefined ? `${(a / b).toFixed(1)}×` : '—');
  comparisons.unshift(
    `digits MLP samples/s: webgpu ${mean('b1 digits mlp webgpu')?.toFixed(0) ?? '—'}, wasm ${mean('d1 digits mlp wasm')?.toFixed(0) ?? '—'} (${ratio(mean('b1 digits mlp webgpu'), mean('d1 digits mlp wasm'))}), PyTorch CUDA in the runner ${mean('c torch mlp cuda')?.toFixed(0) ?? '—'}`,
    `mnist CNN samples/s: webgpu ${mean('b2 mnist cnn webgpu')?.toFixed(0) ?? '—'}, wasm ${mean('d2 mnist cnn wasm')?.toFixed(0) ?? '—'} (${ratio(mean('b2 mnist cnn webgpu'), mean('d2 mnist cnn wasm'))}; goal ≥ 20×)`,
  );
  log('\n== comparison');
  for (const line of comparisons) log(line);
  log('\n== steps');
  for (const r of results) log(`${r.step}: ${r.status}${r.reason ? ` — ${r.reason}` : ''}`);
  const failed = results.filter((r) => r.status === 'failed');
  const gpuTrials = rows.filter((r) => r.study.startsWith('b') || r.study.startsWith('c'));
  const offGpu = gpuMode ? gpuTrials.filter((r) => !r.onGpu) : [];
  log(`\n== ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (failed.length > 0 || offGpu.length > 0) {
    log(`RESULT: FAIL (${[...failed.map((f) => f.step), ...offGpu.map((t) => `${t.study} trial ${t.number} not on the GPU`)].join('; ')})`);
    return 1;
  }
  log(gpuMode ? 'RESULT: PASS (every trial trained on the GPU)' : 'RESULT: PASS (CPU-only: the study completed; GPU steps skipped as listed)');
  return 0;
}

if (!existsSync(runnerBundle)) {
  process.stderr.write(`kit: ${runnerBundle} is missing (run through run.sh)\n`);
  process.exit(2);
}
process.exit(await main());
