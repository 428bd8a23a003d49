// `npm run bench:runner`: training throughput of the runner's MLP on each available tfjs backend, beside PyTorch
// on one CPU thread. Prints figures; asserts nothing (see docs/benchmarks.md, "Runner").
import { execFile } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '@tuneboard/runner/backend';
import type { BackendName } from '@tuneboard/runner/backend';
import { builtinDatasetFile, loadPreparedData, trainTemplate } from '@tuneboard/runner/train';
import type { PreparedData } from '@tuneboard/runner/train';

const run = promisify(execFile);
const digitsFile = builtinDatasetFile('digits')!;

// The bench MLP: 64-128-128-10, batch 64, Adam 1e-3, on the digits training split (1,257 rows).
const params = { hidden_layers: 2, units: 128, batch_size: 64, optimizer: 'adam', learning_rate: 1e-3 };
const timedEpochs: Record<BackendName, number> = { 'tfjs-node-gpu': 10, webgpu: 10, 'tfjs-node': 10, wasm: 10, cpu: 3 };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface Throughput {
  /** Median over epochs of training samples per wall-clock second. */
  wall: number;
  /** Training samples per second of this process's CPU time: what a quiet machine would give. */
  cpu: number;
}

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** The runner's training step over the timed epochs (after one warm-up epoch). */
async function runnerThroughput(data: PreparedData, epochs: number): Promise<Throughput> {
  let cpuStart = 0;
  const result = await trainTemplate({
    template: 'mlp',
    data,
    params: { ...params, epochs: epochs + 1 },
    seed: 0,
    onEpoch: (step) => {
      if (step === 1) cpuStart = cpuSeconds();
    },
  });
  const cpu = (epochs * data.train.y.length) / (cpuSeconds() - cpuStart);
  return { wall: median(result.history.slice(1).map((m) => m.samples_per_second)), cpu };
}

/** The same model through tfjs-layers' `model.fit`, the usual tfjs route, for comparison. */
async function fitThroughput(data: PreparedData, epochs: number): Promise<number> {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [64], units: 128, activation: 'relu' }),
      tf.layers.dense({ units: 128, activation: 'relu' }),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy' });
  const rows = data.train.y.length;
  const x = tf.tensor2d(data.train.x, [rows, 64]);
  const y = tf.oneHot(tf.tensor1d(data.train.y, 'int32'), 10);
  const rates: number[] = [];
  for (let epoch = 0; epoch <= epochs; epoch++) {
    const start = performance.now();
    await model.fit(x, y, { batchSize: 64, epochs: 1, shuffle: true, verbose: 0 });
    if (epoch > 0) rates.push(rows / ((performance.now() - start) / 1000));
  }
  tf.dispose([x, y]);
  model.dispose();
  return median(rates);
}

async function pytorchThroughput(trainRows: number): Promise<(Throughput & { version: string; python: string }) | string> {
  const script = path.join(path.dirname(new URL(import.meta.url).pathname), 'torch_mlp.py');
  const reasons: string[] = [];
  // The python3 on PATH may lack torch (e.g. a pyenv build); Debian's python3-torch lives under /usr/bin.
  for (const python of ['python3', '/usr/bin/python3']) {
    try {
      await run(python, ['-c', 'import torch'], { timeout: 60_000 });
    } catch (error) {
      reasons.push(`${python}: ${(error as Error).message.split('\n').find((l) => l.includes('Error')) ?? 'no torch'}`);
      continue;
    }
    const { stdout } = await run(python, [script, digitsFile, '10', '64', String(trainRows)], { timeout: 600_000 });
    const parsed = JSON.parse(stdout.trim().split('\n').at(-1)!) as { samples_per_second: number; samples_per_cpu_second: number; torch: string };
    return { wall: parsed.samples_per_second, cpu: parsed.samples_per_cpu_second, version: parsed.torch, python };
  }
  return `PyTorch not available (${reasons.join('; ')})`;
}

const format = (n: number) => Math.round(n).toLocaleString('en-US');

// Two shared cores: other work steals time unpredictably. Measurements alternate between the contenders in
// rounds and each reports its best round (the least disturbed), so a busy moment hurts both alike. Samples per
// CPU-second of the process itself are reported too: they barely move with the machine's load.
const rounds = 5;

async function main(): Promise<void> {
  const log = (line: string) => console.log(`  ${line}`);
  console.log(`Runner training benchmark — MLP 64-128-128-10, batch 64, Adam, digits training split`);
  const load = () => loadavg()[0]!.toFixed(1);
  console.log(`host: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, load average ${load()}`);
  const data = await loadPreparedData({ dataset: 'digits' }, 'mlp', { splitSeed: 0 });
  const trainRows = data.train.y.length;

  const backends: { name: BackendName; device: string }[] = [];
  for (const name of ['webgpu', 'tfjs-node', 'wasm', 'cpu'] as const) {
    try {
      backends.push({ name, device: (await selectBackend(name, { log })).device });
    } catch (error) {
      console.log(`${name}: skipped — ${(error as Error).message}`);
    }
  }
  const best = new Map<string, number>();
  const keep = (key: string, rate: number) => best.set(key, Math.max(best.get(key) ?? 0, rate));
  let torchNote = '';
  let torchLabel = 'PyTorch';
  for (let round = 1; round <= rounds; round++) {
    const torch = await pytorchThroughput(trainRows);
    if (typeof torch === 'string') torchNote = torch;
    else {
      keep('torch', torch.wall);
      keep('torch:cpu', torch.cpu);
      torchLabel = `PyTorch ${torch.version} (${torch.python})`;
    }
    for (const { name } of backends) {
      await selectBackend(name);
      // The plain JS backend is ~10× slower: one round of it is enough to place it.
      if (name === 'cpu' && round > 1) continue;
      const runner = await runnerThroughput(data, timedEpochs[name]);
      keep(`${name}`, runner.wall);
      keep(`${name}:cpu`, runner.cpu);
      keep(`${name}:fit`, await fitThroughput(data, Math.min(timedEpochs[name], 5)));
    }
    const summary = [...best].map(([key, rate]) => `${key} ${format(rate)}`).join(', ');
    console.log(`round ${round}/${rounds} (load ${load()}): best so far — ${summary}`);
  }
  if (torchNote) console.log(torchNote);
  const torchWall = best.get('torch');
  const torchCpu = best.get('torch:cpu');
  const ratio = (value: number, base: number | undefined) => (base ? (value / base).toFixed(2) : 'n/a');

  console.log('');
  console.log('| backend | device | runner step, samples/s | per CPU-second | tfjs model.fit, samples/s | ÷ PyTorch (wall) | ÷ PyTorch (CPU) |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const { name, device } of backends) {
    const wall = best.get(name)!;
    const cpu = best.get(`${name}:cpu`)!;
    console.log(`| ${name} | ${device} | ${format(wall)} | ${format(cpu)} | ${format(best.get(`${name}:fit`)!)} | ${ratio(wall, torchWall)} | ${ratio(cpu, torchCpu)} |`);
  }
  if (torchWall && torchCpu) console.log(`| ${torchLabel} | CPU, 1 thread | ${format(torchWall)} | ${format(torchCpu)} | — | 1.00 | 1.00 |`);
}

await main();
