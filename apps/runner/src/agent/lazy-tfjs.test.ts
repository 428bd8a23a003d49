import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const here = (file: string) => new URL(file, import.meta.url).href;

describe('TensorFlow.js is loaded by the first template trial, not with the runner', () => {
  it('is not imported by the runner loop, its trial runs, objectives, evaluations and slot processes; select-backend imports it', async () => {
    // A fresh process: this one may hold TensorFlow.js from other tests. tfjs-core makes its engine, `_tfengine`
    // on the global object, when its module is evaluated.
    const script = `
      for (const url of ${JSON.stringify([
        here('./agent.ts'),
        here('./trial-run.ts'),
        here('./evaluations.ts'),
        here('../objectives/run-objective.ts'),
        here('../slots/slot-processes.ts'),
        here('./config.ts'),
      ])}) await import(url);
      const withRunner = '_tfengine' in globalThis;
      await import(${JSON.stringify(here('../backend/select-backend.ts'))});
      console.log(JSON.stringify({ withRunner, withBackend: '_tfengine' in globalThis }));`;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tb-lazy-tfjs-'));
    try {
      const file = path.join(dir, 'probe.mjs');
      await writeFile(file, script);
      const { stdout } = await run(process.execPath, ['--import', 'tsx', file], { cwd: path.dirname(new URL(import.meta.url).pathname) });
      expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({ withRunner: false, withBackend: true });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
