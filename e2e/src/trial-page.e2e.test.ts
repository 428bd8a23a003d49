import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { brushAxis, screenshotPath } from './browser.ts';
import { cookieHeader, createStudy, type GraphQLAuth, type Stack } from './stack.ts';
import { signUpInBrowser } from './sign-up.ts';
import { randomSuffix, useStackAndBrowser } from './suite.ts';

/** Issue #18 (c), (e), (f), (g) and the 404: the trial page, shareable views, a viewer's page, a phone's page. */
const WAIT = { timeout: 60_000, interval: 500 };
const QUICK_TRIALS = 6;
/** Two epochs a trial: the study to brush, sort and filter finishes in a minute or two. */
const QUICK_SPACE = {
  learningRate: { type: 'float', low: 0.0001, high: 0.1, log: true },
  units: { type: 'int', low: 16, high: 64, log: true },
  epochs: { type: 'categorical', choices: [2] },
};
/**
 * Many epochs of a small network: a trial that runs long enough to watch it grow. 40 epochs were once all done
 * between the test seeing the trial RUNNING and the page loading (a quiet CI machine), so there was nothing left to grow.
 */
const LONG_SPACE = {
  learningRate: { type: 'float', low: 0.001, high: 0.01, log: true },
  units: { type: 'int', low: 8, high: 16 },
  epochs: { type: 'categorical', choices: [200] },
};

const rowCount = async (page: Page) => Number(await page.getByTestId('trial-table').getAttribute('data-row-count'));
/** The table's rows as text, top to bottom (the table is virtualised: enough rows for a six-trial study are all drawn). */
const rowTexts = (page: Page) => page.locator('[data-testid="trial-table"] [role="row"][aria-rowindex]').allInnerTexts();

async function signUp(context: BrowserContext, webUrl: string, name: string): Promise<{ page: Page; auth: GraphQLAuth; email: string }> {
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const email = `${name.toLowerCase()}-${randomSuffix()}@example.test`;
  await signUpInBrowser(page, webUrl, name, email);
  return { page, auth: { cookie: cookieHeader(await context.cookies(webUrl)) }, email };
}

