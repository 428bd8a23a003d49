import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage, screenshotPath } from './browser.ts';
import { signUpInBrowser, signUpWithProject } from './sign-up.ts';
import { cookieHeader, createStudy, type Stack } from './stack.ts';
import { randomSuffix, useStackAndBrowser } from './suite.ts';

/** vitest's poll gives up after 1 s by default; pages on this busy machine can take longer. */
const WAIT = { timeout: 90_000, interval: 250 };

// Issue #19, item 6: the best trial's saved model is downloaded from the study page and evaluated on the test split
// by a real runner, its test_accuracy appearing live. Two short trials (iris, 2 epochs) keep it quick.
describe('the best model, downloaded and evaluated on the test split', () => {
  let stack: Stack;
  let browser: Browser;

  useStackAndBrowser((started) => ({ stack, browser } = started));

  it('downloads the best model from the study page, evaluates it on test and shows test_accuracy', async () => {
    const suffix = randomSuffix();
    const { context, page } = await openPage(browser, { acceptDownloads: true });
    const { auth, teamId, projectId } = await signUpWithProject(stack, context, page, {
      name: 'Ada',
      email: `ada-evaluate-${suffix}@example.test`,
      suffix,
    });
    const studyId = await createStudy(
      stack,
      {
        projectId,
        name: `iris-${suffix}`,
        objectives: [{ name: 'val_accuracy', direction: 'MAXIMIZE' }],
        space: { units: { type: 'int', low: 8, high: 16 }, epochs: { type: 'categorical', choices: [2] } },
        sampler: { kind: 'random', seed: 5 },
        objective: { kind: 'template', template: 'mlp', dataset: 'iris' },
        budget: { maxTrials: 2, maxParallel: 1 },
        keepModels: 2,
      },
      auth,
    );
    await stack.startRunner(teamId, auth);

    await page.goto(`${stack.webUrl}/studies/${encodeURIComponent(studyId)}`);
    const panel = page.locator('section.panel', { has: page.getByRole('heading', { name: 'Best models on the test split' }) });
    const table = panel.getByTestId('best-models');
    // Both trials complete and keep their models; the best is the first row.
    await expect.poll(() => table.locator('tbody tr').count(), WAIT).toBe(2);
    await expect.poll(() => table.locator('tbody tr').first().getByRole('link', { name: /model\.json/ }).count(), WAIT).toBe(1);
    const best = table.locator('tbody tr').first();
    expect(await best.getByTestId('evaluation-state').textContent()).toBe('not evaluated');

    // The model downloads from the UI: a TensorFlow.js layers model whose manifest names its weights.
    const [download] = await Promise.all([page.waitForEvent('download'), best.getByRole('link', { name: /model\.json/ }).click()]);
    expect(download.suggestedFilename()).toBe('model.json');
    const model = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(model.format).toBe('layers-model');
    expect(model.weightsManifest[0].paths).toEqual(['weights.bin']);
    const [weights] = await Promise.all([page.waitForEvent('download'), best.getByRole('link', { name: /weights\.bin/ }).click()]);
    const weightBytes = readFileSync((await weights.path())!).length;
    const declared = (model.weightsManifest[0].weights as { shape: number[] }[]).reduce((sum, w) => sum + 4 * w.shape.reduce((a, b) => a * b, 1), 0);
    expect(weightBytes).toBe(declared);

    // Evaluate on test: queued, picked up by the runner, and its figures appear without a reload.
    await best.getByRole('button', { name: /Evaluate on test/ }).click();
    await expect.poll(() => best.getByTestId('evaluation-state').textContent(), WAIT).toBe('done');
    const accuracy = await best.locator('td[data-metric="test_accuracy"]').textContent();
    expect(Number(accuracy)).toBeGreaterThanOrEqual(0);
    expect(Number(accuracy)).toBeLessThanOrEqual(1);
    expect(await table.locator('th', { hasText: 'test_loss' }).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('evaluate-on-test'), fullPage: true });

    // The trial page shows the same job and figures, and the test points among its metrics.
    await best.getByRole('link', { name: /^#\d+$/ }).click();
    await page.waitForURL(/\/trials\//);
    const own = page.getByTestId('trial-evaluation');
    await expect.poll(() => own.getByTestId('evaluation-state').textContent(), WAIT).toBe('done');
    expect(await own.locator('td[data-metric="test_accuracy"]').textContent()).toBe(accuracy);
    // Evaluated already: it may be evaluated again (the figures are replaced), so the button is enabled.
    expect(await own.getByRole('button', { name: /Evaluate on test/ }).isEnabled()).toBe(true);
    await context.close();

    // A viewer of the team sees the figures, and the button disabled with the reason.
    const { context: viewerContext, page: viewer } = await openPage(browser);
    const email = `vera-evaluate-${suffix}@example.test`;
    await signUpInBrowser(viewer, stack.webUrl, 'Vera', email);
    const { invitationCreate } = await stack.gql(
      'mutation($i: InvitationCreateInput!) { invitationCreate(input: $i) { link } }',
      { i: { teamId, email, role: 'VIEWER' } },
      auth,
    );
    const token = String(invitationCreate.link).split('/invite/')[1];
    const viewerAuth = { cookie: cookieHeader(await viewerContext.cookies(stack.webUrl)) };
    await stack.gql('mutation($i: InvitationAcceptInput!) { invitationAccept(input: $i) { userErrors { message } } }', { i: { token } }, viewerAuth);
    await viewer.goto(`${stack.webUrl}/studies/${encodeURIComponent(studyId)}`);
    const seen = viewer.getByTestId('best-models');
    await expect.poll(() => seen.locator('td[data-metric="test_accuracy"]').first().textContent(), WAIT).toBe(accuracy);
    const buttons = seen.getByRole('button', { name: /Evaluate on test/ });
    expect(await buttons.count()).toBe(2);
    for (const button of await buttons.all()) {
      expect(await button.isDisabled()).toBe(true);
      expect(await button.getAttribute('title')).toMatch(/viewer/);
    }
    await viewerContext.close();
  });
});
