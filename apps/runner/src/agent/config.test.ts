import { describe, expect, it } from 'vitest';
import { readRunnerEnv } from '../env.ts';
import { defaultRunnerName, parseRunnerConfig, usesSlotProcesses } from './config.ts';
import type { RunnerConfig } from './config.ts';
import { valuesInObjectiveOrder, leaseMsOf } from './trial-run.ts';

const env = (vars: Record<string, string> = {}) => readRunnerEnv(vars);
const base = ['--api', 'http://localhost:4000/graphql', '--token', 'tb_secret'];

describe('parseRunnerConfig', () => {
  it('reads the flags, with defaults for the rest', () => {
    const config = parseRunnerConfig([...base, '--concurrency', '3', '--backend', 'wasm', '--labels', 'gpu, a100,gpu', '--name', 'box-1'], env());
    expect(config).toMatchObject({
      api: 'http://localhost:4000/graphql',
      token: 'tb_secret',
      concurrency: 3,
      backend: 'wasm',
      labels: ['gpu', 'a100'],
      name: 'box-1',
      studyId: undefined,
      logLevel: 'info',
    });
  });

  it('takes the environment when a flag is absent, and the flag when both are given', () => {
    const vars = env({
      TUNEBOARD_API: 'https://tb.example/graphql',
      TUNEBOARD_TOKEN: 'tb_fromenv',
      TUNEBOARD_CONCURRENCY: '2',
      TUNEBOARD_STUDY: 'U3R1ZHk6MQ',
    });
    expect(parseRunnerConfig([], vars)).toMatchObject({ api: 'https://tb.example/graphql', token: 'tb_fromenv', concurrency: 2, studyId: 'U3R1ZHk6MQ' });
    expect(parseRunnerConfig(['--concurrency', '5', '--token', 'tb_flag'], vars)).toMatchObject({ concurrency: 5, token: 'tb_flag' });
  });

  it('names the flag or variable and the value in its errors', () => {
    expect(() => parseRunnerConfig([...base, '--concurrency', 'two'], env())).toThrow('--concurrency must be a whole number from 1 to 64, got "two"');
    expect(() => parseRunnerConfig(base, env({ TUNEBOARD_CONCURRENCY: '0' }))).toThrow('TUNEBOARD_CONCURRENCY must be a whole number from 1 to 64, got "0"');
    expect(() => parseRunnerConfig([...base, '--backend', 'cuda'], env())).toThrow(
      '--backend must be one of auto, tfjs-node-gpu, webgpu, tfjs-node, wasm, cpu, got "cuda"',
    );
    expect(() => parseRunnerConfig(['--api', 'localhost:4000', '--token', 'tb_x'], env())).toThrow('--api must start with http:// or https://');
    expect(() => parseRunnerConfig([...base, '--labels', 'ok,not ok'], env())).toThrow('got "not ok"');
    expect(() => parseRunnerConfig([...base, '--name', 'a b'], env())).toThrow('--name must hold 1 to 100 letters');
    expect(() => parseRunnerConfig([...base, '--verbose'], env())).toThrow("Unknown option '--verbose'");
    expect(() => parseRunnerConfig(['--token', 'tb_x'], env())).toThrow('--api (or TUNEBOARD_API) is required');
    expect(() => readRunnerEnv({ TUNEBOARD_LOG_LEVEL: 'loud' })).toThrow('Invalid TUNEBOARD_LOG_LEVEL="loud"');
  });

  it('reads the GPU count and the slot-process mode, naming a bad value', () => {
    expect(parseRunnerConfig(base, env())).toMatchObject({ gpus: undefined, slotProcesses: 'auto' });
    expect(parseRunnerConfig([...base, '--gpus', '4', '--slot-processes', 'off'], env())).toMatchObject({ gpus: 4, slotProcesses: 'off' });
    expect(parseRunnerConfig(base, env({ TUNEBOARD_GPUS: '0', TUNEBOARD_SLOT_PROCESSES: 'on' }))).toMatchObject({ gpus: 0, slotProcesses: 'on' });
    expect(() => parseRunnerConfig([...base, '--gpus=-1'], env())).toThrow('--gpus must be a whole number from 0 to 64, got "-1"');
    expect(() => parseRunnerConfig(base, env({ TUNEBOARD_SLOT_PROCESSES: 'yes' }))).toThrow('TUNEBOARD_SLOT_PROCESSES must be one of auto, on, off, got "yes"');
  });

  it('refuses command objectives unless --allow-commands (or TUNEBOARD_ALLOW_COMMANDS) says otherwise', () => {
    expect(parseRunnerConfig(base, env())).toMatchObject({ commands: { accept: false } });
    // Alone, last or before another flag: any program.
    expect(parseRunnerConfig([...base, '--allow-commands'], env())).toMatchObject({ commands: { accept: true } });
    expect(parseRunnerConfig(['--allow-commands', ...base], env())).toMatchObject({ commands: { accept: true } });
    expect((parseRunnerConfig([...base, '--allow-commands'], env()) as RunnerConfig).commands).toEqual({ accept: true });
    // With a list: only those programs, by name or absolute path.
    expect(parseRunnerConfig([...base, '--allow-commands', 'python3, /opt/train.sh,python3'], env())).toMatchObject({
      commands: { accept: true, programs: ['python3', '/opt/train.sh'] },
    });
    expect(parseRunnerConfig([...base, '--allow-commands=python3'], env())).toMatchObject({ commands: { accept: true, programs: ['python3'] } });
    expect(parseRunnerConfig(base, env({ TUNEBOARD_ALLOW_COMMANDS: 'true' }))).toMatchObject({ commands: { accept: true } });
    expect(parseRunnerConfig(base, env({ TUNEBOARD_ALLOW_COMMANDS: '/opt/train.sh' }))).toMatchObject({
      commands: { accept: true, programs: ['/opt/train.sh'] },
    });
    expect(parseRunnerConfig(base, env({ TUNEBOARD_ALLOW_COMMANDS: 'false' }))).toMatchObject({ commands: { accept: false } });
    // The flag wins over the environment.
    expect(parseRunnerConfig([...base, '--allow-commands=no'], env({ TUNEBOARD_ALLOW_COMMANDS: 'yes' }))).toMatchObject({ commands: { accept: false } });
  });

  it('names the flag and the entry when the allowed programs are malformed', () => {
    expect(() => parseRunnerConfig([...base, '--allow-commands', 'python3,./train.sh'], env())).toThrow(
      '--allow-commands must list program names (found on PATH) or absolute paths, not relative paths, got "./train.sh"',
    );
    expect(() => parseRunnerConfig(base, env({ TUNEBOARD_ALLOW_COMMANDS: ' , ' }))).toThrow(
      'TUNEBOARD_ALLOW_COMMANDS must be true, false or a comma-separated list of programs such as python3,/opt/train.sh, got ","',
    );
    const many = Array.from({ length: 65 }, (_, i) => `p${i}`).join(',');
    expect(() => parseRunnerConfig([...base, `--allow-commands=${many}`], env())).toThrow('--allow-commands must name at most 64 programs, got "65 programs"');
  });

  it('runs template trials in slot processes when there are several slots, or when asked to', () => {
    expect(usesSlotProcesses('auto', 2)).toBe(true);
    expect(usesSlotProcesses('auto', 1)).toBe(false);
    expect(usesSlotProcesses('on', 1)).toBe(true);
    expect(usesSlotProcesses('off', 8)).toBe(false);
  });

  it('never prints a whole token back', () => {
    expect(() => parseRunnerConfig(['--api', 'http://h/graphql', '--token', 'abcdefghijklmnop'], env())).toThrow(
      '--token must be an API token starting with tb_, got "abcdef…"',
    );
  });

  it('answers help', () => {
    expect(parseRunnerConfig(['--help'], env())).toBe('help');
  });

  it('derives a valid default name from the host and process', () => {
    expect(defaultRunnerName('gpu box.local', 42)).toBe('gpu-box.local-42');
  });
});

describe('trial helpers', () => {
  it('puts objective values in the study order', () => {
    expect(valuesInObjectiveOrder(['loss', 'acc'], [{ name: 'acc' }, { name: 'loss' }], [0.3, 0.9])).toEqual([0.9, 0.3]);
    expect(valuesInObjectiveOrder(['loss'], [{ name: 'loss' }], [0.3])).toEqual([0.3]);
  });

  it('reads a lease length of at least a second, whatever the clocks say', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(leaseMsOf('2026-01-01T00:01:00Z', now)).toBe(60_000);
    expect(leaseMsOf('2025-12-31T23:59:00Z', now)).toBe(1_000);
    expect(leaseMsOf('not a date', now)).toBe(60_000);
  });
});
