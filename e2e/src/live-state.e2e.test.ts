import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { screenshotPath } from './browser.ts';
import { env } from './env.ts';
import { cookieHeader, createStudy, type GraphQLAuth, type Stack } from './stack.ts';
import { signUpInBrowser } from './sign-up.ts';
import { randomSuffix, useStackAndBrowser } from './suite.ts';

/** Issue #18 (a), (b): the study page converges to the server's state without a reload. */
const TRIALS = 8;
const WAIT = { timeout: 60_000, interval: 500 };
const SPACE = {
  learningRate: { type: 'float', low: 0.0001, high: 0.1, log: true },
  units: { type: 'int', low: 16, high: 64, log: true },
  epochs: { type: 'categorical', choices: [2] },
};

interface ServerTrial {
  number: number;
  state: string;
  values: (number | string)[] | null;
}

async function serverTrials(stack: Stack, studyId: string, auth: GraphQLAuth): Promise<{ status: string; trials: ServerTrial[] }> {
  const { study } = await stack.gql(
    'query($id: ID!) { study(id: $id) { status trials(first: 100) { nodes { number state values } } } }',
    { id: studyId },
    auth,
  );
  return { status: study.status, trials: study.trials.nodes };
}

/** `#,State,val_loss` of every row of the page's CSV export, by trial number (the table sorts as the user chose). */
async function exportedRows(page: Page): Promise<string[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const text = readFileSync((await download.path())!, 'utf8').trim();
  return text
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',').slice(0, 3))
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map((cells) => cells.join(','));
}

function expectedRows(trials: readonly ServerTrial[]): string[] {
  return [...trials].sort((a, b) => a.number - b.number).map((t) => `${t.number},${t.state},${t.values?.[0] ?? ''}`);
}

const summary = (page: Page, term: string) => page.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]').innerText();

function expectedCounts(trials: readonly ServerTrial[]): string {
  const n = (state: string) => trials.filter((t) => t.state === state).length;
  return `${n('RUNNING')} running, ${n('PENDING')} pending, ${n('COMPLETE')} complete, ${n('PRUNED')} pruned, ${n('FAIL')} failed`;
}

describe('live state of the study page', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  const aborted: string[] = [];

  useStackAndBrowser((started) => ({ stack, browser } = started));
  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page.setDefaultTimeout(30_000);
    // The page must never cancel its own GraphQL requests (it used to, about every 1.5 s while a study ran).
    page.on('requestfailed', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql' && request.failure()?.errorText === 'net::ERR_ABORTED') {
        aborted.push(request.postData()?.slice(0, 80) ?? '');
      }
    });
    // TUNEBOARD_E2E_VERBOSE=1: the page's console, WebSocket frames and failed requests too.
    if (env.verbose) {
      page.on('console', (m) => console.log('console', m.text()));
      page.on('websocket', (ws) => {
        console.log('ws open', ws.url());
        ws.on('framereceived', (f) => console.log('ws <', String(f.payload).slice(0, 160)));
        ws.on('framesent', (f) => console.log('ws >', String(f.payload).slice(0, 160)));
        ws.on('close', () => console.log('ws closed'));
      });
      page.on('requestfailed', (r) => console.log('failed', r.method(), r.url(), r.failure()?.errorText));
    }
  });

  it('converges to the final state without a reload when the API restarts mid-study; Back from a trial shows the same', async () => {
    const suffix = randomSuffix();
    await signUpInBrowser(page, stack.webUrl, 'Grace', `grace-${suffix}@example.test`);
    const auth = { cookie: cookieHeader(await page.context().cookies(stack.webUrl)) };
    const { teamCreate } = await stack.gql(
      'mutation($i: TeamCreateInput!) { teamCreate(input: $i) { team { id } } }',
      { i: { name: `Lab ${suffix}`, slug: `lab-${suffix}` } },
      auth,
    );
    const teamId = teamCreate.team.id as string;
    const { projectCreate } = await stack.gql(
      'mutation($i: ProjectCreateInput!) { projectCreate(input: $i) { project { id } } }',
      { i: { teamId, name: 'Digits', slug: 'digits' } },
      auth,
    );
    const studyId = await createStudy(
      stack,
      {
        projectId: projectCreate.project.id,
        name: `live-${suffix}`,
        objectives: [{ name: 'val_loss', direction: 'MINIMIZE' }],
        space: SPACE,
        sampler: { kind: 'random', seed: 5 },
        objective: { kind: 'template', template: 'mlp', dataset: 'digits' },
        budget: { maxTrials: TRIALS, maxParallel: 2 },
      },
      auth,
    );
    await stack.startRunner(teamId, auth, { concurrency: 2 });

    await page.goto(`${stack.webUrl}/studies/${encodeURIComponent(studyId)}`);
    const table = page.getByTestId('trial-table');
    await expect.poll(() => table.getByText('COMPLETE', { exact: true }).count(), { timeout: 180_000, interval: 1_000 }).toBeGreaterThan(0);

    // The API goes away mid-study: its WebSockets close, and whatever it was about to send is lost.
    await stack.restartApi();

    // The study finishes on the restarted API while the page stays open, never reloaded.
    await expect
      .poll(async () => (await serverTrials(stack, studyId, auth)).status, { timeout: 240_000, interval: 1_000 })
      .toBe('COMPLETED');
    const final = await serverTrials(stack, studyId, auth);
    expect(final.trials).toHaveLength(TRIALS);
    await expect.poll(() => summary(page, 'Status'), WAIT).toBe('COMPLETED');
    await expect.poll(() => table.getAttribute('data-row-count'), WAIT).toBe(String(TRIALS));
    await expect.poll(() => summary(page, 'Trials'), WAIT).toBe(expectedCounts(final.trials));
    // Table, summary and export read one store: the CSV is the server's trials, row for row.
    expect(await exportedRows(page)).toEqual(expectedRows(final.trials));
    await page.screenshot({ path: screenshotPath('live-after-restart'), fullPage: true });
    expect(aborted).toEqual([]);

    // Back from a trial page: the study view is the server's, and so is its export.
    const rowsBefore = await exportedRows(page);
    await table.getByText('COMPLETE', { exact: true }).first().click();
    await page.waitForURL(/\/trials\//);
    await page.goBack();
    await page.waitForURL(/\/studies\//);
    await expect.poll(() => summary(page, 'Status'), WAIT).toBe('COMPLETED');
    await expect.poll(() => summary(page, 'Trials'), WAIT).toBe(expectedCounts(final.trials));
    expect(await exportedRows(page)).toEqual(rowsBefore);
  });
});
