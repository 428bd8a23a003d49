// A slot's training process: loads the backend once (on the GPU that CUDA_VISIBLE_DEVICES leaves visible) and
// runs the template trials the runner sends it, one at a time, until the runner disconnects.
import { selectBackend } from '../backend/select-backend.ts';
import { readRunnerEnv } from '../env.ts';
import type { MetricsDecision } from '../objectives/metrics.ts';
import { runObjective } from '../objectives/run-objective.ts';
import type { FromSlot, ToSlot } from './protocol.ts';

function send(message: FromSlot): void {
  process.send?.(message);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const visibleDevices = readRunnerEnv().CUDA_VISIBLE_DEVICES;
const aborts = new Map<number, AbortController>();
/** Metrics messages waiting for the runner's verdict, by run id and sequence number. */
const pending = new Map<string, (decision: MetricsDecision) => void>();
let nextSeq = 0;

async function init(message: Extract<ToSlot, { type: 'init' }>): Promise<void> {
  try {
    const backend = await selectBackend(message.backend, { log: (line) => send({ type: 'log', line }), visibleDevices });
    send({ type: 'ready', info: { pid: process.pid, backend: { name: backend.name, device: backend.device, native: backend.native, adapter: backend.adapter }, visibleDevices } });
  } catch (error) {
    send({ type: 'init-failed', error: errorText(error) });
  }
}

async function run(message: Extract<ToSlot, { type: 'run' }>): Promise<void> {
  const { id } = message;
  const controller = new AbortController();
  aborts.set(id, controller);
  const result = await runObjective(message.spec, message.params, {
    backend: message.backend,
    seed: message.seed,
    context: message.context,
    signal: controller.signal,
    log: (line) => send({ type: 'log', id, line }),
    onMetrics: (points) =>
      new Promise<MetricsDecision>((resolve) => {
        const seq = nextSeq++;
        pending.set(`${id}:${seq}`, resolve);
        send({ type: 'metrics', id, seq, points });
      }),
  });
  aborts.delete(id);
  send({ type: 'result', id, result });
}

process.on('message', (message: ToSlot) => {
  switch (message.type) {
    case 'init':
      void init(message);
      break;
    case 'run':
      void run(message);
      break;
    case 'decision': {
      const key = `${message.id}:${message.seq}`;
      pending.get(key)?.(message.decision);
      pending.delete(key);
      break;
    }
    case 'abort': {
      aborts.get(message.id)?.abort();
      // A trial waiting for a verdict goes on to see its abort signal.
      for (const [key, resolve] of pending) {
        if (key.startsWith(`${message.id}:`)) {
          resolve('continue');
          pending.delete(key);
        }
      }
      break;
    }
  }
});
// The runner exited or closed the channel: nothing is left to report to.
process.on('disconnect', () => process.exit(0));
// Ctrl-C in a terminal (or a service manager's stop) signals the whole process group. The runner decides what
// happens to this slot's trial — finish it or release it within the shutdown window — and then closes the
// channel, which ends this process; dying on the signal would turn a trial about to finish into a failure.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => undefined);
process.on('SIGHUP', () => undefined);
