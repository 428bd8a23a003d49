// The study page with a big study (issue #18, item 7): seeds studies of 10,000 and 100,000 trials (7 parameters, 1
// objective, 20 curve points each) straight into the database of an in-process API, serves the dashboard's test
// build, and measures in Chromium:
// - summary paint: navigation → first contentful paint (the server-rendered summary is the page's first content);
// - full render: navigation → every trial reachable in the (virtualised) table and the parallel coordinates drawn
//   (timed in the page, two frames after both hold; see watchFullRender);
// - brush: a brush dragged on the `lr` axis, from the pointer's release to the frame after the page re-rendered
//   (table, history, slices, contour, EDF all follow the brush);
// - live: the main thread's busy share (Chrome's TaskDuration over wall time) while the API announces 50 trial
//   events a second (`trialEnqueue`: a new trial each), and with no events, for reference.
// Run: `npm run bench:web` (after the charts bench) or `npx tsx bench/web/study-page.ts [sizes] [runs]` from the root,
// e.g. `npx tsx bench/web/study-page.ts 10000,100000 2`. TUNEBOARD_BENCH_PORT (optional) puts the API there and
// the dashboard on the next port.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createDb, type DbHandle } from '@tuneboard/db';
import { createStudy, setupTeam, startTestApi, type TestApi } from '@tuneboard/api/testing';
import { launchBrowser } from '@tuneboard/e2e/browser';
import { startWeb } from '@tuneboard/e2e/stack';
import { freePorts } from '@tuneboard/start/ports';
import { webBenchEnv } from './env.ts';
import { profiled, traced } from './profile.ts';

const SIZES = (process.argv[2] ?? '10000,100000').split(',').map(Number);
const RUNS = Number(process.argv[3] ?? 2);
const PROFILE = webBenchEnv.TUNEBOARD_BENCH_PROFILE === '1';
/** Under the CPU profiler when TUNEBOARD_BENCH_PROFILE=1 (which slows the phase: its figure is not comparable). */
const maybeProfiled = <T>(page: Page, label: string, during: () => Promise<T>): Promise<T> => (PROFILE ? profiled(page, label, during) : during());
const POINTS = 20;
const EVENTS_PER_SECOND = 50;
const LIVE_SECONDS = 10;
/** The figures of the page before this change (docs/benchmarks.md, 2026-11-28): ten sequential pages in the payload. */
const BEFORE: Record<number, string> = { 10_000: '3.5–3.8 s full render (summary painted with it)', 100_000: 'n/a (the page loaded at most 10,000 trials)' };
const GOALS: Record<number, string> = { 10_000: 'full render ≤ 1 s', 100_000: 'full render ≤ 4 s, brush ≤ 100 ms' };

type Team = Awaited<ReturnType<typeof setupTeam>>;

const SPACE = {
  lr: { type: 'float', low: 1e-5, high: 0.1, log: true },
  batch_size: { type: 'int', low: 16, high: 512 },
  dropout: { type: 'float', low: 0, high: 0.6 },
  optimizer: { type: 'categorical', choices: ['adam', 'sgd', 'rmsprop', 'adamw'] },
  layers: { type: 'int', low: 1, high: 8 },
  momentum: { type: 'float', low: 0.5, high: 0.99 },
  weight_decay: { type: 'float', low: 1e-6, high: 1e-2, log: true },
};

