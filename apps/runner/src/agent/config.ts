import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import { backendNames } from '../backend/devices.ts';
import type { BackendChoice } from '../backend/select-backend.ts';
import type { CommandPolicy } from '../objectives/command-policy.ts';
import type { RunnerEnv } from '../env.ts';
import type { LogLevel } from './logger.ts';

export interface RunnerConfig {
  /** GraphQL endpoint over HTTP; the WebSocket is the same URL with ws(s)://. */
  api: string;
  token: string;
  concurrency: number;
  backend: BackendChoice;
  labels: string[];
  name: string;
  studyId?: string;
  logLevel: LogLevel;
  /** Slow poll for missed `trialsAvailable` events (jittered ±25 %). */
  pollMs: number;
  /** SIGTERM: trials get this long to finish or be released. */
  shutdownMs: number;
  /** GPUs on the host; undefined: ask `nvidia-smi -L`. */
  gpus?: number;
  /** Template trials in one process per slot (default `auto`: with several slots). */
  slotProcesses?: SlotProcessesMode;
  /** Command objectives this runner runs (`--allow-commands`); default none. */
  commands?: CommandPolicy;
}

export const slotProcessesModes = ['auto', 'on', 'off'] as const;
export type SlotProcessesMode = (typeof slotProcessesModes)[number];

/**
 * Whether template trials run in one process per slot. `auto` does so whenever there are several slots: slots of
 * one process take turns on its one JavaScript thread and share its one tfjs backend (one GPU), while a process
 * per slot trains in parallel on the CPU cores and gives each slot its own GPU.
 */
export function usesSlotProcesses(mode: SlotProcessesMode, concurrency: number): boolean {
  if (mode !== 'auto') return mode === 'on';
  return concurrency > 1;
}

export const defaultPollMs = 7_500;
export const defaultShutdownMs = 5_000;
export const maxConcurrency = 64;

export const usage = `Usage: tuneboard-runner --api URL --token TOKEN [options]

  --api URL           GraphQL endpoint, e.g. http://localhost:4000/graphql   (TUNEBOARD_API)
  --token TOKEN       API token of scope RUNNER, tb_…                         (TUNEBOARD_TOKEN)
  --concurrency N     trials at once, one slot each (default 1)             (TUNEBOARD_CONCURRENCY)
  --backend NAME      auto | ${backendNames.join(' | ')} (default auto)   (TUNEBOARD_BACKEND)
  --labels a,b        labels shown with the runner, e.g. gpu,a100           (TUNEBOARD_LABELS)
  --name NAME         runner name, unique in the team (default host-pid)    (TUNEBOARD_NAME)
  --study ID          only run trials of this study                        (TUNEBOARD_STUDY)
  --gpus N            GPUs on this host (default: nvidia-smi -L)           (TUNEBOARD_GPUS)
  --slot-processes M  auto | on | off: template trials in one process      (TUNEBOARD_SLOT_PROCESSES)
                      per slot, slot s on GPU s mod N (auto: on with 2+ slots)
  --allow-commands P  run command objectives, off by default (a study's   (TUNEBOARD_ALLOW_COMMANDS)
                      command runs as this runner's user). Alone or true:
                      any program; a list: only those, e.g. python3,/opt/train.sh
  --help              this text

Flags override the environment variables in brackets. TUNEBOARD_LOG_LEVEL=debug|info|warn|error.
SIGTERM or Ctrl-C: stop claiming, finish or release running trials within 5 s; a second signal exits at once.`;

/** A bad flag or variable: the message names it and the value. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Source = { value: string; from: string };

function pick(flag: string, flagValue: string | undefined, envName: string, envValue: string | undefined): Source | undefined {
  if (flagValue !== undefined) return { value: flagValue, from: `--${flag}` };
  if (envValue !== undefined) return { value: envValue, from: envName };
  return undefined;
}

function fail(source: Source, rule: string, shown = source.value): never {
  throw new ConfigError(`${source.from} ${rule}, got ${JSON.stringify(shown)}`);
}

/** Turns a host name into a valid runner name (the API allows letters, digits, _ . : @ -). */
export function defaultRunnerName(host = hostname(), pid = process.pid): string {
  const clean = host.replace(/[^A-Za-z0-9_.:@-]/g, '-').slice(0, 80) || 'runner';
  return `${clean}-${pid}`;
}

/** Most programs an `--allow-commands` list may name. */
export const maxAllowedPrograms = 64;

/**
 * `--allow-commands` alone means any program: written `--allow-commands=true` so the string option's parser
 * does not take the next flag as its value.
 */
function bareAllowCommands(argv: string[]): string[] {
  return argv.map((arg, i) => (arg === '--allow-commands' && (i + 1 >= argv.length || argv[i + 1]!.startsWith('-')) ? '--allow-commands=true' : arg));
}

/**
 * The command policy from `--allow-commands` or TUNEBOARD_ALLOW_COMMANDS: `true`/`1`/`yes` any program,
 * `false`/`0`/`no` none, else a comma-separated list of program names (looked up on PATH) or absolute paths.
 */
export function parseCommandPolicy(source: Source | undefined): CommandPolicy {
  if (!source) return { accept: false };
  const text = source.value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(text)) return { accept: true };
  if (['false', '0', 'no'].includes(text)) return { accept: false };
  const programs = [...new Set(source.value.split(',').map((entry) => entry.trim()).filter(Boolean))];
  if (programs.length === 0) fail(source, 'must be true, false or a comma-separated list of programs such as python3,/opt/train.sh');
  if (programs.length > maxAllowedPrograms) fail(source, `must name at most ${maxAllowedPrograms} programs`, `${programs.length} programs`);
  const bad = programs.find((entry) => !(entry.startsWith('/') || !entry.includes('/')) || entry.length > 4096);
  if (bad !== undefined) fail(source, 'must list program names (found on PATH) or absolute paths, not relative paths', bad);
  return { accept: true, programs };
}

