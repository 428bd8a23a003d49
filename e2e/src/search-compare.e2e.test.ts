import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage, screenshotPath } from './browser.ts';
import { signUpWithProject } from './sign-up.ts';
import { createStudy, type Stack } from './stack.ts';
import { randomSuffix, useStackAndBrowser } from './suite.ts';

/** vitest's poll gives up after 1 s by default; pages on this busy machine can take longer. */
const WAIT = { timeout: 45_000, interval: 250 };

describe('search and compare', () => {
  let stack: Stack;
  let browser: Browser;

  useStackAndBrowser((started) => ({ stack, browser } = started));

  it('tags a study, finds it from the header box and by tag, compares three of its trials and opens its contour plot', async () => {
    const suffix = randomSuffix();
    const { context, page } = await openPage(browser);
    const { auth, teamId, projectId } = await signUpWithProject(stack, context, page, {
      name: 'Grace',
      email: `grace-search-${suffix}@example.test`,
      suffix,
    });
    const name = `haystack-${suffix}`;
    const studyId = await createStudy(
      stack,
      {
        projectId,
        name,
        objectives: [{ name: 'val_loss', direction: 'MINIMIZE' }],
        space: {
          lr: { type: 'float', low: 0.0001, high: 0.1, log: true },
          units: { type: 'int', low: 8, high: 64 },
        },
        sampler: { kind: 'random', seed: 11 },
        objective: { kind: 'template', template: 'mlp', dataset: 'digits' },
        budget: { maxTrials: 3, maxParallel: 3 },
      },
      auth,
    );

    // Three trials run by hand over the runner protocol: a learning curve each, then a final value.
    const { apiTokenCreate } = await stack.gql(
      'mutation($i: ApiTokenCreateInput!) { apiTokenCreate(input: $i) { secret } }',
      { i: { teamId, name: 'hand', scope: 'RUNNER' } },
      auth,
    );
    const runner = { token: apiTokenCreate.secret as string };
    const { runnerRegister } = await stack.gql(
      'mutation($i: RunnerRegisterInput!) { runnerRegister(input: $i) { runner { id } } }',
      { i: { name: 'hand', host: 'e2e', capabilities: { backend: 'cpu', gpus: 0, labels: [] } } },
      runner,
    );
    for (let i = 0; i < 3; i += 1) {
      const { trialClaim } = await stack.gql(
        'mutation($i: TrialClaimInput!) { trialClaim(input: $i) { leases { leaseToken trial { id } } } }',
        { i: { runnerId: runnerRegister.runner.id, studyId, limit: 1 } },
        runner,
      );
      const [lease] = trialClaim.leases as { leaseToken: string; trial: { id: string } }[];
      const points = [0, 1, 2].map((step) => ({ key: 'val_loss', step, value: (1 + i) / (step + 1) }));
      await stack.gql(
        'mutation($i: TrialReportInput!) { trialReport(input: $i) { shouldPrune } }',
        { i: { trialId: lease!.trial.id, leaseToken: lease!.leaseToken, points } },
        runner,
      );
      await stack.gql(
        'mutation($i: TrialCompleteInput!) { trialComplete(input: $i) { trial { state } } }',
        { i: { trialId: lease!.trial.id, leaseToken: lease!.leaseToken, values: [(1 + i) / 3] } },
        runner,
      );
    }

    // Tag the study on its page.
    await page.goto(`${stack.webUrl}/studies/${encodeURIComponent(studyId)}`);
    await page.getByRole('button', { name: 'Edit tags' }).click();
    await page.getByLabel('Tags (comma-separated)').fill(`needle-${suffix}`);
    await page.getByRole('button', { name: 'Save tags' }).click();
    await expect.poll(() => page.locator('.tag-chip').allTextContents(), WAIT).toEqual([`needle-${suffix}`]);

    // The header's box searches study names.
    const box = page.getByRole('searchbox', { name: 'Search studies by name' });
    await box.fill(`STACK-${suffix}`);
    await box.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    const results = page.getByTestId('study-results');
    await expect.poll(() => results.getByRole('link', { name }).count(), WAIT).toBe(1);

    // By tag, from the search form: the same study, and nothing else.
    await page.getByLabel('Name contains').fill('');
    await page.getByLabel('Tags (comma-separated, all required)').fill(`needle-${suffix}`);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/tags=needle/);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'match' }).textContent(), WAIT)
      .toBe('1 match');
    expect(await results.getByRole('link', { name }).count()).toBe(1);

    // The study's trials, then three of them compared.
    await results.getByRole('link', { name: 'trials…' }).click();
    await page.waitForURL(/kind=trials/);
    const trials = page.getByTestId('trial-results');
    await expect.poll(() => trials.getByRole('checkbox').count(), WAIT).toBe(3);
    for (const checkbox of await trials.getByRole('checkbox').all()) await checkbox.check();
    await page.getByRole('button', { name: 'Compare selected trials' }).click();
    await page.waitForURL(/\/compare\/trials\?ids=/);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), WAIT)
      .toBe('Compare 3 trials');
    const table = page.getByTestId('compare-params');
    expect(await table.locator('thead th').count()).toBe(4);
    // lr and units were sampled at random: they differ, and are marked so; so does the final val_loss.
    expect(await table.locator('tr[data-differs] th').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('lr'), expect.stringContaining('val_loss')]),
    );
    const curves = page.getByRole('img', { name: 'val_loss against step' });
    await expect.poll(() => curves.locator('g[data-series] path').count(), WAIT).toBe(3);
    await page.screenshot({ path: screenshotPath('compare-trials'), fullPage: true });

    // A comparison of one trial is refused with a clear message.
    const url = new URL(page.url());
    const first = (url.searchParams.getAll('ids')[0] ?? '').split(',')[0]!;
    await page.goto(`${stack.webUrl}/compare/trials?ids=${encodeURIComponent(first)}`);
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'Choose' }).textContent(), WAIT)
      .toBe('Choose at least 2 trials to compare (got 1).');

    // The study's contour plot: val_loss as colour over lr and units, with the three trials drawn on it.
    await page.goto(`${stack.webUrl}/studies/${encodeURIComponent(studyId)}`);
    const panel = page.locator('section.panel', {
      has: page.getByRole('heading', { name: 'Contour', exact: true }),
    });
    await panel.scrollIntoViewIfNeeded();
    const contour = panel.getByRole('img', { name: 'Contour of val_loss over lr and units' });
    await expect.poll(() => contour.locator('circle').count(), WAIT).toBe(3);
    expect(await contour.locator('path[stroke="none"]').count()).toBeGreaterThan(0);
    expect(await contour.locator('circle title').allTextContents()).toEqual(
      Array.from({ length: 3 }, () => expect.stringMatching(/^#\d: lr=.+, units=.+, val_loss=.+$/)),
    );
    // Another pair of parameters: the axes swap and the same trials are drawn.
    await panel.getByLabel('x', { exact: true }).selectOption('units');
    const swapped = panel.getByRole('img', { name: 'Contour of val_loss over units and lr' });
    await expect.poll(() => swapped.locator('circle').count(), WAIT).toBe(3);
    // lr is a log parameter: its axis is labelled by powers of ten.
    expect(await swapped.locator('text').allTextContents()).toEqual(
      expect.arrayContaining(['0.001', '0.01', '0.1']),
    );
    await panel.screenshot({ path: screenshotPath('contour') });
    await context.close();
  });
});