/** A paused study of `trials` complete trials (numbered 1…trials) with POINTS points of `val_loss` each. */
async function seedStudy(api: TestApi, handle: DbHandle, team: Team, trials: number): Promise<string> {
  const created = await createStudy(api, team, { space: SPACE, budget: { maxTrials: trials + 100_000, maxParallel: 1 } });
  await api.gql('mutation($id: ID!) { studyPause(input: { id: $id }) { userErrors { message } } }', { id: created.id }, team.user);
  const [row] = await handle.query<{ id: string }>(`select id from study order by created_at desc limit 1`);
  // The trial the study sampled before it was paused goes: the study holds exactly the seeded trials.
  await handle.query(`delete from trial where study_id = $1`, [row!.id]);
  const started = performance.now();
  // One statement: complete trials with 7 parameters and a value (pseudo-random but repeatable).
  await handle.query(
    `insert into trial (study_id, number, params, state, values, origin, started_at, finished_at)
     select $1, g,
       jsonb_build_object(
         'lr', power(10, -5 + 4 * ((g * 0.6180339887) % 1)),
         'batch_size', 16 + (g * 7919) % 497,
         'dropout', 0.6 * ((g * 0.4142135623) % 1),
         'optimizer', (array['adam','sgd','rmsprop','adamw'])[1 + g % 4],
         'layers', 1 + g % 8,
         'momentum', 0.5 + 0.49 * ((g * 0.7320508075) % 1),
         'weight_decay', power(10, -6 + 4 * ((g * 0.2360679774) % 1))),
       'COMPLETE', array[((g * 0.5772156649) % 1) + 0.1]::float8[], 'SAMPLER',
       now() - interval '1 hour', now() - interval '1 hour' + (g % 60) * interval '1 second'
     from generate_series(1, ${trials}) g`,
    [row!.id],
  );
  await handle.query(
    `insert into metric (trial_id, attempt, key, step, value)
     select t.id, 0, 'val_loss', s, t.values[1] * (1 + 1.0 / (s + 1)) from trial t, generate_series(0, ${POINTS - 1}) s
     where t.study_id = $1`,
    [row!.id],
  );
  // New trials (the live part) are numbered after the seeded ones.
  await handle.query(`update study set next_trial_number = $2 where id = $1`, [row!.id, trials + 1]);
  process.stdout.write(`seeded ${trials} trials × ${POINTS} points in ${Math.round(performance.now() - started)} ms\n`);
  return created.id;
}

/**
 * Installed in every document of the context before its scripts: on each animation frame, whether the table holds
 * `trials` rows and the parallel coordinates have drawn them; the first time they have, `window.__tbFullAt` is
 * the time two frames later (the canvas lines are painted in an effect after the commit that inserted the
 * canvas). Timed in the page, not by Playwright's `waitForSelector`, which polls with a back-off of up to 500 ms
 * between tries, so the figures it gave were late by up to half a second.
 */
