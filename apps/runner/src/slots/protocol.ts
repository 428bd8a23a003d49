// Messages between the runner and a slot's training process (IPC of `child_process.fork`, structured clone).
import type { BackendChoice, BackendName } from '../backend/select-backend.ts';
import type { WebGpuAdapterReport } from '../backend/webgpu.ts';
import type { TrialContext } from '../objectives/command.ts';
import type { MetricPoint } from '../objectives/metrics.ts';
import type { ObjectiveResult } from '../objectives/run-objective.ts';

/** Runner → slot process. */
export type ToSlot =
  /** Load the training backend; answered by `ready` or `init-failed`. */
  | { type: 'init'; backend: BackendChoice }
  /** Run one template trial; answered by `metrics` (each awaiting a `decision`), `log` lines and one `result`. */
  | { type: 'run'; id: number; spec: unknown; params: Record<string, unknown>; seed?: number; backend: BackendChoice; context?: TrialContext }
  /** The runner's verdict on the `metrics` message `seq` of run `id`. */
  | { type: 'decision'; id: number; seq: number; decision: 'prune' | 'continue' }
  /** Stop run `id` (shutdown, lost lease): it ends with `state: 'PRUNED', stoppedBy: 'signal'`. */
  | { type: 'abort'; id: number };

/** What a slot process says about itself once its backend is loaded. */
export interface SlotProcessInfo {
  pid: number;
  backend: { name: BackendName; device: string; native: boolean; adapter?: WebGpuAdapterReport };
  /** `CUDA_VISIBLE_DEVICES` as the process sees it; undefined where it was not set. */
  visibleDevices?: string;
}

/** Slot process → runner. */
export type FromSlot =
  | { type: 'ready'; info: SlotProcessInfo }
  | { type: 'init-failed'; error: string }
  | { type: 'metrics'; id: number; seq: number; points: MetricPoint[] }
  | { type: 'log'; id?: number; line: string }
  | { type: 'result'; id: number; result: ObjectiveResult };