/** Reads the flags (argv without node and the script) over the environment; throws ConfigError. */
export function parseRunnerConfig(argv: string[], env: RunnerEnv): RunnerConfig | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: bareAllowCommands(argv),
      strict: true,
      allowPositionals: false,
      options: {
        api: { type: 'string' },
        token: { type: 'string' },
        concurrency: { type: 'string' },
        backend: { type: 'string' },
        labels: { type: 'string' },
        name: { type: 'string' },
        study: { type: 'string' },
        gpus: { type: 'string' },
        'slot-processes': { type: 'string' },
        'allow-commands': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new ConfigError(`${(error as Error).message} (see --help)`);
  }
  if (values.help) return 'help';
  const flag = (name: string) => values[name] as string | undefined;

  const api = pick('api', flag('api'), 'TUNEBOARD_API', env.TUNEBOARD_API);
  if (!api) throw new ConfigError('--api (or TUNEBOARD_API) is required, e.g. --api http://localhost:4000/graphql');
  let url: URL;
  try {
    url = new URL(api.value);
  } catch {
    fail(api, 'must be an http(s) URL such as http://localhost:4000/graphql');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail(api, 'must start with http:// or https://');

  const token = pick('token', flag('token'), 'TUNEBOARD_TOKEN', env.TUNEBOARD_TOKEN);
  if (!token) throw new ConfigError('--token (or TUNEBOARD_TOKEN) is required: create an API token of scope RUNNER in the team settings');
  // Never echo a whole secret into a log: its first characters are enough to spot a paste error.
  if (!/^tb_\S+$/.test(token.value)) fail(token, 'must be an API token starting with tb_', `${token.value.slice(0, 6)}…`);

  let concurrency = 1;
  const concurrencySource = pick('concurrency', flag('concurrency'), 'TUNEBOARD_CONCURRENCY', env.TUNEBOARD_CONCURRENCY);
  if (concurrencySource) {
    concurrency = Number(concurrencySource.value);
    if (!/^\d+$/.test(concurrencySource.value.trim()) || concurrency < 1 || concurrency > maxConcurrency) {
      fail(concurrencySource, `must be a whole number from 1 to ${maxConcurrency}`);
    }
  }

  let backend: BackendChoice = 'auto';
  const backendSource = pick('backend', flag('backend'), 'TUNEBOARD_BACKEND', env.TUNEBOARD_BACKEND);
  if (backendSource) {
    const choices: readonly string[] = ['auto', ...backendNames];
    if (!choices.includes(backendSource.value)) fail(backendSource, `must be one of ${choices.join(', ')}`);
    backend = backendSource.value as BackendChoice;
  }

  let labels: string[] = [];
  const labelsSource = pick('labels', flag('labels'), 'TUNEBOARD_LABELS', env.TUNEBOARD_LABELS);
  if (labelsSource) {
    labels = [...new Set(labelsSource.value.split(',').map((label) => label.trim()).filter(Boolean))];
    const bad = labels.find((label) => !/^[A-Za-z0-9_.:-]{1,50}$/.test(label));
    if (bad !== undefined) fail(labelsSource, 'must be comma-separated labels of 1 to 50 letters, digits, _ . : -', bad);
  }

  let name = defaultRunnerName();
  const nameSource = pick('name', flag('name'), 'TUNEBOARD_NAME', env.TUNEBOARD_NAME);
  if (nameSource) {
    if (!/^[A-Za-z0-9_.:@-]{1,100}$/.test(nameSource.value)) fail(nameSource, 'must hold 1 to 100 letters, digits, _ . : @ -');
    name = nameSource.value;
  }

  const studySource = pick('study', flag('study'), 'TUNEBOARD_STUDY', env.TUNEBOARD_STUDY);
  if (studySource && studySource.value.trim() === '') fail(studySource, 'must be a study id');

  let gpus: number | undefined;
  const gpusSource = pick('gpus', flag('gpus'), 'TUNEBOARD_GPUS', env.TUNEBOARD_GPUS);
  if (gpusSource) {
    gpus = Number(gpusSource.value);
    if (!/^\d+$/.test(gpusSource.value.trim()) || gpus > maxConcurrency) fail(gpusSource, `must be a whole number from 0 to ${maxConcurrency}`);
  }

  let slotProcesses: SlotProcessesMode = 'auto';
  const slotSource = pick('slot-processes', flag('slot-processes'), 'TUNEBOARD_SLOT_PROCESSES', env.TUNEBOARD_SLOT_PROCESSES);
  if (slotSource) {
    if (!(slotProcessesModes as readonly string[]).includes(slotSource.value)) fail(slotSource, `must be one of ${slotProcessesModes.join(', ')}`);
    slotProcesses = slotSource.value as SlotProcessesMode;
  }

  const commands = parseCommandPolicy(pick('allow-commands', flag('allow-commands'), 'TUNEBOARD_ALLOW_COMMANDS', env.TUNEBOARD_ALLOW_COMMANDS));

  return {
    api: url.toString(),
    token: token.value,
    concurrency,
    backend,
    labels,
    name,
    studyId: studySource?.value.trim(),
    logLevel: env.TUNEBOARD_LOG_LEVEL,
    pollMs: defaultPollMs,
    shutdownMs: defaultShutdownMs,
    gpus,
    slotProcesses,
    commands,
  };
}
