// The runner's environment, read once and validated. The only file of the runner that reads `process.env`
// (objectives/env.ts hands the whole environment to command objectives, which is a different job).
import { optionalText, readEnv } from '@tuneboard/contract/env';
import { z } from 'zod';

/** Settings a runner takes from its environment; command-line flags override each one. */
const schema = z.object({
  /** GraphQL endpoint, e.g. `http://localhost:4000/graphql` (the WebSocket uses the same path). */
  TUNEBOARD_API: optionalText,
  /** API token of scope RUNNER (`tb_…`). */
  TUNEBOARD_TOKEN: optionalText,
  /** Trials run at once (`--concurrency`). */
  TUNEBOARD_CONCURRENCY: optionalText,
  /** Training backend for template objectives (`--backend`). */
  TUNEBOARD_BACKEND: optionalText,
  /** Comma-separated labels shown with the runner (`--labels`). */
  TUNEBOARD_LABELS: optionalText,
  /** Runner name, unique in the team (`--name`). */
  TUNEBOARD_NAME: optionalText,
  /** Only claim trials of this study (`--study`). */
  TUNEBOARD_STUDY: optionalText,
  /** GPUs on the host (`--gpus`); default: what `nvidia-smi -L` lists. */
  TUNEBOARD_GPUS: optionalText,
  /** Template trials in one process per slot: auto | on | off (`--slot-processes`). */
  TUNEBOARD_SLOT_PROCESSES: optionalText,
  /**
   * Run command objectives (`--allow-commands`): `true` any program, a comma-separated list only those programs
   * (names or absolute paths), `false` or unset none.
   */
  TUNEBOARD_ALLOW_COMMANDS: optionalText,
  /** Port of the runner's Prometheus `/metrics` (agent/metrics.ts); unset: none. */
  TUNEBOARD_RUNNER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Interface of that port (default 0.0.0.0: the series hold no study, parameter or token). */
  TUNEBOARD_RUNNER_METRICS_HOST: z.string().min(1).default('0.0.0.0'),
  /** Set by the runner for each slot's process; read there to name the slot's GPU. */
  CUDA_VISIBLE_DEVICES: optionalText,
  /**
   * `--backend webgpu`: the Vulkan adapter this process trains on, an index (set per slot process like
   * CUDA_VISIBLE_DEVICES) or part of its name; unset: the first.
   */
  TUNEBOARD_WEBGPU_ADAPTER: optionalText,
  /** Searched for the Vulkan loader (libvulkan.so.1) before the system's folders, as the dynamic linker does. */
  LD_LIBRARY_PATH: optionalText,
  /** The Vulkan driver manifests the loader reads (older name: VK_ICD_FILENAMES); named in WebGPU's refusal. */
  VK_DRIVER_FILES: optionalText,
  VK_ICD_FILENAMES: optionalText,
  /** `debug` also logs every report round trip; `warn` keeps only problems. */
  TUNEBOARD_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export type RunnerEnv = z.infer<typeof schema>;

export function readRunnerEnv(source: Record<string, string | undefined> = process.env): RunnerEnv {
  return readEnv(schema, source);
}
