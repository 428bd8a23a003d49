import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage, screenshotPath } from './browser.ts';
import { signUpWithProject } from './sign-up.ts';
import { createStudy, type Stack } from './stack.ts';
import { randomSuffix, useStackAndBrowser } from './suite.ts';

/** vitest's poll gives up after 1 s by default; pages on this busy machine can take longer. */
const WAIT = { timeout: 45_000, interval: 250 };
/** A note that tries every way in: a script element, an event handler, a javascript: link. */
const HOSTILE_NOTE = [
  '## Findings',
  '',
  'The **lower** learning rate wins.',
  '',
  '<script>window.__pwned = "script"</script>',
  '',
  '<img src="x" onerror="window.__pwned = \'img\'">',
  '',
  '[click me](javascript:window.__pwned=\'link\')',
].join('\n');

describe('notes and tags', () => {
  let stack: Stack;
  let browser: Browser;

  useStackAndBrowser((started) => ({ stack, browser } = started));

  it('renders a hostile note as Markdown without running anything, and tags appear live on another open page', async () => {
    const suffix = randomSuffix();
    const { context, page } = await openPage(browser);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const { auth, projectId } = await signUpWithProject(stack, context, page, { name: 'Ada', email: `ada-notes-${suffix}@example.test`, suffix });
    const studyId = await createStudy(
      stack,
      {
        projectId,
        name: `notes-${suffix}`,
        objectives: [{ name: 'val_loss', direction: 'MINIMIZE' }],
        space: { lr: { type: 'float', low: 0.0001, high: 0.1, log: true } },
        sampler: { kind: 'random', seed: 1 },
        objective: { kind: 'template', template: 'mlp', dataset: 'digits' },
        budget: { maxTrials: 2, maxParallel: 1 },
      },
      auth,
    );
    const studyUrl = `${stack.webUrl}/studies/${encodeURIComponent(studyId)}`;
    await page.goto(studyUrl);
    // A second page on the study, as a colleague would have it open.
    const watcher = await context.newPage();
    await watcher.goto(studyUrl);
    await expect.poll(() => watcher.getByText('No tags.').count(), WAIT).toBe(1);

    await page.getByRole('button', { name: 'Add a note' }).click();
    await page.getByLabel('Note (Markdown)').fill(HOSTILE_NOTE);
    await page.getByRole('button', { name: 'Save note' }).click();
    const note = page.locator('.markdown-note');
    await expect.poll(() => note.locator('h2').textContent(), WAIT).toBe('Findings');
    expect(await note.locator('strong').textContent()).toBe('lower');
    expect(await note.locator('script, img').count()).toBe(0);
    const href = await note.getByText('click me').getAttribute('href');
    expect(href ?? '').not.toMatch(/javascript:/i);
    await note.getByText('click me').click();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await expect.poll(() => page.getByText(/Last changed by Ada/).count(), WAIT).toBe(1);

    await page.getByRole('button', { name: 'Edit tags' }).click();
    await page.getByLabel('Tags (comma-separated)').fill('baseline, mlp');
    await page.getByRole('button', { name: 'Save tags' }).click();
    await expect.poll(() => page.locator('.tag-chip').allTextContents(), WAIT).toEqual(['baseline', 'mlp']);
    const colours = await page.locator('.tag-chip').evaluateAll((chips) => chips.map((chip) => getComputedStyle(chip).backgroundColor));
    expect(new Set(colours).size).toBe(2);

    // Live, without a reload: the other page shows the tags and the note.
    await expect.poll(() => watcher.locator('.tag-chip').allTextContents(), WAIT).toEqual(['baseline', 'mlp']);
    await expect.poll(() => watcher.locator('.markdown-note h2').textContent(), WAIT).toBe('Findings');
    await page.screenshot({ path: screenshotPath('notes-and-tags') });
    await context.close();
  });
});
