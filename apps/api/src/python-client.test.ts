// The Python client (clients/python) against the real API: each scenario of clients/python/tests/scenarios.py
// runs in a python3 process and prints what it saw; the test checks that and the API's own records.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { createStudy, setupTeam, startTestApi, type TestApi } from './testing/harness.ts';

const clientDir = fileURLToPath(new URL('../../../clients/python', import.meta.url));
const scenarios = `${clientDir}/tests/scenarios.py`;

const python = spawnSync('python3', ['-c', 'import sys; assert sys.version_info >= (3, 9)'], { encoding: 'utf8' });
const pythonMissing = python.error ? `python3 cannot be started (${python.error.message})` : python.status !== 0 ? 'python3 is older than 3.9' : undefined;
if (pythonMissing) console.warn(`skipping the Python client tests: ${pythonMissing}; CI installs python3`);
/**
 * Python 3.9, the oldest the client supports (`requires-python`), where this machine has one: `python3.9` on the
 * PATH or a pyenv 3.9 (CI runs on a machine with pyenv's 3.9).
 */
function python39(): string | undefined {
  if (spawnSync('python3.9', ['-c', 'pass']).status === 0) return 'python3.9';
  const root = spawnSync('pyenv', ['root'], { encoding: 'utf8' });
  if (root.status !== 0) return undefined;
  const versions = path.join(root.stdout.trim(), 'versions');
  const found = existsSync(versions) ? readdirSync(versions).find((v) => /^3\.9\.\d+$/.test(v)) : undefined;
  return found ? path.join(versions, found, 'bin', 'python3.9') : undefined;
}
const oldestPython = python39();
if (!oldestPython) console.warn('skipping the Python 3.9 run of the client: no Python 3.9 here');
/** `mypy`, for the client's "mypy --strict clean" (CI installs Debian's mypy). */
const mypyMissing = spawnSync('mypy', ['--version']).status !== 0;
if (mypyMissing) console.warn('skipping the mypy --strict check of the client: no mypy here; CI installs it');

/** A Python 3.9+ with pandas, for `trials_dataframe()` (CI installs Debian's python3-pandas). */
const pandasPython = ['python3', '/usr/bin/python3'].find(
  (py) => spawnSync(py, ['-c', 'import sys, pandas; assert sys.version_info >= (3, 9)'], { encoding: 'utf8' }).status === 0,
);
if (!pandasPython) console.warn('skipping the trials_dataframe() test: no python3 here imports pandas; CI installs python3-pandas');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a scenario in python3 without blocking the event loop (the API answering it runs in this process). The
 * settings travel as a JSON argument that the scenario puts into its environment (TUNEBOARD_URL, ...).
 */
