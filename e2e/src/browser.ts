import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
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