const watchFullRender = (trials: number) => `(() => {
  const done = () =>
    document.querySelector('[data-testid="trial-table"][data-row-count="${trials}"]') &&
    document.querySelector('[data-testid="parallel-coordinates"][data-trial-count="${trials}"] canvas[width]');
  const poll = () => {
    if (done()) requestAnimationFrame(() => requestAnimationFrame(() => { window.__tbFullAt = performance.now(); }));
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;

const frameAfter = (page: Page) =>
  page.evaluate<number>('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))))');

/** One visit: navigation → summary painted → table and chart complete. */
async function visit(page: Page, url: string, trials: number): Promise<{ summary: number; full: number; polled: number }> {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit', timeout: 180_000 });
  await page.waitForSelector(`[data-testid="trial-table"][data-row-count="${trials}"]`, { timeout: 180_000 });
  await page.waitForSelector(`[data-testid="parallel-coordinates"][data-trial-count="${trials}"] canvas[width]`, { state: 'attached', timeout: 180_000 });
  // When the bench's polling saw it (the figure of the runs before 2026-12-07 02:00 UTC), for comparison.
  const polled = await frameAfter(page);
  await page.waitForFunction('typeof window.__tbFullAt === "number"', undefined, { timeout: 10_000 });
  const full = await page.evaluate<number>('window.__tbFullAt');
  const summary = await page.evaluate<number>(
    `performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN`,
  );
  if (PROFILE) {
    // When each request of the visit ran: the document, the scripts and the API reads (start → end, ms).
    const requests = await page.evaluate<string>(
      `[performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
        .filter((e) => e.entryType === 'navigation' || e.name.includes('graphql') || e.initiatorType === 'script')
        .map((e) => Math.round(e.startTime) + '→' + Math.round(e.responseEnd) + ' ' + e.name.split('/').pop().slice(0, 40))
        .join('\\n')`,
    );
    process.stdout.write(`${trials}: requests of the visit:\n${requests}\n`);
  }
  return { summary, full, polled };
}

/**
 * Drags a brush on the `lr` axis; ms from the release to the frame after the page shows the brushed trials. Each
 * drag starts outside the brush before it and has its own length: a drag that starts inside a brush moves it
 * instead of drawing a new one, and on this log axis (values spread evenly in log space) a moved brush of the
 * same height selects the same number of trials, so the page's counts did not change and the drag looked
 * unregistered (the "2 of 3 drags registered" of the first runs).
 */
async function brush(page: Page, step: number): Promise<number> {
  // The axis' brush overlay, scrolled into view as a person would (panels above can push it below the fold).
  const overlay = page.locator('[data-testid="parallel-coordinates"] [data-axis="param:lr"] rect.overlay');
  await overlay.scrollIntoViewIfNeeded();
  const axis = await overlay.boundingBox();
  if (!axis) throw new Error('no lr axis');
  const before = await page.getAttribute('[data-testid="parallel-coordinates"]', 'data-selected-count');
  const x = axis.x + axis.width / 2;
  const y0 = axis.y + axis.height * (0.05 + 0.3 * step);
  const length = axis.height * (0.1 + 0.05 * step);
  await page.evaluate(`window.__released = 0; window.addEventListener('pointerup', () => { window.__released = performance.now(); }, { once: true, capture: true })`);
  await page.mouse.move(x, y0);
  await page.mouse.down();
  await page.mouse.move(x, y0 + length / 2, { steps: 4 });
  await page.mouse.move(x, y0 + length, { steps: 4 });
  await page.mouse.up();
  // The page has reacted when the chart's selection changed and the table holds exactly the selected trials.
  await page.waitForFunction(
    `(() => {
      const selected = document.querySelector('[data-testid="parallel-coordinates"]')?.getAttribute('data-selected-count');
      const rows = document.querySelector('[data-testid="trial-table"]')?.getAttribute('data-row-count');
      return selected !== ${JSON.stringify(before)} && rows === selected;
    })()`,
    undefined,
    { timeout: 20_000 },
  );
  const done = await frameAfter(page);
  const released = await page.evaluate<number>('window.__released');
  return done - released;
}

/** The main thread's busy share over `seconds`, while `during` runs (or idles). */
async function busyShare(page: Page, seconds: number, during: () => Promise<void>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  };
  const t0 = performance.now();
  const busy0 = await read();
  await Promise.all([during(), new Promise((r) => setTimeout(r, seconds * 1000))]);
  const busy1 = await read();
  const wall = (performance.now() - t0) / 1000;
  await cdp.detach();
  return (busy1 - busy0) / wall;
}

/** `trialEnqueue` at `perSecond` for `seconds`: one TRIAL_CREATED event each, announced over the page's socket. */
async function enqueueAtRate(api: TestApi, team: Team, studyId: string, perSecond: number, seconds: number): Promise<number> {
  const mutation = 'mutation($s: ID!, $p: JSON!) { trialEnqueue(input: { studyId: $s, params: $p }) { userErrors { message } } }';
  const params = { lr: 0.001, batch_size: 64, dropout: 0.1, optimizer: 'adam', layers: 2, momentum: 0.9, weight_decay: 0.0001 };
  const start = performance.now();
  let sent = 0;
  const inFlight: Promise<unknown>[] = [];
  while (performance.now() - start < seconds * 1000) {
    const due = Math.floor(((performance.now() - start) / 1000) * perSecond);
    while (sent < due) {
      sent += 1;
      inFlight.push(api.gql(mutation, { s: studyId, p: params }, team.user));
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await Promise.all(inFlight);
  return sent;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${Math.round(x)} ms`;

async function main(): Promise<void> {
  const fromEnv = webBenchEnv.TUNEBOARD_BENCH_PORT;
  const [apiPort, webPort] = fromEnv ? [fromEnv, fromEnv + 1] : ((await freePorts(2)) as [number, number]);
  const port = String(apiPort);
  const apiUrl = `http://127.0.0.1:${port}/graphql`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tb-bench-study-page-'));
  const handle = await createDb({ dataDir });
  await handle.migrate();
  // The bench's own requests (50 mutations a second, by the same person as the page) must not be throttled by the
  // per-caller fair share, which would slow the page's reads too.
  const api = await startTestApi(handle, { PORT: port, WEB_ORIGINS: `http://127.0.0.1:${webPort}`, TUNEBOARD_FAIR_SHARE_MS_PER_S: '0' });
  let web: Awaited<ReturnType<typeof startWeb>> | undefined;
  const browser = await launchBrowser();
  const lines: string[] = [];
  try {
    const team = await setupTeam(api, 'bench');
    web = await startWeb(apiUrl, webPort);
    for (const trials of SIZES) {
      const studyId = await seedStudy(api, handle, team, trials);
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const [name, value] = team.user.cookie.split('=') as [string, string];
      await context.addCookies([{ name, value, domain: '127.0.0.1', path: '/' }]);
      await context.addInitScript({ content: watchFullRender(trials) });
      const page = await context.newPage();
      const url = `${web.url}/studies/${encodeURIComponent(studyId)}`;
      const summaries: number[] = [];
      const fulls: number[] = [];
      // The first visit warms Next's and the API's caches; the figures are the visits after it.
      for (let run = 0; run <= RUNS; run++) {
        const { summary, full, polled } = await (run === RUNS ? maybeProfiled(page, `${trials} full render`, () => visit(page, url, trials)) : visit(page, url, trials));
        if (run > 0) {
          summaries.push(summary);
          fulls.push(full);
        }
        process.stdout.write(`${trials}: ${run === 0 ? 'warm-up' : `run ${run}`}: summary ${ms(summary)}, full ${ms(full)} (seen by polling at ${ms(polled)})\n`);
      }
      // Brushes on the last visit's page, once it is idle.
      await page.waitForTimeout(1_000);
      const brushes: number[] = [];
      for (let i = 0; i < 3; i++) {
        try {
          brushes.push(await (i === 0 ? maybeProfiled(page, `${trials} brush`, () => brush(page, i)) : i === 2 && PROFILE ? traced(page, `${trials} brush`, () => brush(page, i)) : brush(page, i)));
        } catch (error) {
          // Reported, not fatal: the other figures of this size still count.
          process.stdout.write(`${trials}: brush ${i + 1} not measured: ${String(error).split('\n')[0]}\n`);
        }
        await page.waitForTimeout(500);
      }
      process.stdout.write(`${trials}: brush ${brushes.map(ms).join(', ') || 'not measured'}\n`);
      // Live: a fresh visit (no brush), idle first, then 50 events a second.
      await visit(page, url, trials);
      await page.waitForTimeout(1_000);
      const idle = await busyShare(page, 5, async () => {});
      let sent = 0;
      const live = await maybeProfiled(page, `${trials} live`, () =>
        busyShare(page, LIVE_SECONDS, async () => {
          sent = await enqueueAtRate(api, team, studyId, EVENTS_PER_SECOND, LIVE_SECONDS);
        }),
      );
      await page.waitForSelector(`[data-testid="trial-table"][data-row-count="${trials + sent}"]`, { timeout: 60_000 });
      process.stdout.write(`${trials}: main thread busy ${(idle * 100).toFixed(1)} % idle, ${(live * 100).toFixed(1)} % with ${sent} events in ${LIVE_SECONDS} s (all shown)\n`);
      lines.push(
        `study page, ${trials} trials (median of ${RUNS}): summary painted ${ms(median(summaries))}, first full render ${ms(median(fulls))} ` +
          `(min ${ms(Math.min(...fulls))}, max ${ms(Math.max(...fulls))}); brush ${brushes.length ? ms(median(brushes)) : 'not measured'}; ` +
          `busy ${(live * 100).toFixed(1)} % at ${EVENTS_PER_SECOND} events/s (${(idle * 100).toFixed(1)} % idle). ` +
          `Goal: ${GOALS[trials] ?? '—'}, live ≤ 20 % busy. Before: ${BEFORE[trials] ?? 'n/a'}`,
      );
      await context.close();
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await browser.close();
    await web?.stop();
    await api.close();
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
