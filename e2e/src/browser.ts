import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { env } from './env.ts';

/** Where tests save screenshots (gitignored). */
export const outputDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'output');

/**
 * The one way the browser tests and the web benchmarks launch Debian's Chromium. The background-networking flags
 * matter: this machine has no internet, and without them Chromium keeps dialling Google's hosts and having the
 * connections refused. No `--user-data-dir`: playwright-core refuses it in launch(), and a launch already gets a
 * fresh temporary profile.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(env.chromium)) {
    throw new Error(
      `Chromium not found at TUNEBOARD_E2E_CHROMIUM=${JSON.stringify(env.chromium)}: install Debian's package ` +
        '(apt-get install -y chromium) or point TUNEBOARD_E2E_CHROMIUM at a Chromium binary.',
    );
  }
  return chromium.launch({
    executablePath: env.chromium,
    headless: !env.headed,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A screenshot path under e2e/output, creating the folder. */
export function screenshotPath(name: string): string {
  mkdirSync(outputDir, { recursive: true });
  return path.join(outputDir, `${name}.png`);
}

/**
 * A new browser context (a separate session: its own cookies) at 1280×900 unless `options` say otherwise, and a
 * page in it that waits up to 30 s for each action.
 */
export async function openPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return { context, page };
}

/**
 * Brushes a parallel-coordinates axis as a person drags: d3's overlay inside `[data-axis="<axis>"]` is scrolled
 * into view (panels above the chart can push it below the fold, where mouse events reach nothing), the mouse goes
 * down at the first fraction of its height from the top and moves through the others, five steps each.
 */
export async function brushAxis(
  page: Page,
  axis: string,
  [first, ...rest]: [number, ...number[]],
): Promise<void> {
  const overlay = page.locator(`[data-axis="${axis}"] rect.overlay`);
  await overlay.scrollIntoViewIfNeeded();
  const box = (await overlay.boundingBox())!;
  const x = box.x + box.width / 2;
  await page.mouse.move(x, box.y + box.height * first);
  await page.mouse.down();
  for (const fraction of rest) await page.mouse.move(x, box.y + box.height * fraction, { steps: 5 });
  await page.mouse.up();
}
