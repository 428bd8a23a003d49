// Issue #18 (d): the Runners page, left open without a reload, follows a runner from idle to busy on a trial, back
// to idle when the trial ends, and to offline within a lease after the runner is killed (SIGKILL: no goodbye).
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath } from './browser.ts';
import { signUpWithProject } from './sign-up.ts';
import { createStudy, type Stack } from './stack.ts';
import { randomSuffix, useStackAndBrowser } from './suite.ts';

/** A short lease, so a killed runner shows offline within seconds; its heartbeat comes every third of it. */
const LEASE_SECONDS = 15;
const WAIT = { timeout: 90_000, interval: 500 };

describe('the Runners page', () => {
  let stack: Stack;
  let browser: Browser;
  useStackAndBrowser((started) => ({ stack, browser } = started), { apiEnv: { LEASE_SECONDS: String(LEASE_SECONDS) } });

  /** The runner's row: its Status badge and its Current trials cell, as the open page shows them now. */
  async function row(page: Page, runnerName: string): Promise<{ status: string; current: string } | null> {
    const rows = page.getByRole('row').filter({ hasText: runnerName });
    if ((await rows.count()) !== 1) return null;
    const cells = await rows.first().getByRole('cell').allInnerTexts();
    // Columns: Runner, Status, Backend, Device, Commands, Current trials, Last heartbeat.
    return { status: (cells[1] ?? '').trim(), current: (cells[5] ?? '').trim() };
  }

  it('shows a runner idle, busy on its trial, idle again, and offline once killed, without a reload', async () => {
    const suffix = randomSuffix();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const { auth, teamId, projectId } = await signUpWithProject(stack, context, page, {
      name: 'Runa',
      email: `runa-${suffix}@example.test`,
      suffix,
    });
    const runnerName = `e2e-runner-${suffix}`;
    const runner = await stack.startRunner(teamId, auth, { concurrency: 1, name: runnerName });

    // Reached as people reach it: from another page, through the main navigation (a client-side navigation).
    await page.goto(`${stack.webUrl}/teams`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runners' }).click();
    await page.waitForURL(`${stack.webUrl}/runners`);
    // A mark on this document: a reload would start a new one without it.
    await page.evaluate(() => ((window as unknown as { loadedOnce?: boolean }).loadedOnce = true));
    await expect.poll(async () => (await row(page, runnerName))?.status, WAIT).toBe('idle');

    // One trial that trains for a while: the runner is busy on it, then idle again.
    const studyName = `runners-${suffix}`;
    const studyId = await createStudy(
      stack,
      {
        projectId,
        name: studyName,
        objectives: [{ name: 'val_loss', direction: 'MINIMIZE' }],
        space: {
          learningRate: { type: 'float', low: 0.001, high: 0.01, log: true },
          epochs: { type: 'categorical', choices: [300] },
        },
        sampler: { kind: 'random', seed: 3 },
        objective: { kind: 'template', template: 'mlp', dataset: 'digits' },
        budget: { maxTrials: 1, maxParallel: 1 },
      },
      auth,
    );
    await expect.poll(async () => (await row(page, runnerName))?.status, WAIT).toBe('busy');
    expect((await row(page, runnerName))?.current).toBe(`${studyName} #0`);
    await page.screenshot({ path: screenshotPath('runners-busy') });

    const finished = async () => {
      const { study } = await stack.gql('query($id: ID!) { study(id: $id) { trials(first: 1) { nodes { state } } } }', { id: studyId }, auth);
      return study.trials.nodes[0]?.state as string | undefined;
    };
    await expect.poll(finished, { timeout: 300_000, interval: 1_000 }).toMatch(/^(COMPLETE|PRUNED|FAIL)$/);
    await expect.poll(async () => (await row(page, runnerName))?.status, WAIT).toBe('idle');
    expect((await row(page, runnerName))?.current).toBe('idle');

    // Killed: nothing more is heard from it, and the page shows it offline within a lease (and a refresh).
    await runner.kill();
    await expect.poll(async () => (await row(page, runnerName))?.status, WAIT).toBe('offline');
    await page.screenshot({ path: screenshotPath('runners-offline') });
    // Every change came without a reload.
    expect(await page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
    await context.close();
  }, 600_000);
});
