// What a runner does before it registers: read the study of `--study`, and load where template trials train.
import { detectGpus } from '../backend/devices.ts';
import type { selectBackend } from '../backend/select-backend.ts';
import type { WebGpuAdapterReport } from '../backend/webgpu.ts';
import { SlotProcesses } from '../slots/slot-processes.ts';
import type { RunnerApi } from './api.ts';
import { backoffDelay, sleep } from './backoff.ts';
import type { RunnerConfig } from './config.ts';
import { usesSlotProcesses } from './config.ts';
import { ApiError, TransientApiError, errorMessage } from './graphql-client.ts';
import type { Logger } from './logger.ts';
import { commandOfStudy, startSlotProcesses } from './registration.ts';
import type { StudyOfRunner } from './registration.ts';

/** `selectBackend`, imported the first time a runner needs it: TensorFlow.js is a second of start-up and 50 MB. */
const importedSelectBackend: typeof selectBackend = async (...args) => (await import('../backend/select-backend.ts')).selectBackend(...args);

/**
 * The study of `--study`, read before anything else so the runner knows what it will run; undefined when the API
 * says there is none (the claim then stops the runner, naming `--study`) or when `signal` aborts. Waits while the
 * API is out of reach.
 */
export async function readRunnerStudy(api: RunnerApi, id: string, signal: AbortSignal, log: Logger): Promise<StudyOfRunner | undefined> {
  for (let attempt = 0; !signal.aborted; attempt += 1) {
    try {
      return (await api.study(id, signal)) ?? undefined;
    } catch (error) {
      if (signal.aborted) return undefined;
      if (error instanceof ApiError && error.code === 'NOT_FOUND') return undefined;
      if (!(error instanceof TransientApiError)) throw error;
      const delay = backoffDelay(attempt, { initialMs: 1_000 });
      log.warn(`${errorMessage(error)}; reading study ${id} again in ${(delay / 1000).toFixed(1)} s`);
      await sleep(delay, signal);
    }
  }
  return undefined;
}

/** Where template trials train, as the runner registers it. */
export interface TrainingSetup {
  backendName: string;
  /** The backend's device line; one per distinct slot device. */
  device: string | undefined;
  adapters: WebGpuAdapterReport[];
  gpus: number;
  /** Template trials' processes, one per slot (`--slot-processes`); undefined: they train in the runner's process. */
  slots: SlotProcesses | undefined;
}

export interface TrainingOptions extends Pick<RunnerConfig, 'backend' | 'gpus' | 'slotProcesses' | 'concurrency'> {
  /** No backend at all (tests of command objectives): `none`, and `gpus` or 0. */
  skipBackend?: boolean;
  /** Loads the backend in the runner's process (default `selectBackend`, imported on first use). */
  loadBackend?: typeof selectBackend;
}

/**
 * Loads where template trials train: nothing for a runner whose study runs a command (its study never has a
 * template trial; the objective and the evaluation jobs load the backend themselves the first time one needs
 * it), one process per slot with `--slot-processes` (started now, so a backend that cannot load stops the runner
 * here), else the backend in this process.
 */
export async function prepareTraining(options: TrainingOptions, study: StudyOfRunner | undefined, log: Logger): Promise<TrainingSetup> {
  const none: TrainingSetup = { backendName: 'none', device: undefined, adapters: [], gpus: options.gpus ?? 0, slots: undefined };
  if (options.skipBackend) return none;
  const gpus = options.gpus ?? (await detectGpus()).length;
  if (study !== undefined && commandOfStudy(study) !== undefined) {
    log.info(`study "${study.name}" runs a command: no training backend loaded`);
    return { ...none, gpus };
  }
  if (usesSlotProcesses(options.slotProcesses ?? 'auto', options.concurrency)) {
    const slots = new SlotProcesses({ backend: options.backend, gpus, log });
    const infos = await startSlotProcesses(slots, options.concurrency, log);
    return {
      backendName: infos[0]!.backend.name,
      device: [...new Set(infos.map((info) => info.backend.device))].join(' | '),
      adapters: infos.flatMap((info) => (info.backend.adapter ? [info.backend.adapter] : [])),
      gpus,
      slots,
    };
  }
  const backend = await (options.loadBackend ?? importedSelectBackend)(options.backend, { log: (line) => log.info(line) });
  if (gpus > 0) {
    log.info(
      `${gpus} GPU(s): slot s gives command objectives CUDA_VISIBLE_DEVICES = s mod ${gpus}; ` +
        `template trials share this process's backend (--slot-processes off)`,
    );
  }
  return { backendName: backend.name, device: backend.device, adapters: backend.adapter ? [backend.adapter] : [], gpus, slots: undefined };
}
