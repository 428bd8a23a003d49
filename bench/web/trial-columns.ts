// The API's side of a big study page's range reads (issue #18, item 7): seeds a study of N complete trials (as
// bench/web/study-page.ts does) into an in-process API on PGlite and times `Study.trialColumns` ranges of 5,000
// trial numbers over HTTP — one alone, then the ranges of the whole study one after another and all at once —
// with the response's size, and prints the plan of the range's SQL.
// Run: `npx tsx bench/web/trial-columns.ts [trials]` from the root (default 10000).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb } from '@tuneboard/db';
import { createStudy, setupTeam, startTestApi } from '@tuneboard/api/testing';

const TRIALS = Number(process.argv[2] ?? 10_000);
const WIDTH = 5_000;
const QUERY = `query($id: ID!, $from: Int!, $to: Int!) { study(id: $id) { id eventSeq status failureReason
  trialColumns(from: $from, to: $to) { ids numbers states attempts durations params values next } } }`;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tb-bench-trial-columns-'));
  const handle = await createDb({ dataDir });
  await handle.migrate();
  const api = await startTestApi(handle);
  try {
    const team = await setupTeam(api, 'bench');
    const created = await createStudy(api, team, { space: { lr: { type: 'float', low: 1e-5, high: 0.1, log: true } }, budget: { maxTrials: TRIALS + 10, maxParallel: 1 } });
    await api.gql('mutation($id: ID!) { studyPause(input: { id: $id }) { userErrors { message } } }', { id: created.id }, team.user);
    const [row] = await handle.query<{ id: string }>(`select id from study order by created_at desc limit 1`);
    await handle.query(`delete from trial where study_id = $1`, [row!.id]);
    await handle.query(
      `insert into trial (study_id, number, params, state, values, origin, started_at, finished_at)
       select $1, g,
         jsonb_build_object('lr', power(10, -5 + 4 * ((g * 0.6180339887) % 1)), 'batch_size', 16 + (g * 7919) % 497,
           'dropout', 0.6 * ((g * 0.4142135623) % 1), 'optimizer', (array['adam','sgd','rmsprop','adamw'])[1 + g % 4],
           'layers', 1 + g % 8, 'momentum', 0.5 + 0.49 * ((g * 0.7320508075) % 1),
           'weight_decay', power(10, -6 + 4 * ((g * 0.2360679774) % 1))),
         'COMPLETE', array[((g * 0.5772156649) % 1) + 0.1]::float8[], 'SAMPLER',
         now() - interval '1 hour', now() - interval '1 hour' + (g % 60) * interval '1 second'
       from generate_series(1, ${TRIALS}) g`,
      [row!.id],
    );
    const read = async (from: number) => {
      const started = performance.now();
      const response = await fetch(api.server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: team.user.cookie },
        body: JSON.stringify({ query: QUERY, variables: { id: created.id, from, to: from + WIDTH } }),
      });
      const text = await response.text();
      const ms = performance.now() - started;
      const parseStarted = performance.now();
      JSON.parse(text);
      return { ms, bytes: text.length, parse: performance.now() - parseStarted };
    };
    await read(0);
    const alone = [];
    for (let i = 0; i < 5; i++) alone.push(await read(1_000));
    const first = alone.sort((a, b) => a.ms - b.ms)[2]!;
    process.stdout.write(`one range of ${WIDTH} (median of 5): ${first.ms.toFixed(0)} ms, ${(first.bytes / 1024).toFixed(0)} KiB, JSON.parse ${first.parse.toFixed(1)} ms\n`);
    const froms = Array.from({ length: Math.ceil(TRIALS / WIDTH) }, (_, i) => i * WIDTH);
    let started = performance.now();
    for (const from of froms) await read(from);
    process.stdout.write(`${froms.length} ranges one after another: ${(performance.now() - started).toFixed(0)} ms\n`);
    started = performance.now();
    await Promise.all(froms.map(read));
    process.stdout.write(`${froms.length} ranges at once: ${(performance.now() - started).toFixed(0)} ms\n`);
    const sqlStarted = performance.now();
    await handle.query(
      `select id, number, state, attempt, params, values, started_at, finished_at from trial where study_id = $1 and number >= 1000 and number < 6000 order by number`,
      [row!.id],
    );
    process.stdout.write(`the range's SQL alone: ${(performance.now() - sqlStarted).toFixed(0)} ms\n`);
    for (let i = 0; i < 3; i++) {
      const aggStarted = performance.now();
      await handle.query(
        `select coalesce(json_agg(id order by number), '[]') as ids, coalesce(json_agg(number order by number), '[]') as numbers,
           coalesce(json_agg(state order by number), '[]') as states, coalesce(json_agg(attempt order by number), '[]') as attempts,
           coalesce(json_agg(extract(epoch from finished_at - started_at) order by number), '[]') as durations,
           coalesce(json_agg(params order by number), '[]') as params, coalesce(json_agg(values order by number), '[]') as values
         from trial where study_id = $1 and number >= 1000 and number < 6000`,
        [row!.id],
      );
      process.stdout.write(`the range as json_agg columns: ${(performance.now() - aggStarted).toFixed(0)} ms\n`);
      const s2 = performance.now();
      await handle.query(
        `select id, number, state, attempt, params, values, started_at, finished_at from trial where study_id = $1 and number >= 1000 and number < 6000 order by number`,
        [row!.id],
      );
      process.stdout.write(`the range's SQL alone: ${(performance.now() - s2).toFixed(0)} ms\n`);
    }
    const plan = await handle.query<{ 'QUERY PLAN': string }>(
      `explain analyze select id, number, state, attempt, params, values, started_at, finished_at from trial where study_id = '${row!.id}' and number >= 1000 and number < 6000 order by number`,
    );
    process.stdout.write(`${plan.map((p) => p['QUERY PLAN']).join('\n')}\n`);
  } finally {
    await api.close();
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
