// npm run bench:runner-slots [-- --trials 6 --epochs 10 --slots 2 --backend wasm --rounds 1]
// Template trials on several slots: all in the runner's one process (tfjs has one backend and Node one
// JavaScript thread, so the slots take turns), beside one training process per slot (`--slot-processes on`).
// The same digits-MLP trials in both; prints wall time, trials per minute and training samples per second.
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { SlotProcesses, createLogger } from '@tuneboard/runner';
import { runObjective } from '@tuneboard/runner/objectives';
import type { RunObjective } from '@tuneboard/runner';
import { loadPreparedData } from '@tuneboard/runner/train';
import { cpuSeconds } from '../api/cpu.ts';

const { values: flags } = parseArgs({
  options: {
    trials: { type: 'string', default: '6' },
    epochs: { type: 'string', default: '10' },
    slots: { type: 'string', default: '2' },
    backend: { type: 'string', default: 'wasm' },
    /** Rounds of (one process, slot processes, slot processes, one process): each prints its own figures. */
    rounds: { type: 'string', default: '1' },
  },
});
const trials = Number(flags.trials);
const epochs = Number(flags.epochs);
const slots = Number(flags.slots);
const backend = flags.backend as 'wasm' | 'cpu';
const rounds = Math.max(1, Number(flags.rounds));
const log = (line: string) => process.stdout.write(`${line}\n`);

const spec = { kind: 'template', template: 'mlp', dataset: 'digits' };
// The bench:runner MLP: 64-128-128-10, batch 64, Adam.
const params = { hidden_layers: 2, units: 128, batch_size: 64, optimizer: 'adam', learning_rate: 1e-3, epochs };

/** CPU seconds of this process and of the slot processes so far. */
function cpuNow(processes: SlotProcesses): number {
  const own = process.cpuUsage();
  return (own.user + own.system) / 1e6 + [...processes.pids().values()].reduce((sum, pid) => sum + (cpuSeconds(pid) ?? 0), 0);
}

/** Runs `trials` trials with at most `slots` at once, slot i taking the i-th free place. */
async function runAll(runFor: (slot: number) => RunObjective): Promise<{ seconds: number; failed: number }> {
  const start = performance.now();
  let next = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: slots }, async (_, slot) => {
      while (next < trials) {
        const number = next++;
        const result = await runFor(slot)(spec, params, { backend, seed: number });
        if (result.state !== 'COMPLETE') {
          failed += 1;
          log(`  trial ${number}: ${result.state} ${result.error ?? ''}`);
        }
      }
    }),
  );
  return { seconds: (performance.now() - start) / 1000, failed };
}

async function main(): Promise<void> {
  const data = await loadPreparedData({ dataset: 'digits' }, 'mlp', { splitSeed: 0 });
  const trainRows = data.train.y.length;
  const samples = trainRows * epochs * trials;
  log(`bench:runner-slots — ${trials} digits-MLP trials (64-128-128-10, batch 64, Adam) of ${epochs} epochs on ${trainRows} rows, ${slots} slots, backend ${backend}`);
  log(`machine: ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

  const processes = new SlotProcesses({ backend, gpus: 0, log: createLogger('warn') });
  const startAt = performance.now();
  await Promise.all(Array.from({ length: slots }, (_, slot) => processes.start(slot)));
  log(`slot processes started in ${((performance.now() - startAt) / 1000).toFixed(2)} s (not counted below)`);
  // Warm up both sides (backend, data cache, JIT) with a whole trial per slot before anything is timed.
  await Promise.all(Array.from({ length: slots }, () => runObjective(spec, params, { backend })));
  await Promise.all(Array.from({ length: slots }, (_, slot) => processes.runObjectiveFor(slot)(spec, params, { backend })));

  const modes = {
    'one process': () => runObjective,
    'slot processes': (slot: number) => processes.runObjectiveFor(slot),
  };
  const totals: Record<string, number[]> = { 'one process': [], 'slot processes': [] };
  for (let round = 0; round < rounds; round += 1) {
    const order = ['one process', 'slot processes', 'slot processes', 'one process'] as const;
    for (const [i, mode] of order.entries()) {
      // One run per mode per round is enough when rounds > 1; ABBA inside a round when rounds = 1.
      if (rounds > 1 && i >= 2) continue;
      const cpuBefore = cpuNow(processes);
      const { seconds, failed } = await runAll(modes[mode]);
      const cpu = cpuNow(processes) - cpuBefore;
      totals[mode]!.push(seconds);
      log(
        `${mode.padEnd(15)} ${seconds.toFixed(2).padStart(7)} s   ${((trials / seconds) * 60).toFixed(1).padStart(6)} trials/min   ` +
          `${Math.round(samples / seconds).toLocaleString('en-US').padStart(8)} samples/s   CPU ${cpu.toFixed(2)} s (${(cpu / seconds).toFixed(2)} cores busy)` +
          `${failed ? `   ${failed} failed` : ''}`,
      );
    }
  }
  await processes.close();
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const one = mean(totals['one process']!);
  const many = mean(totals['slot processes']!);
  log(`slot processes / one process: ${(one / many).toFixed(2)}× the throughput (mean wall ${one.toFixed(2)} s vs ${many.toFixed(2)} s)`);
}

await main();
