// The newcomer journey: `npm start` on an empty data folder, sign in with the printed password, watch the demo
// study fill in live, brush the best region, refine, and see the refinement's first trial finish; then a
// restart that keeps every finished trial.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath } from './browser.ts';
import { firstRunLines } from './launcher.ts';
import { signInInBrowser } from './sign-up.ts';
import { useLauncherAndBrowser } from './suite.ts';

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
  let browser: Browser;
  const launcher = useLauncherAndBrowser('tb-newcomer-', (started) => (browser = started));
  let studyId = '';
  let cookie = '';
  let finishedBefore: FinishedTrial[] = [];

  it('goes from npm start to a live demo study and a refinement whose first trial finishes', async () => {
    const launched = await launcher.launch();
    const { apiUrl } = launched;
    const { email, password, studyUrl, signInUrl } = await firstRunLines(launched);
    studyId = decodeURIComponent(new URL(studyUrl).pathname.split('/')[2]!);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(60_000);
    await signInInBrowser(page, signInUrl, email, password);
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
    expect(await launched.stop()).toBe(0);
  }, 1_200_000);

  it('keeps every finished trial across a restart, with the same account', async () => {
    expect(finishedBefore.length).toBeGreaterThan(0);
    const launched = await launcher.launch();
    await launched.waitFor(/Tuneboard is running/);
    expect(launched.output()).not.toMatch(/password {3}/);
    const after = await finishedTrials(launched.apiUrl, cookie, studyId);
    const kept = new Map(after.map((t) => [t.number, t]));
    for (const trial of finishedBefore) expect(kept.get(trial.number)).toEqual(trial);
    expect(await launched.stop()).toBe(0);
  }, 300_000);
});
