import { hostname } from 'node:os';
import type { RunnerApi } from './api.ts';
import { backoffDelay, sleep } from './backoff.ts';
import { refuseCommands } from '../objectives/command-policy.ts';
import type { CommandPolicy } from '../objectives/command-policy.ts';
import type { WebGpuAdapterReport } from '../backend/webgpu.ts';
import type { SlotProcesses } from '../slots/slot-processes.ts';
import type { SlotProcessInfo } from '../slots/protocol.ts';
import type { RunnerConfig } from './config.ts';
import { TransientApiError, errorMessage } from './graphql-client.ts';
import type { Logger } from './logger.ts';

/**
 * What the runner tells the API about command objectives: the claim hands a `command` trial only to a runner
 * that accepts commands (and, with a list, names its program). The runner checks again before starting one.
 */
export function commandCapabilities(policy: CommandPolicy): { acceptsCommands: boolean; allowedPrograms: string[] | null } {
  return { acceptsCommands: policy.accept, allowedPrograms: policy.accept ? (policy.programs ?? null) : null };
}

/** What the start-up log says about command objectives. */
export function describeCommands(policy: CommandPolicy): string {
  if (!policy.accept) return 'command objectives refused (start with --allow-commands to run them)';
  return policy.programs ? `command objectives of ${policy.programs.join(', ')} only` : 'command objectives of any program';
}

/** The study of `--study` as the runner reads it before it claims (`RunnerApi.study`). */
export interface StudyOfRunner {
  id: string;
  name: string;
  objective: unknown;
}

/** The program a command study runs, or undefined for any other study. */
export function commandOfStudy(study: StudyOfRunner): string[] | undefined {
  const objective = study.objective as { kind?: unknown; command?: unknown } | null;
  if (objective?.kind !== 'command' || !Array.isArray(objective.command)) return undefined;
  return objective.command.map(String);
}

/**
 * Why this runner could run none of the trials of its `--study`, or undefined when it can: the API hands a command
 * study's trials only to a runner that accepts commands and, with an `--allow-commands` list, names the command's
 * program (compared by file name, as the claim does: apps/api lifecycle/claim.ts). Without this the runner
 * would wait for trials forever, with nothing in its log to say why none came.
 */
export function studyRefusal(study: StudyOfRunner, policy: CommandPolicy): string | undefined {
  const command = commandOfStudy(study);
  if (!command) return undefined;
  const program = command[0] ?? '';
  const line = command.join(' ').replace(/\s+/g, ' ');
  const what = `--study ${study.id} ("${study.name}") runs a command (${line.length > 120 ? `${line.slice(0, 119)}…` : line})`;
  if (!policy.accept) {
    return (
      `${what}, and this runner refuses command objectives: it could claim none of its trials. ` +
      `Start it with --allow-commands (any program) or --allow-commands ${JSON.stringify(program)} (that program only)`
    );
  }
  const base = (file: string) => file.replace(/^.*\//, '');
  if (policy.programs && !policy.programs.some((allowed) => base(allowed) === base(program))) {
    return (
      `${what}, and its program ${JSON.stringify(program)} is not in this runner's --allow-commands list ` +
      `(${policy.programs.join(', ')}): it could claim none of its trials. Add the program to the list`
    );
  }
  return undefined;
}

/** What a registration tells the API about this runner. */
export interface Registration {
  options: RunnerConfig;
  backendName: string;
  /** Where it trains, e.g. "WebGPU on NVIDIA L4 (nvidia lovelace); …" (the Runners page's device column). */
  device?: string;
  /** The WebGPU adapter(s) of `--backend webgpu`: name, vendor, limits. */
  adapters?: WebGpuAdapterReport[];
  gpus: number;
}

/**
 * Registers the runner, retrying while the API is out of reach. Returns the runner's id, or undefined when
 * `stopping` aborted before the API answered (nothing was claimed, so there is nothing to give back).
 * Throws when registration is refused.
 */
export async function registerRunner(api: RunnerApi, registration: Registration, stopping: AbortSignal, log: Logger): Promise<string | undefined> {
  const { options, backendName, device, adapters, gpus } = registration;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const { runner, userErrors } = await api.register({
        name: options.name,
        host: hostname(),
        capabilities: {
          backend: backendName,
          ...(device === undefined ? {} : { device }),
          ...(adapters && adapters.length > 0 ? { adapters } : {}),
          gpus,
          labels: options.labels,
          concurrency: options.concurrency,
          ...commandCapabilities(options.commands ?? refuseCommands),
        },
      });
      if (!runner) throw new Error(`the API refused to register runner "${options.name}": ${userErrors.map((e) => e.message).join('; ')}`);
      return runner.id;
    } catch (error) {
      // Stopped while the API was still out of reach: nothing was claimed, so there is nothing to give back.
      if (error instanceof TransientApiError && stopping.aborted) return undefined;
      if (!(error instanceof TransientApiError)) throw error;
      const delay = backoffDelay(attempt, { initialMs: 1_000 });
      log.warn(`${errorMessage(error)}; retrying registration in ${(delay / 1000).toFixed(1)} s`);
      await sleep(delay, stopping);
    }
  }
}

/**
 * One training process per slot, each on its own GPU: started now, so a backend that cannot load stops the
 * runner. Returns what each slot loaded; closes them all when one fails to start.
 */
export async function startSlotProcesses(slots: SlotProcesses, concurrency: number, log: Logger): Promise<SlotProcessInfo[]> {
  let infos;
  try {
    infos = await Promise.all(Array.from({ length: concurrency }, (_, slot) => slots.start(slot)));
  } catch (error) {
    await slots.close();
    throw error;
  }
  const each = infos.map(
    (info, slot) => `slot ${slot}: pid ${info.pid}${info.visibleDevices === undefined ? '' : `, CUDA_VISIBLE_DEVICES=${info.visibleDevices}`}, ${info.backend.device}`,
  );
  log.info(`template trials run in one process per slot (${slots.options.gpus} GPU(s)): ${each.join('; ')}`);
  return infos;
}
