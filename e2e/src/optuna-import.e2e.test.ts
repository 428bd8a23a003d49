// The dashboard's Optuna upload (a project's "Import Optuna study" dialog, `studyImportOptuna`) and the study page's
// "Export JSONL" button, in Chromium against the real stack: an Optuna SQLite file built by Optuna itself is
// uploaded, the imported study shows its trials, and the downloaded JSON lines hold every trial as Optuna had it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage, screenshotPath } from './browser.ts';
import { env } from './env.ts';
import { signUpWithProject } from './sign-up.ts';
import type { Stack } from './stack.ts';
import { randomSuffix, useStackAndBrowser } from './suite.ts';

/** vitest's poll gives up after 1 s by default; pages on this busy machine can take longer. */
const WAIT = { timeout: 45_000, interval: 250 };

const optunaPython = ['python3', '/usr/bin/python3'].find(
  (python) => spawnSync(python, ['-c', 'import optuna'], { encoding: 'utf8' }).status === 0,
);
if (!optunaPython)
  console.warn(
    'skipping the Optuna upload spec: no python3 here imports optuna (apt-get install python3-optuna)',
  );

/**
 * A small Optuna study in a SQLite file: three complete trials with a curve of three intermediate values and one
 * pruned after its first; prints the trials as Optuna reads them back (number, state, params, values, curve).
 */
const BUILD_STUDY = `
import datetime, json, sys, optuna
optuna.logging.set_verbosity(optuna.logging.ERROR)
study = optuna.create_study(study_name="lr-search", storage="sqlite:///" + sys.argv[1], direction="minimize",
                            sampler=optuna.samplers.RandomSampler(seed=4))
def objective(trial):
    lr = trial.suggest_float("lr", 1e-4, 1e-1, log=True)
    layers = trial.suggest_int("layers", 1, 4)
    for step in range(3):
        trial.report(lr * layers + 1 / (step + 1), step)
        if trial.number == 3:
            raise optuna.TrialPruned()
    return lr * layers
study.optimize(objective, n_trials=4)
# Optuna stores datetime.now() without a zone: the clock of this process (TZ=Asia/Kolkata below). The instants
# it names, in UTC, are what the import must show after reading them in that zone.
utc = lambda d: d.astimezone(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
print(json.dumps([{"number": t.number, "state": t.state.name, "params": t.params,
                   "values": t.values, "curve": sorted([s, v] for s, v in t.intermediate_values.items()),
                   "startedAt": utc(t.datetime_start)}
                  for t in study.trials]))
`;

interface OptunaTrial {
  number: number;
  state: string;
  params: Record<string, number>;
  values: number[] | null;
  curve: [number, number][];
  startedAt: string;
}

