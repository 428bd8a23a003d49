// Issue #23: a fresh `npm start`, sign in with the printed password, land on the demo study while it runs and see
// a trial finish live; then the home page lists the demo study and the local runner, and updates live too.
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
const tsx = createRequire(path.join(repoRoot, 'package.json')).resolve('tsx');
const WAIT = { timeout: 180_000, interval: 500 };

/** `npm start` on free ports and a fresh data folder, serving the dashboard build the global setup made. */
async function launch(dataDir: string) {
  const [apiPort, webPort] = (await freePorts(2)) as [number, number];
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      tsx,
      path.join(repoRoot, 'apps/start/src/main.ts'),
      '--data-dir',
      dataDir,
      '--api-port',
      String(apiPort),
      '--web-port',
      String(webPort),
    ],
    {
      cwd: repoRoot,
      env: { ...env.base, TUNEBOARD_WEB_DIST_DIR: env.distDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let text = '';
  const take = (chunk: string) => {
    text += chunk;
    if (env.verbose) process.stdout.write(chunk);
  };
  child.stdout!.setEncoding('utf8').on('data', take);
  child.stderr!.setEncoding('utf8').on('data', take);
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const waitFor = async (pattern: RegExp): Promise<RegExpMatchArray> => {
    for (;;) {
      const match = text.match(pattern);
      if (match) return match;
      if (child.exitCode !== null) throw new Error(`the launcher exited (${child.exitCode}):\n${text}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  };
  return { child, exited, waitFor, stop: () => (child.kill('SIGINT'), exited) };
}

/** The state of each trial row the live table renders, by trial number (its first cell). */
async function tableStates(page: Page): Promise<Record<string, string>> {
  return page.getByTestId('trial-table').evaluate((table) => {
    const states: Record<string, string> = {};
    const known = new Set(['PENDING', 'RUNNING', 'COMPLETE', 'PRUNED', 'FAIL', 'CANCELLED']);
    for (const row of Array.from(table.querySelectorAll('[role="row"]'))) {
      const cells = Array.from(row.querySelectorAll('[role="cell"]')).map((cell) => cell.textContent ?? '');
      const state = cells.find((text) => known.has(text));
      // The first cell with text is the trial's number (a selection checkbox may come before it).
      const number = cells.find((text) => text.trim() !== '');
      if (number && state) states[number] = state;
    }
    return states;
  });
}

describe('the home page and the live demo', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tb-home-'));
  let browser: Browser;
  let launched: Awaited<ReturnType<typeof launch>> | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    if (launched && launched.child.exitCode === null) await launched.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs in onto the running demo study, sees a trial finish live, and finds the demo and the runner at home', async () => {
    launched = await launch(dataDir);
    const [, email, password] = (await launched.waitFor(/email {6}(\S+)\n password {3}(\S+)/)) as unknown as [
      string,
      string,
      string,
    ];
    const studyUrl = (await launched.waitFor(/demo study (http\S+)/))[1]!;
    const signInUrl = (await launched.waitFor(/sign in at (http\S+)/))[1]!;
    const webUrl = new URL(signInUrl).origin;

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(60_000);
    await page.goto(signInUrl);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // A fresh start: the sign-in lands on the demo study, and it is still running.
    await page.waitForURL((url) => url.href === studyUrl, { timeout: 60_000 });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), WAIT).toBe('Digits MLP');
    await expect.poll(() => page.locator('.badge').first().textContent(), WAIT).toBe('RUNNING');
    // Live: a trial finishes while the page is open, without a reload.
    // Live: a trial the runner holds now finishes while the page is open, without a reload.
    let running = '';
    await expect
      .poll(
        async () =>
          (running =
            Object.entries(await tableStates(page)).find(([, state]) => state === 'RUNNING')?.[0] ?? ''),
        WAIT,
      )
      .not.toBe('');
    await expect
      .poll(async () => (await tableStates(page))[running], WAIT)
      .toMatch(/^(COMPLETE|PRUNED|FAIL)$/);
    await page.screenshot({ path: screenshotPath('home-landing-demo'), fullPage: true });

    // Home: the demo study (running) and the local runner (online).
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await page.waitForURL(`${webUrl}/`);
    const studies = page.getByTestId('home-studies');
    await expect.poll(() => studies.getByRole('link', { name: 'Digits MLP' }).count(), WAIT).toBe(1);
    await expect.poll(() => studies.locator('.badge').first().textContent(), WAIT).toBe('RUNNING');
    const runners = page.getByTestId('home-runners');
    await expect.poll(() => runners.getByText('local', { exact: true }).count(), WAIT).toBe(1);
    await expect.poll(() => runners.locator('.badge').first().textContent(), WAIT).toBe('online');
    // Live at home too: a newer finished trial tops the list without a reload.
    const trials = page.getByTestId('home-trials');
    await expect.poll(() => trials.locator('li').count(), WAIT).toBeGreaterThan(0);
    const newest = await trials.locator('li a').first().textContent();
    await expect.poll(() => trials.locator('li a').first().textContent(), WAIT).not.toBe(newest);
    await page.screenshot({ path: screenshotPath('home') });
    await page.close();

    expect(await launched.stop()).toBe(0);
  }, 900_000);
});
