import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildKit } from '../gpu-kit/build.ts';
import type { BuiltKit } from '../gpu-kit/build.ts';

// The GPU kit (npm run gpu:kit) built and run as on a host without a usable GPU: gzip instead of xz and no Vulkan
// loader fetched, to keep it quick; everything else is the kit a GPU host gets.
describe('GPU device check kit', { timeout: 120_000 }, () => {
  let out: string;
  let kit: BuiltKit;
  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'tb-gpu-kit-'));
    kit = await buildKit({ out, compress: 'gzip', vulkan: false, log: () => undefined });
  }, 120_000);
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  /** Runs the kit's run.sh in a bare environment (it runs its own Node, whatever PATH holds). */
  async function runKit(args: string[], pathPrefix?: string): Promise<{ code: number | null; text: string }> {
    const output: string[] = [];
    const child = spawn(path.join(kit.folder, 'run.sh'), args, {
      env: { PATH: `${pathPrefix ? `${pathPrefix}:` : ''}/usr/bin:/bin`, HOME: out, TMPDIR: out },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    return { code, text: output.join('') };
  }

  it('fits its budget, and its CPU-only run completes a study and reports the GPU steps as skipped with the reason', async () => {
    expect(kit.bytes).toBeLessThan(60 * 2 ** 20);
    const { code, text } = await runKit(['--cpu-only']);
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
  });

  it('fails on a GPU host where the GPU steps cannot train there, naming each step', async () => {
    // nvidia-smi lists a GPU, but there is no Vulkan driver (nor CUDA torch) behind it.
    const bin = path.join(out, 'fake-bin');
    await mkdir(bin, { recursive: true });
    await writeFile(path.join(bin, 'nvidia-smi'), '#!/bin/sh\necho "GPU 0: NVIDIA Stand-in (UUID: GPU-0000)"\n');
    await chmod(path.join(bin, 'nvidia-smi'), 0o755);
    const { code, text } = await runKit([], bin);
    expect(text, text).toContain('== mode: GPU (1 listed by nvidia-smi)');
    expect(code).toBe(1);
    expect(text).toMatch(/b1 digits mlp webgpu: failed — backend "webgpu" cannot be used: /);
    expect(text).toMatch(/RESULT: FAIL \(b1 digits mlp webgpu; b2 mnist cnn webgpu; c torch mlp cuda\)/);
    // The wasm reference still ran: one trial of the same MLP.
    expect(text.split('\n').filter((line) => line.startsWith('| d1 digits mlp wasm | 0 '))).toHaveLength(1);
  });
});
