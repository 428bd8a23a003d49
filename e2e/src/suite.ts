import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { launchStart, type Launched } from './launcher.ts';
import { startStack, type Stack, type StackOptions } from './stack.ts';

/**
 * The start of every spec against the full stack, called in its `describe` block: a beforeAll that starts the
 * stack and Chromium and hands both to `started`, and an afterAll that closes the browser, then stops the stack.
 * A spec's own hooks, registered after this call, run after the start and before the stop.
 */
export function useStackAndBrowser(started: (running: { stack: Stack; browser: Browser }) => void, options: StackOptions = {}): void {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    stack = await startStack(options);
    browser = await launchBrowser();
    started({ stack, browser });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });
}

/** Six random letters and digits: unique names (emails, team slugs, studies) for one run of a spec. */
export function randomSuffix(): string {
  return Math.random().toString(36).slice(2, 8);
}

/**
 * The start of the first-run specs (`npm start` as a newcomer runs it), called in their `describe` block: a fresh
 * data folder named from `prefix`, Chromium started before the tests and handed to `started`; `launch()` starts
 * `npm start` on that folder. After the tests: the browser closed, a launcher still running stopped, the folder
 * removed.
 */
export function useLauncherAndBrowser(
  prefix: string,
  started: (browser: Browser) => void,
): { launch: () => Promise<Launched> } {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), prefix));
  let browser: Browser | undefined;
  let launched: Launched | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    started(browser);
  });
  afterAll(async () => {
    await browser?.close();
    if (launched && launched.child.exitCode === null) await launched.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    launch: async () => {
      launched = await launchStart(dataDir);
      return launched;
    },
  };
}
