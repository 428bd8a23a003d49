// Study page time to first full render at 10,000 trials: seeds a study straight into the database of an
// in-process API, serves the dashboard's test build, and times in Chromium from navigation until the trial table
// holds every row and the parallel coordinates have drawn. Run: `npx tsx bench/web/study-page.ts` (from the root).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb } from '@tuneboard/db';
import { createStudy, setupTeam, startTestApi } from '@tuneboard/api/testing';
import { launchBrowser } from '@tuneboard/e2e/browser';
import { startWeb } from '@tuneboard/e2e/stack';
import { freePorts } from '@tuneboard/start/ports';

const TRIALS = 10_000;
const RUNS = 2;

async function main(): Promise<void> {
  const [apiPort, webPort] = (await freePorts(2)) as [number, number];
  const port = String(apiPort);
  const apiUrl = `http://127.0.0.1:${port}/graphql`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tb-bench-study-page-'));
  const handle = await createDb({ dataDir });
  await handle.migrate();
  const api = await startTestApi(handle, {
    PORT: port,
    WEB_ORIGINS: `http://127.0.0.1:${webPort}`,
  });
  let web: Awaited<ReturnType<typeof startWeb>> | undefined;
  const browser = await launchBrowser();
  try {
    const team = await setupTeam(api, 'bench');
    const space = {
      lr: { type: 'float', low: 1e-5, high: 0.1, log: true },
      batch_size: { type: 'int', low: 16, high: 512 },
      dropout: { type: 'float', low: 0, high: 0.6 },
      optimizer: { type: 'categorical', choices: ['adam', 'sgd', 'rmsprop', 'adamw'] },
      layers: { type: 'int', low: 1, high: 8 },
      momentum: { type: 'float', low: 0.5, high: 0.99 },
      weight_decay: { type: 'float', low: 1e-6, high: 1e-2, log: true },
    };
    const created = await createStudy(api, team, { space, budget: { maxTrials: TRIALS + 1, maxParallel: 1 } });
    await api.gql('mutation($id: ID!) { studyStop(input: { id: $id }) { userErrors { message } } }', { id: created.id }, team.user);
    const [row] = await handle.query<{ id: string }>(`select id from study order by created_at desc limit 1`);
    const started = performance.now();
    // One statement: 10,000 complete trials with 7 parameters and a value (pseudo-random but repeatable).
    await handle.query(
      `insert into trial (study_id, number, params, state, values, origin, started_at, finished_at)
       select $1, g,
         jsonb_build_object(
           'lr', power(10, -5 + 4 * ((g * 0.6180339887) % 1)),
           'batch_size', 16 + (g * 7919) % 497,
           'dropout', 0.6 * ((g * 0.4142135623) % 1),
           'optimizer', (array['adam','sgd','rmsprop','adamw'])[1 + g % 4],
           'layers', 1 + g % 8,
           'momentum', 0.5 + 0.49 * ((g * 0.7320508075) % 1),
           'weight_decay', power(10, -6 + 4 * ((g * 0.2360679774) % 1))),
         'COMPLETE', array[((g * 0.5772156649) % 1) + 0.1]::float8[], 'SAMPLER',
         now() - interval '1 hour', now() - interval '1 hour' + (g % 60) * interval '1 second'
       from generate_series(1, ${TRIALS}) g`,
      [row!.id],
    );
    process.stdout.write(`seeded ${TRIALS} trials in ${Math.round(performance.now() - started)} ms\n`);

    web = await startWeb(apiUrl, webPort);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const [name, value] = team.user.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, domain: '127.0.0.1', path: '/' }]);
    const page = await context.newPage();
    const url = `${web.url}/studies/${encodeURIComponent(created.id)}`;
    const figures: number[] = [];
    // The first visit warms Next's and the API's caches; the figures are the visits after it.
    for (let run = 0; run <= RUNS; run++) {
      await page.goto('about:blank');
      await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
      await page.waitForSelector(`[data-testid="trial-table"][data-row-count="${TRIALS}"]`, { timeout: 120_000 });
      // The lines' canvas gets its size once laid out (an empty overlay canvas sits beside it).
      await page.waitForSelector('[data-testid="parallel-coordinates"] canvas[width]', { state: 'attached', timeout: 120_000 });
      // Two frames: the canvas lines are painted in an effect after the commit that inserted the canvas.
      const ms = await page.evaluate<number>(
        'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))))',
      );
      if (run > 0) figures.push(ms);
      process.stdout.write(`${run === 0 ? 'warm-up' : `run ${run}`}: ${Math.round(ms)} ms\n`);
    }
    figures.sort((a, b) => a - b);
    const median = figures[Math.floor(figures.length / 2)]!;
    process.stdout.write(
      `study page, ${TRIALS} trials: time to first full render (navigation → table rows + parallel coordinates drawn) median ${Math.round(median)} ms over ${RUNS} runs (min ${Math.round(figures[0]!)}, max ${Math.round(figures[figures.length - 1]!)})\n`,
    );
  } finally {
    await browser.close();
    await web?.stop();
    await api.close();
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
