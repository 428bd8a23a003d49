// Issue #23: a fresh `npm start`, sign in with the printed password, land on the demo study while it runs and see
// a trial finish live; then the home page lists the demo study and the local runner, and updates live too.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath } from './browser.ts';
import { firstRunLines } from './launcher.ts';
import { signInInBrowser } from './sign-up.ts';
import { useLauncherAndBrowser } from './suite.ts';

const WAIT = { timeout: 180_000, interval: 500 };

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
  let browser: Browser;
  const launcher = useLauncherAndBrowser('tb-home-', (started) => (browser = started));

  it('signs in onto the running demo study, sees a trial finish live, and finds the demo and the runner at home', async () => {
    const launched = await launcher.launch();
    const { email, password, studyUrl, signInUrl } = await firstRunLines(launched);
    const webUrl = new URL(signInUrl).origin;

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(60_000);
    await signInInBrowser(page, signInUrl, email, password);

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
