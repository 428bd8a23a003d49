// npm run bench:web (runs this first): parallel coordinates in headless Chromium. Bundles a harness page
// with esbuild, then measures in the page with performance.now(): drawing 1,000 and 10,000 trials × 8 axes
// (median of 5 mounts, each ending with a canvas pixel read so rasterising counts) and one brush update at
// 10,000 trials (median of 10). Prints figures; asserts nothing about time.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { launchBrowser } from '@tuneboard/e2e/browser';
import { chartsHarness } from './harness.ts';

const log = (line: string) => process.stdout.write(`${line}\n`);
const chartsDir = fileURLToPath(new URL('../../apps/web/src/charts/', import.meta.url));
const outDir = mkdtempSync(path.join(os.tmpdir(), 'tb-bench-web-'));

interface DrawResult {
  median: number;
  times: number[];
}
interface BrushResult extends DrawResult {
  lines: number;
  selected: number[];
}
/** What the harness puts on the page's globalThis (bench compiles without the DOM library). */
interface HarnessGlobal {
  __bench: { draw(n: number, reps: number): DrawResult; brush(n: number, reps: number): Promise<BrushResult> };
  document: { title: string };
}
async function main() {
  await build({
    stdin: { contents: chartsHarness, resolveDir: chartsDir, loader: 'tsx', sourcefile: 'harness.tsx' },
    bundle: true,
    minify: true,
    format: 'iife',
    outdir: outDir,
    entryNames: 'harness',
    jsx: 'automatic',
    loader: { '.module.css': 'local-css' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  writeFileSync(
    path.join(outDir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="harness.css"></head>' +
      '<body style="margin:0"><script src="harness.js"></script></body></html>',
  );

  // Debian's Chromium, launched the one way the browser tests launch it.
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    await page.goto(pathToFileURL(path.join(outDir, 'index.html')).href);
    await page.waitForFunction(() => (globalThis as unknown as HarnessGlobal).document.title === 'ready');
    // One throw-away mount warms up the JIT so the first measured mount is not a compile benchmark.
    await page.evaluate(() => (globalThis as unknown as HarnessGlobal).__bench.draw(1000, 1));
    const draw1k = await page.evaluate(() => (globalThis as unknown as HarnessGlobal).__bench.draw(1000, 5));
    const draw10k = await page.evaluate(() => (globalThis as unknown as HarnessGlobal).__bench.draw(10000, 5));
    const brush10k = await page.evaluate(() => (globalThis as unknown as HarnessGlobal).__bench.brush(10000, 10));
    // Issue #18, item 7: the chart of a 100,000-trial study page.
    const draw100k = await page.evaluate(() => (globalThis as unknown as HarnessGlobal).__bench.draw(100000, 3));
    const brush100k = await page.evaluate(() => (globalThis as unknown as HarnessGlobal).__bench.brush(100000, 10));
    const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
    const row = (what: string, r: DrawResult, goal: string) =>
      log(`| ${what.padEnd(40)} | ${fmt(r.median).padEnd(8)} | ${fmt(Math.min(...r.times)).padEnd(8)} | ${goal.padEnd(8)} | ${r.times.map((t) => t.toFixed(0)).join(', ')}`);
    log('');
    log(`load average (1/5/15 min): ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')} on ${os.cpus().length} cores`);
    log('| measure (headless Chromium, 8 axes)      | median   | min      | goal     | runs (ms)');
    log('|------------------------------------------|----------|----------|----------|----------');
    row('draw parallel coordinates, 1,000 trials', draw1k, '');
    row('draw parallel coordinates, 10,000 trials', draw10k, '< 200 ms');
    row('one brush update, 10,000 trials', brush10k, '< 50 ms');
    row('draw parallel coordinates, 100,000 trials', draw100k, '');
    row('one brush update, 100,000 trials', brush100k, '≤ 100 ms');
    log('');
    log(`lines drawn: ${brush10k.lines}; trials inside the brushes per update: ${brush10k.selected.join(', ')}`);
    log(`goals: draw 10k ${draw10k.median < 200 ? 'met' : 'NOT met'}, brush ${brush10k.median < 50 ? 'met' : 'NOT met'}, brush 100k ${brush100k.median <= 100 ? 'met' : 'NOT met'}`);
  } finally {
    await browser.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  log(String(err instanceof Error ? (err.stack ?? err.message) : err));
  process.exitCode = 1;
});
