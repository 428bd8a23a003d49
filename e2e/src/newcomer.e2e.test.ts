// The newcomer journey: `npm start` on an empty data folder, sign in with the printed password, watch the demo
// study fill in live, brush the best region, refine, and see the refinement's first trial finish; then a
// restart that keeps every finished trial.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from './browser.ts';
import { env } from './env.ts';
import { freePorts } from '@tuneboard/start/ports';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const launcherMain = path.join(repoRoot, 'apps', 'start', 'src', 'main.ts');
const tsx = createRequire(path.join(repoRoot, 'package.json')).resolve('tsx');
interface Launched {
  child: ChildProcess;
  apiUrl: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm start` on free ports, serving the dashboard build the global setup made (the launcher reuses it). */
async function launch(dataDir: string): Promise<Launched> {
  const [apiPort, webPort] = (await freePorts(2)) as [number, number];
  const child = spawn(
    process.execPath,
    ['--import', tsx, launcherMain, '--data-dir', dataDir, '--api-port', String(apiPort), '--web-port', String(webPort)],
    { cwd: repoRoot, env: { ...env.base, TUNEBOARD_WEB_DIST_DIR: env.distDir }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let text = '';
  const take = (chunk: string) => {
    text += chunk;
    if (env.verbose) process.stdout.write(chunk);
  };
  child.stdout!.setEncoding('utf8').on('data', take);
  child.stderr!.setEncoding('utf8').on('data', take);
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, apiUrl: `http://127.0.0.1:${apiPort}/graphql`, output: () => text, exited };
}

async function waitForOutput(launched: Launched, pattern: RegExp): Promise<RegExpMatchArray> {
  for (;;) {
    const match = launched.output().match(pattern);
    if (match) return match;
    if (launched.child.exitCode !== null) throw new Error(`the launcher exited (${launched.child.exitCode}):\n${launched.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function stop(launched: Launched): Promise<number | null> {
  launched.child.kill('SIGINT');
  return launched.exited;
}

async function rowCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('trial-table').getAttribute('data-row-count'));
}

interface FinishedTrial {
  number: number;
  values: number[] | null;
  origin: string;
}

async function finishedTrials(apiUrl: string, cookie: string, studyId: string): Promise<FinishedTrial[]> {
  const response = await fetch(apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      query: 'query($id: ID!) { study(id: $id) { trials(first: 100, filter: { states: [COMPLETE, PRUNED] }) { nodes { number values origin } } } }',
      variables: { id: studyId },
    }),
  });
  const body = (await response.json()) as { data: { study: { trials: { nodes: FinishedTrial[] } } } };
  return body.data.study.trials.nodes;
}

describe('the newcomer journey', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tb-newcomer-'));
  let browser: Browser;
  let launched: Launched | undefined;
  let studyId = '';
  let cookie = '';
  let finishedBefore: FinishedTrial[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    // SIGINT, not SIGKILL: the launcher's servers run in their own process groups and only it stops them.
    if (launched && launched.child.exitCode === null) await stop(launched);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('goes from npm start to a live demo study and a refinement whose first trial finishes', async () => {
    launched = await launch(dataDir);
    const { apiUrl } = launched;
    const [, email, password] = (await waitForOutput(launched, /email {6}(\S+)\n password {3}(\S+)/)) as unknown as [string, string, string];
    const studyUrl = (await waitForOutput(launched, /demo study (http\S+)/))[1]!;
    studyId = decodeURIComponent(new URL(studyUrl).pathname.split('/')[2]!);
    const signInUrl = (await waitForOutput(launched, /sign in at (http\S+)/))[1]!;

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(60_000);
    await page.goto(signInUrl);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');

    await page.goto(studyUrl);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Digits MLP');
    // Live: trials finish while the page is open, without a reload.
    const table = page.getByTestId('trial-table');
    await expect.poll(() => table.getByText('COMPLETE', { exact: true }).count(), { timeout: 300_000, interval: 1_000 }).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: screenshotPath('newcomer-demo-study'), fullPage: true });

    // The best region: the upper half of the validation-accuracy axis (maximised; larger values are higher).
    const overlay = page.locator('[data-axis="objective:0"] rect.overlay');
    // Scrolled into view first, as a person would: panels above the chart (notes and tags) can push it below
    // the fold, where mouse events at its coordinates reach nothing.
    await overlay.scrollIntoViewIfNeeded();
    const box = (await overlay.boundingBox())!;
    const x = box.x + box.width / 2;
    // Dragged from the middle up past the axis end, as a person does: the brush then reaches the top and
    // keeps every better value, including trials that finish later.
    await page.mouse.move(x, box.y + box.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(x, box.y + box.height * 0.25, { steps: 5 });
    await page.mouse.move(x, box.y - 20, { steps: 5 });
    await page.mouse.up();
    // The table re-filters after React commits the brush; give a busy machine time.
    await expect.poll(() => rowCount(page), { timeout: 30_000 }).toBeGreaterThan(0);
    const brushed = await rowCount(page);
    // The best trial so far (the summary links it as "<value> (#<number>)") is inside the brushed region.
    const best = (await page.getByRole('link', { name: /\(#\d+\)$/ }).first().textContent())!.split(' ')[0]!;
    await expect.poll(() => table.getByText(best, { exact: true }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('newcomer-brushed'), fullPage: true });

    await page.getByRole('button', { name: 'Refine…' }).click();
    await page.getByRole('button', { name: 'Launch refinement' }).click();
    // Pathnames: the study's URL also changed, its query string now holds the brush (#18 item 4).
    await page.waitForURL((url) => url.pathname !== new URL(studyUrl).pathname && url.pathname.startsWith('/studies/'));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Digits MLP/);
    const childId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
    expect(childId).not.toBe(studyId);
    await expect.poll(() => rowCount(page)).toBeGreaterThanOrEqual(brushed);

    // The refinement's own first trial (sampled, not inherited from the parent) finishes.
    await expect
      .poll(async () => (await finishedTrials(apiUrl, cookie, childId)).filter((t) => t.origin === 'SAMPLER').length, {
        timeout: 300_000,
        interval: 2_000,
      })
      .toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('newcomer-refinement'), fullPage: true });
    await page.close();

    finishedBefore = await finishedTrials(apiUrl, cookie, studyId);
    expect(await stop(launched)).toBe(0);
  }, 1_200_000);

  it('keeps every finished trial across a restart, with the same account', async () => {
    expect(finishedBefore.length).toBeGreaterThan(0);
    launched = await launch(dataDir);
    await waitForOutput(launched, /Tuneboard is running/);
    expect(launched.output()).not.toMatch(/password {3}/);
    const after = await finishedTrials(launched.apiUrl, cookie, studyId);
    const kept = new Map(after.map((t) => [t.number, t]));
    for (const trial of finishedBefore) expect(kept.get(trial.number)).toEqual(trial);
    expect(await stop(launched)).toBe(0);
  }, 300_000);
});