describe.skipIf(!optunaPython)(
  'importing an Optuna study in the dashboard and exporting it as JSON lines',
  () => {
    let stack: Stack;
    let browser: Browser;
    let dir: string;

    useStackAndBrowser((started) => ({ stack, browser } = started));
    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'tb-e2e-optuna-'));
    });
    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('uploads an Optuna SQLite file, shows the imported trials, and downloads them as JSONL', async () => {
      const file = path.join(dir, 'optuna.db');
      // Optuna runs on a machine in India (its clock 5 h 30 ahead of UTC), and so does the browser.
      const built = spawnSync(optunaPython!, ['-B', '-c', BUILD_STUDY, file], {
        encoding: 'utf8',
        env: { ...env.base, TZ: 'Asia/Kolkata' },
      });
      expect(built.status, built.stderr).toBe(0);
      const optunaTrials = JSON.parse(built.stdout.trim().split('\n').at(-1)!) as OptunaTrial[];
      expect(optunaTrials.map((t) => t.state)).toEqual(['COMPLETE', 'COMPLETE', 'COMPLETE', 'PRUNED']);

      const suffix = randomSuffix();
      const { context, page } = await openPage(browser, {
        acceptDownloads: true,
        timezoneId: 'Asia/Kolkata',
      });
      const { projectId } = await signUpWithProject(stack, context, page, {
        name: 'Ada',
        email: `ada-optuna-${suffix}@example.test`,
        suffix,
      });

      await page.goto(`${stack.webUrl}/projects/${encodeURIComponent(projectId)}`);
      await page.getByRole('button', { name: 'Import Optuna study' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import an Optuna study' });
      await dialog.getByLabel('Optuna SQLite file').setInputFiles(file);
      await dialog.getByLabel('Optuna study name').fill('lr-search');
      await dialog.getByLabel('Sampler that continues it').selectOption('random');
      // The dialog starts from the browser's time zone, the one the storage was written in (Chromium's time-zone
      // data still calls it by its older name).
      expect(await dialog.getByLabel(/^Time zone of the machine that wrote it/).inputValue()).toMatch(
        /^Asia\/(Kolkata|Calcutta)$/,
      );
      // A zone that is not one is refused on its field, naming the value, before anything is sent.
      const zoneField = dialog.getByLabel(/^Time zone of the machine that wrote it/);
      const browserZone = await zoneField.inputValue();
      await zoneField.fill('Paris');
      await dialog.getByRole('button', { name: 'Import', exact: true }).click();
      await expect
        .poll(() => dialog.getByText(/ must be an IANA time zone .* got "Paris"/).count(), WAIT)
        .toBe(1);
      await zoneField.fill(browserZone);
      await dialog.getByRole('button', { name: 'Import', exact: true }).click();
      const status = dialog.getByRole('status');
      await expect
        .poll(() => status.textContent(), WAIT)
        .toContain('Imported "lr-search" as "lr-search": 4 trials (3 complete, 1 pruned, 0 failed).');
      await page.screenshot({ path: screenshotPath('optuna-import-dialog') });

      // The link in the dialog opens the imported study: its table lists Optuna's four trials (the study goes on
      // from there, so the sampler has queued new PENDING trials after them).
      await dialog.getByRole('link', { name: 'Open lr-search' }).click();
      await page.waitForURL(/\/studies\//);
      await expect
        .poll(() => page.getByRole('heading', { name: 'lr-search', level: 1 }).count(), WAIT)
        .toBe(1);
      const table = page.getByTestId('trial-table');
      await expect.poll(() => table.getByText('COMPLETE', { exact: true }).count(), WAIT).toBe(3);
      await expect.poll(() => table.getByText('PRUNED', { exact: true }).count(), WAIT).toBe(1);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export JSONL' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('lr-search-trials.jsonl');
      const text = readFileSync((await download.path())!, 'utf8');
      await page.screenshot({ path: screenshotPath('optuna-import-study') });

      expect(text.endsWith('\n')).toBe(true);
      const lines = text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any -- read field by field
      const imported = lines.filter((t) => t.origin === 'INHERITED');
      expect(imported.map((t) => t.number)).toEqual([0, 1, 2, 3]);
      imported.forEach((exported, i) => {
        const optuna = optunaTrials[i]!;
        expect(exported.state).toBe(optuna.state);
        expect(exported.params).toEqual(optuna.params);
        if (optuna.state === 'COMPLETE') expect(exported.values).toEqual(optuna.values);
        // The intermediate values are the curve of the study's objective ("value"), point by point.
        expect(exported.curves).toEqual({ value: optuna.curve });
        // Optuna's clock reading, read in Kolkata: the instant it was, not 5 h 30 later.
        expect(exported.startedAt).toBe(optuna.startedAt);
      });
      // Every other line is a trial the continued study queued since: numbered after Optuna's, not started.
      for (const queued of lines.filter((t) => t.origin !== 'INHERITED')) {
        expect(queued.number).toBeGreaterThanOrEqual(4);
        expect(queued.state).toBe('PENDING');
      }
      await context.close();
    });
  },
);