function runPython(args: string[], env: Record<string, string>, interpreter = 'python3'): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(interpreter, ['-B', scenarios, JSON.stringify(env), ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The JSON line a scenario printed last; fails with its output when it did not end cleanly. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- scenario results are read field by field
function result(run: Run): Record<string, any> {
  if (run.code !== 0) throw new Error(`python3 exited ${run.code}:\n${run.stdout}\n${run.stderr}`);
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as Record<string, unknown>;
}

describe.skipIf(pythonMissing !== undefined).each(testDatabases)('the Python client against the API [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  let ada: Awaited<ReturnType<typeof setupTeam>>;
  let env: Record<string, string>;
  let project: string;

  /** A WRITE token of a team and the team's slug. */
  const writeToken = async (team: Awaited<ReturnType<typeof setupTeam>>) => {
    const { apiTokenCreate } = await api.gql(
      'mutation($i: ApiTokenCreateInput!) { apiTokenCreate(input: $i) { secret } }',
      { i: { teamId: team.teamId, name: 'notebook', scope: 'WRITE' } },
      team.user,
    );
    const token = apiTokenCreate.secret as string;
    const { viewer } = await api.gql('{ viewer { tokenTeam { slug } } }', {}, { token });
    return { token, slug: viewer.tokenTeam.slug as string };
  };

  beforeAll(async () => {
    handle = await target.create();
    // Two-second leases (the client's own, CLIENT_LEASE_SECONDS): the ask-and-tell scenario holds a trial for
    // longer, kept alive by the heartbeat thread.
    api = await startTestApi(handle, { LEASE_SECONDS: '2', CLIENT_LEASE_SECONDS: '2' });
    ada = await setupTeam(api, 'ada');
    const { token, slug } = await writeToken(ada);
    project = `${slug}/main`;
    env = { TUNEBOARD_URL: api.server.url, TUNEBOARD_TOKEN: token, TB_PROJECT: project };
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  it('optimizes a quadratic with two jobs in parallel to the end of the study’s budget', async () => {
    const seen = result(await runPython(['optimize'], env));
    expect(seen.status).toBe('COMPLETED');
    expect(seen.states).toEqual(Array(12).fill('COMPLETE'));
    // The first two trials waited for each other on a barrier: both jobs held a trial at once.
    expect(seen.threads).toBe(2);
    const { study } = await api.gql(
      `query($id: ID!) { study(id: $id) { status objective counts { complete total }
        trials(first: 50) { nodes { number params values metricKeys runner { kind name } } } } }`,
      { id: seen.study },
      ada.user,
    );
    expect(study.objective).toEqual({ kind: 'client', metric: 'value' });
    expect(study.counts).toMatchObject({ complete: 12, total: 12 });
    for (const trial of study.trials.nodes) {
      const { x, y } = trial.params as { x: number; y: number };
      expect(trial.values[0]).toBeCloseTo((x - 2) ** 2 + (y + 1) ** 2, 10);
      expect(trial.metricKeys).toEqual(['value']);
      expect(trial.runner).toMatchObject({ kind: 'CLIENT' });
      expect(trial.runner.name).toMatch(/^python@/);
    }
    const best = Math.min(...study.trials.nodes.map((t: { values: number[] }) => t.values[0]));
    expect(seen.best_value).toBe(best);
    expect(seen.best.values).toEqual([best]);
  });

  it.skipIf(oldestPython === undefined)('optimizes the same quadratic on Python 3.9, the oldest version it supports', async () => {
    const seen = result(await runPython(['optimize'], { ...env, TB_STUDY_NAME: 'quadratic-3.9' }, oldestPython));
    expect(seen.status).toBe('COMPLETED');
    expect(seen.states).toEqual(Array(12).fill('COMPLETE'));
    expect(seen.threads).toBe(2);
  });

  it.skipIf(pandasPython === undefined)('gives study.trials as a pandas DataFrame, one row per trial with its params and values', async () => {
    const seen = result(await runPython(['dataframe'], env, pandasPython));
    expect(seen.numbers).toEqual([0, 1, 2, 3]);
    expect(seen.states).toEqual(Array(4).fill('COMPLETE'));
    expect(seen.columns).toEqual(expect.arrayContaining(['number', 'state', 'values_value', 'params_x', 'params_act']));
    // The frame holds what study.trials holds, trial by trial.
    const trials = seen.trials as { number: number; values: number[]; params: { x: number; act: string } }[];
    expect(seen.values).toEqual(trials.map((t) => t.values[0]));
    expect(seen.x).toEqual(trials.map((t) => t.params.x));
    expect(seen.act).toEqual(trials.map((t) => t.params.act));
    seen.x.forEach((x: number, i: number) => expect(seen.values[i]).toBeCloseTo(x * x, 10));
  });

  it('fails the trial whose objective raised: caught exceptions go on, others stop optimize and are raised', async () => {
    const seen = result(await runPython(['fail'], env));
    expect(seen.caught.map(([state]: [string]) => state)).toEqual(['COMPLETE', 'FAIL', 'COMPLETE', 'COMPLETE']);
    expect(seen.caught[1][1]).toMatch(/ValueError: boom at x=\d/);
    expect(seen.caught[1][1]).toMatch(/Traceback/);
    expect(seen.raised).toBe('ZeroDivisionError');
    // The first exception stopped the run: one trial failed (the next one waits, pending), none held.
    expect(seen.raising).toHaveLength(1);
    expect(seen.raising[0][0]).toBe('FAIL');
    expect(seen.raising[0][1]).toMatch(/ZeroDivisionError: division by zero/);
    expect(seen.held).toBe(0);
  });

  it('tells a trial and claims the next in one request, and hands a claimed trial back when the run stops', async () => {
    const seen = result(await runPython(['chained'], env));
    // n_trials=4 with two jobs: two plain claims start them, the first two tells claim the last two trials, and
    // the last two tells claim nothing (this call's trials are spent): six requests for four trials, not eight.
    expect(seen.requests).toMatchObject({ TbClaim: 2, TbCompleteClaim: 2, TbComplete: 2 });
    // The study has a budget of 10 and two at a time: two more were topped up, PENDING, none left RUNNING.
    expect(seen.states).toEqual(['COMPLETE', 'COMPLETE', 'COMPLETE', 'COMPLETE', 'PENDING', 'PENDING']);
    // The callback raised after trial 1: trial 2, claimed with trial 1's tell, is back in the queue, not held.
    expect(seen.raised).toBe('enough');
    expect(seen.reloaded).toEqual([true, false]);
    expect(seen.stopped).toEqual([
      [0, 'COMPLETE'],
      [1, 'COMPLETE'],
      [2, 'PENDING'],
    ]);
    expect(seen.held).toBe(0);
  });

  it('prunes through should_prune() with a median pruner', async () => {
    const seen = result(await runPython(['prune'], env));
    // Trials 0 and 1 complete (two start-up trials); each later one is worse than the median at step 0.
    expect(seen.states).toEqual(['COMPLETE', 'COMPLETE', 'PRUNED', 'PRUNED', 'PRUNED', 'PRUNED']);
    expect(seen.curves).toEqual([[0, 1, 2, 3, 4], [0, 1, 2, 3, 4], [0], [0], [0], [0]]);
    // study.export_jsonl(path): every trial as one JSON line, read two a page, with its curve point by point.
    type Exported = { number: number; state: string; curves: { loss: [number, number][] }; values: number[] | null };
    const exported = seen.exported as Exported[];
    expect(seen.count).toBe(6);
    expect(exported.map((t) => t.number)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(exported.map((t) => t.state)).toEqual(seen.states);
    exported.forEach((t, i) => {
      expect(t.curves.loss).toEqual((seen.curves[i] as number[]).map((step) => [step, 10 * t.number + step]));
      if (i < 2) expect(t.values).toEqual([10 * t.number + 4]);
    });
  });

  it('asks and tells by hand, keeps a held lease alive, and raises userErrors with their fields', async () => {
    const seen = result(await runPython(['ask_tell'], { ...env, TB_HOLD_S: '5' }));
    expect(seen.bad).toEqual([[['input', 'space', 'x', 'high'], 'parameter "x": `low <= high` must hold, got low=3, high=1', 'INVALID']]);
    expect(seen.told).toMatchObject({ state: 'COMPLETE' });
    // Held for 5 s on 2-second leases and never re-queued: the heartbeat renewed it.
    expect(seen.attempt).toBe(0);
    expect(seen.same_study).toBe(true);
    expect(seen.stale).toBe('StaleLeaseError');
    expect(seen.count_error).toEqual([[['input', 'values'], expect.stringContaining('give one value per objective of the study (2: value_0, value_1), got 1'), 'INVALID']]);
    expect(seen.directions).toEqual(['maximize', 'minimize']);
    expect(seen.pruned_with_value).toMatch(/tell\(state='PRUNED'\) takes no value/);
    expect(seen.report_text).toBe("report(step=0): metric 'value_0' must be a number, got 'abc'");
  });

  it('refuses a token of another team with NotFoundError, and an unknown token with UnauthenticatedError', async () => {
    const mine = (await createStudy(api, ada, { objective: { kind: 'client' } })).id;
    const eve = await setupTeam(api, 'eve');
    const { token } = await writeToken(eve);
    const seen = result(await runPython(['tenancy', mine, project], { ...env, TUNEBOARD_TOKEN: token }));
    expect(seen.study[0]).toBe('NotFoundError');
    expect(seen.create[0]).toBe('NotFoundError');
    expect(seen.create[1]).toContain('this token acts for team');
    expect(seen.ask).toEqual(['NotFoundError', expect.any(String), 'NOT_FOUND']);
    // A plain query answers null for another team's study, as for one that does not exist.
    expect(seen.query).toEqual(['answered', "{'study': None}"]);
    expect(seen.bad_token_study).toEqual(['UnauthenticatedError', expect.stringContaining('unknown, revoked or expired'), 'UNAUTHENTICATED']);
    expect(seen.bad_token_create[0]).toBe('UnauthenticatedError');
    const { study } = await api.gql('query($id: ID!) { study(id: $id) { counts { running pending } } }', { id: mine }, ada.user);
    expect(study.counts).toMatchObject({ running: 0, pending: 2 });
  });

});

describe.skipIf(mypyMissing)('the Python client package', () => {
  it('type-checks with mypy --strict, as its README says', () => {
    const run = spawnSync('mypy', ['--strict', path.join(clientDir, 'tuneboard')], { encoding: 'utf8' });
    expect(run.stdout + run.stderr).toContain('Success: no issues found');
    expect(run.status).toBe(0);
  }, 120_000);
});
