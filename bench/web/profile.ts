// Where the study page's main-thread time goes: a Chromium CPU profile (CDP `Profiler`) around one phase of the
// study-page bench, summarised as the functions with the most self time. Turned on with
// TUNEBOARD_BENCH_PROFILE=1 (`TUNEBOARD_BENCH_PROFILE=1 npx tsx bench/web/study-page.ts 10000 1`); the whole
// profile is written to the OS temp folder for DevTools (Performance → Load profile).
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

/** Runs `during` under the CPU profiler and prints the `top` functions by self time (ms and share of the phase). */
export async function profiled<T>(page: Page, label: string, during: () => Promise<T>, top = 15): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await during();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.detach();
  const file = path.join(os.tmpdir(), `study-page-${label.replace(/\W+/g, '-')}-${Date.now()}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  process.stdout.write(`profile ${label}: ${file}\n${summarise(profile, top)}\n`);
  return result;
}

/** Self time per function (samples × their time deltas), largest first. */
export function summarise(profile: CpuProfile, top: number): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]!);
    if (!node) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const file = url ? url.split('/').pop() : '';
    const key = `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}:${columnNumber + 1}` : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
  }
  const total = (profile.endTime - profile.startTime) / 1000;
  const idle = self.get('(idle)') ?? 0;
  const rows = [...self.entries()]
    .filter(([k]) => k !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, v]) => `  ${v.toFixed(0).padStart(7)} ms ${((v / total) * 100).toFixed(1).padStart(5)} %  ${k}`);
  return [`  phase ${total.toFixed(0)} ms, idle ${idle.toFixed(0)} ms`, ...rows].join('\n');
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
}

/**
 * Runs `during` under a Chrome trace (devtools.timeline) and prints the main thread's time per event kind
 * (style, layout, paint, script…): the native work a CPU profile shows only as "(program)".
 */
export async function traced<T>(page: Page, label: string, during: () => Promise<T>, top = 12): Promise<T> {
  const browser = page.context().browser();
  if (!browser) return during();
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  const result = await during();
  const buffer = await browser.stopTracing();
  const { traceEvents } = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] };
  // The renderer's main thread: the thread of the most RunTask time that has layout events.
  const layoutThreads = new Set(traceEvents.filter((e) => e.name === 'Layout' || e.name === 'UpdateLayoutTree').map((e) => `${e.pid}:${e.tid}`));
  const byName = new Map<string, number>();
  for (const e of traceEvents) {
    if (e.ph !== 'X' || e.dur === undefined || !layoutThreads.has(`${e.pid}:${e.tid}`)) continue;
    byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
  }
  const rows = [...byName.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, ms]) => `  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
  process.stdout.write(`trace ${label} (inclusive, nested events overlap):\n${rows.join('\n')}\n`);
  return result;
}
