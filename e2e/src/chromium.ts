// Launches Debian's Chromium for the tests and the study-page benchmark. browser.ts's launchChromium passes
// --user-data-dir, which playwright-core refuses in launch(); a launch already gets a fresh profile, so this
// launcher uses the same flags without it.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { env } from './env.ts';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(env.chromium)) {
    throw new Error(
      `Chromium not found at ${env.chromium}: install Debian's package (apt-get install -y chromium) ` +
        'or point TUNEBOARD_E2E_CHROMIUM at a Chromium binary.',
    );
  }
  return chromium.launch({
    executablePath: env.chromium,
    headless: !env.headed,
    // No internet here: without the background-networking flags Chromium keeps dialling Google's hosts.
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