describe('trial page, shareable views, roles and small screens', () => {
  let stack: Stack;
  let browser: Browser;
  let owner: { page: Page; auth: GraphQLAuth; email: string };
  let teamId: string;
  let projectId: string;
  let quickId: string;
  let longId: string;

  const newStudy = async (name: string, space: unknown, maxTrials: number, maxParallel: number) => {
    const studyId = await createStudy(
      stack,
      {
        projectId,
        name,
        objectives: [{ name: 'val_loss', direction: 'MINIMIZE' }],
        space,
        sampler: { kind: 'random', seed: 11 },
        objective: { kind: 'template', template: 'mlp', dataset: 'digits' },
        budget: { maxTrials, maxParallel },
      },
      owner.auth,
    );
    return studyId;
  };

  useStackAndBrowser((started) => ({ stack, browser } = started));
  beforeAll(async () => {
    owner = await signUp(await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true }), stack.webUrl, 'Ada');
    const suffix = randomSuffix();
    const { teamCreate } = await stack.gql(
      'mutation($i: TeamCreateInput!) { teamCreate(input: $i) { team { id } } }',
      { i: { name: `Lab ${suffix}`, slug: `lab-${suffix}` } },
      owner.auth,
    );
    teamId = teamCreate.team.id;
    const { projectCreate } = await stack.gql(
      'mutation($i: ProjectCreateInput!) { projectCreate(input: $i) { project { id } } }',
      { i: { teamId, name: 'Digits', slug: 'digits' } },
      owner.auth,
    );
    projectId = projectCreate.project.id;
    quickId = await newStudy(`quick-${suffix}`, QUICK_SPACE, QUICK_TRIALS, 2);
    longId = await newStudy(`long-${suffix}`, LONG_SPACE, 1, 1);
    await stack.startRunner(teamId, owner.auth, { concurrency: 2 });
  }, 240_000);

  it("(c) shows a running trial's new points and log lines without a reload, and its attempt with the runner", async () => {
    const { page } = owner;
    let trialId: string | undefined;
    await expect
      .poll(async () => {
        const { study } = await stack.gql('query($id: ID!) { study(id: $id) { trials(first: 5) { nodes { id state } } } }', { id: longId }, owner.auth);
        trialId = study.trials.nodes.find((t: { state: string }) => t.state === 'RUNNING')?.id;
        return trialId;
      }, { timeout: 120_000, interval: 500 })
      .toBeTruthy();
    await page.goto(`${stack.webUrl}/trials/${encodeURIComponent(trialId!)}`);
    const log = page.getByTestId('trial-log');
    const points = page.getByTestId('metric-val_loss');
    await expect.poll(async () => Number(await log.getAttribute('data-line-count')), WAIT).toBeGreaterThan(0);
    await expect.poll(async () => Number(await points.getAttribute('data-points')), WAIT).toBeGreaterThan(0);
    const lines0 = Number(await log.getAttribute('data-line-count'));
    const points0 = Number(await points.getAttribute('data-points'));
    // No reload from here: the page follows the study's events.
    await expect.poll(async () => Number(await log.getAttribute('data-line-count')), WAIT).toBeGreaterThan(lines0);
    await expect.poll(async () => Number(await points.getAttribute('data-points')), WAIT).toBeGreaterThan(points0);
    expect(await log.innerText()).toMatch(/claimed \(study long-/);
    await expect.poll(() => page.getByTestId('attempts').innerText(), WAIT).toMatch(/e2e-\d+ \(/);
    await page.screenshot({ path: screenshotPath('trial-live-log'), fullPage: true });
  }, 240_000);

  it('(e) restores a brushed, sorted and filtered view from its URL in a new page, and names the CSV after it', async () => {
    const { page } = owner;
    await expect
      .poll(async () => (await stack.gql('query($id: ID!) { study(id: $id) { status } }', { id: quickId }, owner.auth)).study.status, {
        timeout: 240_000,
        interval: 1_000,
      })
      .toBe('COMPLETED');
    await page.goto(`${stack.webUrl}/studies/${encodeURIComponent(quickId)}`);
    await expect.poll(() => rowCount(page), WAIT).toBe(QUICK_TRIALS);
    await page.getByRole('searchbox', { name: 'Filter' }).fill('COMPLETE');
    await page.getByTitle('Sort by val_loss').click();
    await brushAxis(page, 'param:learningRate', [0.02, 0.4, 0.8]);
    await expect.poll(() => page.url(), WAIT).toMatch(/brush=.*q=COMPLETE.*sort=objective%3A0(~|%7E)asc/);
    const rows = await rowTexts(page);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBe(await rowCount(page));

    const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await fresh.addCookies(await page.context().cookies(stack.webUrl));
    const pasted = await fresh.newPage();
    await pasted.goto(page.url());
    await expect.poll(() => rowCount(pasted), WAIT).toBe(rows.length);
    await expect.poll(() => rowTexts(pasted), WAIT).toEqual(rows);
    expect(await pasted.getByRole('searchbox', { name: 'Filter' }).inputValue()).toBe('COMPLETE');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^quick-[a-z0-9]+_filter-complete_brush-learningrate\.csv$/);

    // A trial opened from this view links back to it; Back returns to it too.
    await page.locator('[data-testid="trial-table"] [role="row"][aria-rowindex]').first().click();
    await page.waitForURL(/\/trials\//);
    const back = page.getByRole('link', { name: /^quick-/ });
    expect(await back.getAttribute('href')).toContain('q=COMPLETE');
    await page.goBack();
    await expect.poll(() => rowTexts(page), WAIT).toEqual(rows);
    await fresh.close();
  }, 360_000);

  it('(f) gives a viewer no enabled write button, with the reason, on the project, study and trial pages', async () => {
    const viewerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const viewer = await signUp(viewerContext, stack.webUrl, 'Vera');
    const { invitationCreate } = await stack.gql(
      'mutation($i: InvitationCreateInput!) { invitationCreate(input: $i) { link userErrors { message } } }',
      { i: { teamId, email: viewer.email, role: 'VIEWER' } },
      owner.auth,
    );
    const token = String(invitationCreate.link).split('/invite/')[1];
    await stack.gql('mutation($i: InvitationAcceptInput!) { invitationAccept(input: $i) { userErrors { message } } }', { i: { token } }, viewer.auth);
    const page = viewer.page;
    const enabledWriteButtons = async () => {
      const names = ['New study', 'Pause', 'Resume', 'Stop', 'Enqueue a configuration…', 'Refine…', 'Edit note', 'Add a note', 'Edit tags'];
      const enabled: string[] = [];
      for (const name of names) {
        for (const button of await page.getByRole('button', { name, exact: true }).all()) if (await button.isEnabled()) enabled.push(name);
        for (const link of await page.getByRole('link', { name, exact: true }).all()) if (await link.isVisible()) enabled.push(`${name} (link)`);
      }
      return enabled;
    };
    await page.goto(`${stack.webUrl}/projects/${encodeURIComponent(projectId)}`);
    await expect.poll(() => page.getByRole('button', { name: 'New study' }).count(), WAIT).toBe(1);
    expect(await enabledWriteButtons()).toEqual([]);
    // Only a Python client evaluates this study's trials, so no runner finishes it: it is RUNNING all along and
    // shows every run control (a finished study, as the long one may be by now, offers none).
    const idleId = await createStudy(
      stack,
      {
        projectId,
        name: `idle-${randomSuffix()}`,
        objectives: [{ name: 'val_loss', direction: 'MINIMIZE' }],
        space: QUICK_SPACE,
        sampler: { kind: 'random', seed: 11 },
        objective: { kind: 'client', metric: 'val_loss' },
        budget: { maxTrials: 2, maxParallel: 1 },
      },
      owner.auth,
    );
    await page.goto(`${stack.webUrl}/studies/${encodeURIComponent(idleId)}`);
    await expect.poll(() => page.getByTestId('read-only-reason').count(), WAIT).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: 'Stop' }).count(), WAIT).toBe(1);
    await expect.poll(() => page.getByText('No note yet.').count(), WAIT).toBe(1);
    expect(await enabledWriteButtons()).toEqual([]);
    expect(await page.getByRole('button', { name: 'Stop' }).getAttribute('title')).toMatch(/viewer/);
    const { study } = await stack.gql('query($id: ID!) { study(id: $id) { trials(first: 1) { nodes { id } } } }', { id: longId }, viewer.auth);
    await page.goto(`${stack.webUrl}/trials/${encodeURIComponent(study.trials.nodes[0].id)}`);
    await expect.poll(() => page.getByText('No note yet.').count(), WAIT).toBe(1);
    expect(await enabledWriteButtons()).toEqual([]);
    await viewerContext.close();
  }, 180_000);

  it('(g) lets a 390 px wide phone read a study without the page body scrolling sideways', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.addCookies(await owner.page.context().cookies(stack.webUrl));
    const page = await phone.newPage();
    await page.goto(`${stack.webUrl}/studies/${encodeURIComponent(quickId)}`);
    await expect.poll(() => rowCount(page), WAIT).toBe(QUICK_TRIALS);
    await page.getByTestId('trial-table').scrollIntoViewIfNeeded();
    // The best models' table too: its last column's screen-reader labels once widened the page to 522 px.
    const evaluate = page.getByRole('button', { name: /^Evaluate on test/ });
    await expect.poll(() => evaluate.count(), WAIT).toBeGreaterThan(0);
    await evaluate.first().scrollIntoViewIfNeeded();
    const widths = await page.evaluate(() => ({
      document: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
    }));
    await page.screenshot({ path: screenshotPath('study-390px'), fullPage: true });
    // Against the phone's 390 px, not window.innerWidth: a mobile browser widens its layout viewport to a page
    // wider than the screen (zooming out), so innerWidth grew with the overflow and the check could not fail.
    expect(widths.document).toBeLessThanOrEqual(390);
    expect(widths.body).toBeLessThanOrEqual(390);
    await phone.close();
  }, 120_000);

  it("answers an unknown route and an unknown study with the app's 404 page, with navigation, and HTTP 404", async () => {
    const page = owner.page;
    const route = await page.goto(`${stack.webUrl}/no-such-page`);
    expect(route?.status()).toBe(404);
    await expect.poll(() => page.getByTestId('not-found').count(), WAIT).toBe(1);
    expect(await page.getByRole('link', { name: 'Home' }).count()).toBeGreaterThan(0);
    const study = await page.goto(`${stack.webUrl}/studies/${Buffer.from('Study:00000000-0000-4000-8000-000000000000').toString('base64url')}`);
    expect(study?.status()).toBe(404);
    await expect.poll(() => page.getByTestId('not-found').count(), WAIT).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Where to go' }).getByRole('link').count()).toBeGreaterThan(1);
  }, 60_000);
});
