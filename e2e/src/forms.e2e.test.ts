// Forms that refuse bad input on the field that is wrong (issue 16): two parameters with one name, bounds that are not
// numbers and a token expiry of "ten" are refused before anything is sent; the API's errors land on the Low/High
// cell; focus goes to the first invalid field. And a study whose trials all fail shows FAILED with the last error.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { screenshotPath } from './browser.ts';
import { cookieHeader, createStudy, type Stack } from './stack.ts';
import { signUpInBrowser } from './sign-up.ts';
import { randomSuffix, useStackAndBrowser } from './suite.ts';

/** vitest's poll gives up after 1 s by default; pages on this busy machine can take longer. */
const WAIT = { timeout: 45_000, interval: 250 };

describe('forms that refuse bad input, and a failed study', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let teamId: string;
  let projectUrl: string;

  useStackAndBrowser((started) => ({ stack, browser } = started));
  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(30_000);
    const suffix = randomSuffix();
    await signUpInBrowser(page, stack.webUrl, 'Grace', `grace-${suffix}@example.test`);
    await page.goto(`${stack.webUrl}/teams`);
    await page.getByLabel('Team name').fill(`Forms ${suffix}`);
    await page.getByRole('button', { name: 'Create team' }).click();
    await page.waitForURL(/\/teams\/[^/]+$/);
    teamId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
    await page.getByLabel('Project name').fill('Forms');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/\/projects\/[^/]+$/);
    projectUrl = page.url();
  });

  const focused = () =>
    page.evaluate(
      () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName,
    );
  const invalid = (label: string) => page.getByLabel(label, { exact: true }).getAttribute('aria-invalid');
  const cellErrors = (label: string) =>
    page.locator(`td:has([aria-label="${label}"]) .field-error`).textContent();

  it('refuses two parameters with one name and a Low of "ten" at once, on their cells, focusing the first', async () => {
    await page.goto(`${projectUrl}/new-study`);
    await page.getByLabel('Study name').fill('twice');
    await page.getByLabel('Parameter 3 name', { exact: true }).fill('learningRate');
    await page.getByLabel('units low', { exact: true }).fill('ten');
    await page.getByRole('button', { name: 'Create study' }).click();

    const twice = 'parameter name "learningRate" is used by rows 1 and 3; each parameter needs its own name';
    await expect.poll(() => cellErrors('Parameter 1 name'), WAIT).toBe(twice);
    expect(await cellErrors('Parameter 3 name')).toBe(twice);
    expect(await cellErrors('units low')).toBe('parameter "units": low must be a number, got "ten"');
    expect(await invalid('units low')).toBe('true');
    expect(await invalid('Parameter 2 name')).toBeNull(); // the name of a row with a bad bound is not marked
    expect(await focused()).toBe('Parameter 1 name');
    expect(new URL(page.url()).pathname.endsWith('/new-study')).toBe(true); // nothing was created
    await page.screenshot({ path: screenshotPath('form-duplicate-names'), fullPage: true });
  });

  it("shows the API's error on the High cell, not the name cell, and focuses it", async () => {
    await page.getByLabel('Parameter 3 name', { exact: true }).fill('optimizer');
    await page.getByLabel('units low', { exact: true }).fill('64');
    await page.getByLabel('units high', { exact: true }).fill('16');
    await page.getByRole('button', { name: 'Create study' }).click();

    await expect
      .poll(() => cellErrors('units high'), WAIT)
      .toBe('parameter "units": low <= high must hold, got low=64, high=16');
    expect(await invalid('units high')).toBe('true');
    expect(await invalid('Parameter 2 name')).toBeNull();
    expect(await page.locator('td:has([aria-label="Parameter 2 name"]) .field-error').count()).toBe(0);
    await expect.poll(focused, WAIT).toBe('units high');
  });

  it('refuses a token expiry of "ten" naming the field and the value, and creates no token', async () => {
    await page.goto(`${stack.webUrl}/tokens`);
    await page.getByLabel('Token name').fill('ten days');
    await page.getByLabel('Expires in days').fill('ten');
    await page.getByRole('button', { name: 'Create token' }).click();
    await expect
      .poll(() => page.locator('label:has-text("Expires in days") .field-error').textContent(), WAIT)
      .toBe('Expires in days must be a whole number from 1 to 3650, got "ten"');
    expect(await page.getByTestId('token-secret').count()).toBe(0);
  });

  it('shows a study whose trials all failed as FAILED, with the last error', async () => {
    const auth = { cookie: cookieHeader(await page.context().cookies(stack.webUrl)) };
    const projectId = decodeURIComponent(new URL(projectUrl).pathname.split('/')[2]!);
    const studyId = await createStudy(
      stack,
      {
        projectId,
        name: 'doomed',
        objectives: [{ name: 'val_loss', direction: 'MINIMIZE' }],
        space: { lr: { type: 'float', low: 0.001, high: 0.1 } },
        objective: { kind: 'template', template: 'mlp', dataset: 'digits' },
        budget: { maxTrials: 20, maxParallel: 1 },
      },
      auth,
    );
    // A runner that fails every trial, driven by hand over GraphQL.
    const { apiTokenCreate } = await stack.gql(
      'mutation($i: ApiTokenCreateInput!) { apiTokenCreate(input: $i) { secret } }',
      { i: { teamId, name: 'failing', scope: 'RUNNER' } },
      auth,
    );
    const runner = { token: apiTokenCreate.secret as string };
    const { runnerRegister } = await stack.gql(
      'mutation($i: RunnerRegisterInput!) { runnerRegister(input: $i) { runner { id } } }',
      { i: { name: 'failing', host: 'e2e', capabilities: { backend: 'cpu', gpus: 0, labels: [] } } },
      runner,
    );
    for (let i = 0; i < 5; i += 1) {
      const { trialClaim } = await stack.gql(
        'mutation($i: TrialClaimInput!) { trialClaim(input: $i) { leases { leaseToken trial { id } } } }',
        { i: { runnerId: runnerRegister.runner.id, studyId, limit: 1 } },
        runner,
      );
      const [lease] = trialClaim.leases as { leaseToken: string; trial: { id: string } }[];
      await stack.gql(
        'mutation($i: TrialFailInput!) { trialFail(input: $i) { trial { state } } }',
        { i: { trialId: lease!.trial.id, leaseToken: lease!.leaseToken, error: `KeyError: 'lr' (${i})` } },
        runner,
      );
    }
    await page.goto(`${stack.webUrl}/studies/${encodeURIComponent(studyId)}`);
    await expect.poll(() => page.locator('.badge').first().textContent(), WAIT).toBe('FAILED');
    expect(await page.getByRole('status').filter({ hasText: 'The study failed' }).textContent()).toBe(
      "The study failed: stopped after 5 failed trials in a row; the last error: KeyError: 'lr' (4)",
    );
    await page.screenshot({ path: screenshotPath('study-failed'), fullPage: true });
  });
});
