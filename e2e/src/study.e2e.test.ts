import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { brushAxis, screenshotPath } from './browser.ts';
import { cookieHeader, type Stack } from './stack.ts';
import { signUpInBrowser } from './sign-up.ts';
import { randomSuffix, useStackAndBrowser } from './suite.ts';

const TRIALS = 6;
/** vitest's poll gives up after 1 s by default; pages on this busy machine can take longer. */
const WAIT = { timeout: 45_000, interval: 250 };
/** Small and quick: two epochs of an MLP on digits, the learning rate on a log axis to brush. */
const SPACE = {
  learningRate: { type: 'float', low: 0.0001, high: 0.1, log: true },
  units: { type: 'int', low: 16, high: 64, log: true },
  epochs: { type: 'categorical', choices: [2] },
};

async function rowCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('trial-table').getAttribute('data-row-count'));
}

describe('the study page', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;

  useStackAndBrowser((started) => ({ stack, browser } = started));
  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(30_000);
  });

  it('shows trials arriving live, filters them by brushing an axis, and refines into a child study that holds the trials inside', async () => {
    const suffix = randomSuffix();
    await signUpInBrowser(page, stack.webUrl, 'Ada', `ada-${suffix}@example.test`);

    await page.goto(`${stack.webUrl}/teams`);
    await page.getByLabel('Team name').fill(`Lab ${suffix}`);
    await page.getByRole('button', { name: 'Create team' }).click();
    await page.waitForURL(/\/teams\/[^/]+$/);
    const teamId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);

    await page.getByLabel('Project name').fill('Digits');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/\/projects\/[^/]+$/);

    // The runner acts for the team with a token the signed-in person creates.
    const auth = { cookie: cookieHeader(await page.context().cookies(stack.webUrl)) };
    await stack.startRunner(teamId, auth, { concurrency: 2 });

    await page.goto(`${page.url()}/new-study`);
    const studyName = `digits-${suffix}`;
    await page.getByLabel('Study name').fill(studyName);
    await page.getByLabel('Search space (JSON)').fill(JSON.stringify(SPACE, null, 2));
    await page.getByLabel('Max trials').fill(String(TRIALS));
    await page.getByLabel('Max parallel').fill('2');
    await page.getByRole('button', { name: 'Create study' }).click();
    await page.waitForURL(/\/studies\/[^/]+$/, { timeout: 60_000 });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), WAIT).toBe(studyName);
    const parentUrl = page.url();

    // Live: no reload from here on; trials appear and finish in the table as the runner works.
    const table = page.getByTestId('trial-table');
    await expect.poll(() => rowCount(page), { timeout: 60_000 }).toBeGreaterThan(0);
    await expect
      .poll(() => table.getByText('COMPLETE', { exact: true }).count(), { timeout: 180_000, interval: 1_000 })
      .toBe(TRIALS);
    expect(await rowCount(page)).toBe(TRIALS);

    // Brush the upper part of the learning-rate axis (d3's overlay inside the axis element).
    await brushAxis(page, 'param:learningRate', [0.02, 0.3, 0.6]);
    await expect.poll(() => rowCount(page), WAIT).toBeLessThan(TRIALS);
    const brushed = await rowCount(page);
    await page.screenshot({ path: screenshotPath('study-brushed'), fullPage: true });

    await page.getByRole('button', { name: 'Refine…' }).click();
    const inside = page.getByTestId('refine-inside');
    await expect.poll(() => inside.textContent(), WAIT).toMatch(/of 6 complete trials inside/);
    const insideCount = Number(/^(\d+) of/.exec((await inside.textContent()) ?? '')?.[1]);
    // The preview counts the same trials the brush keeps in the table.
    expect(insideCount).toBe(brushed);
    await page.getByRole('button', { name: 'Launch refinement' }).click();
    // Pathnames: the parent's URL also changed, its query string now holds the brush (#18 item 4).
    await page.waitForURL((url) => url.pathname !== new URL(parentUrl).pathname && /\/studies\//.test(url.pathname), { timeout: 60_000 });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), WAIT).toBe(`${studyName} (refined)`);
    await expect.poll(() => page.getByRole('navigation', { name: 'Lineage' }).textContent(), WAIT).toContain(`Refined from ${studyName}`);
    await expect.poll(() => rowCount(page), WAIT).toBeGreaterThanOrEqual(insideCount);

    const childId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
    const { study } = await stack.gql(
      'query($id: ID!) { study(id: $id) { trials(first: 100, filter: { states: [COMPLETE] }) { nodes { origin } } } }',
      { id: childId },
      auth,
    );
    const inherited = study.trials.nodes.filter((t: { origin: string }) => t.origin === 'INHERITED');
    expect(inherited).toHaveLength(insideCount);
    await page.screenshot({ path: screenshotPath('study-refined-child'), fullPage: true });

    await page.goto(parentUrl);
    await expect.poll(() => page.getByRole('navigation', { name: 'Lineage' }).textContent(), WAIT).toContain(`${studyName} (refined)`);
  });
});
