import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildKit } from '../gpu-kit/build.ts';

// The GPU kit (npm run gpu:kit) built and run in its CPU-only mode, as on a host without a GPU: gzip instead of
// xz and no Vulkan loader fetched, to keep it quick; everything else is the kit a GPU host gets.
describe('GPU device check kit', () => {
  let out: string | undefined;
  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('builds, and its CPU-only run completes a study and reports the GPU steps as skipped with the reason', async () => {
    out = await mkdtemp(path.join(tmpdir(), 'tb-gpu-kit-'));
    const kit = await buildKit({ out, compress: 'gzip', vulkan: false, log: () => undefined });
    expect(kit.bytes).toBeLessThan(60 * 2 ** 20);

    const output: string[] = [];
    // A clean environment as on a bare host; run.sh runs the kit's own Node, whatever PATH holds.
    const child = spawn(path.join(kit.folder, 'run.sh'), ['--cpu-only'], {
      env: { PATH: '/usr/bin:/bin', HOME: out, TMPDIR: out },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    const text = output.join('');
    expect(text, text).toContain('RESULT: PASS (CPU-only');
    expect(code).toBe(0);
    expect(text).toContain('== (a) GPU and Vulkan environment');
    expect(text).toContain('d1 digits mlp wasm: done');
    // Six completed wasm trials in the table, each with its throughput and accuracy.
    const rows = text.split('\n').filter((line) => line.startsWith('| d1 digits mlp wasm'));
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(row).toMatch(/\| COMPLETE \| wasm +\| WebAssembly .*\| \d+ +\| 0\.\d{3} +\| no +\|$/);
    // The GPU steps: skipped, with the runner's own refusal as the reason.
    expect(text).toMatch(/b1 digits mlp webgpu: skipped — backend "webgpu" cannot be used: (no Vulkan loader|no WebGPU adapter)/);
    expect(text).toMatch(/b2 mnist cnn webgpu: skipped — /);
    expect(text).toMatch(/c torch mlp cuda: skipped — (python3 with torch|torch sees no CUDA device)/);
  }, 120_000);
});
