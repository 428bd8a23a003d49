// Importing Optuna studies: fixtures are built with Optuna itself (Debian's python3-optuna), imported, compared
// trial by trial with what Optuna reads from the same file, and continued with the Python client.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { runAdmin } from '../admin.ts';
import { setupTeam, startTestApi, type TestApi } from '../testing/harness.ts';
import { rawId, toGlobalId } from '../ids.ts';
import { OptunaImportError, mapOptunaStudy, readOptunaSqlite, storeImport, type OptunaDump } from './optuna.ts';

const fixtureScript = fileURLToPath(new URL('./optuna-fixture.py', import.meta.url));
const clientDir = fileURLToPath(new URL('../../../../clients/python', import.meta.url));

/** The first of python3 and Debian's /usr/bin/python3 that imports optuna. */
const optunaPython = ['python3', '/usr/bin/python3'].find((python) => spawnSync(python, ['-c', 'import optuna'], { encoding: 'utf8' }).status === 0);
if (!optunaPython) console.warn('skipping the Optuna import tests: no python3 here imports optuna (apt-get install python3-optuna)');

function run(program: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${program} exited ${code}: ${stdout}\n${stderr}`))));
  });
}

interface OptunaTrial {
  number: number;
  state: string;
  params: Record<string, unknown>;
  values: (number | string)[] | null;
  curve: [number, number | string][];
}

/** A metric value as the API sends it: a number, or "Infinity" / "-Infinity" / "NaN". */
const asNumber = (value: number | string) => (typeof value === 'number' ? value : Number(value));

describe.skipIf(!optunaPython)('importing Optuna studies', () => {
  let dir: string;
  let storage: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tb-optuna-'));
    storage = path.join(dir, 'optuna.db');
    await run(optunaPython!, ['-B', fixtureScript, `sqlite:///${storage}`]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const optunaView = async (study: string) =>
    JSON.parse(await run(optunaPython!, ['-B', fixtureScript, `sqlite:///${storage}`, '--show', study])) as { directions: string[]; trials: OptunaTrial[] };

  it('maps every distribution, direction and state, and refuses what Tuneboard cannot express by name', async () => {
    const plan = mapOptunaStudy(await readOptunaSqlite(storage, 'mixed'));
    expect(plan.space).toEqual({
      x: { type: 'float', low: -5, high: 5, log: false },
      lr: { type: 'float', low: 1e-5, high: 0.1, log: true },
      dropout: { type: 'float', low: 0, high: 0.5, step: 0.1 },
      units: { type: 'int', low: 1, high: 8, log: false, step: 1 },
      width: { type: 'int', low: 16, high: 256, log: true, step: 1 },
      layers: { type: 'int', low: 2, high: 10, log: false, step: 2 },
      optimizer: { type: 'categorical', choices: ['adam', 'sgd', 'rmsprop'] },
    });
    expect(plan.objectives).toEqual([{ name: 'value', direction: 'minimize' }]);
    const two = mapOptunaStudy(await readOptunaSqlite(storage, 'two'));
    expect(two.objectives).toEqual([
      { name: 'value_0', direction: 'minimize' },
      { name: 'value_1', direction: 'maximize' },
    ]);
    expect(two.space.b).toEqual({ type: 'categorical', choices: [1, 2, 3] });

    const dump = await readOptunaSqlite(storage, 'mixed');
    const refused = (change: (d: OptunaDump) => void) => {
      const copy = structuredClone(dump);
      change(copy);
      try {
        mapOptunaStudy(copy);
      } catch (error) {
        expect(error).toBeInstanceOf(OptunaImportError);
        return (error as Error).message;
      }
      throw new Error('not refused');
    };
    expect(refused((d) => (d.alembic = 'v2.6.0.a'))).toMatch(/schema "v2.6.0.a" is not supported: the importer reads v3.0.0.a, .*v3.2.0.a/);
    expect(refused((d) => (d.study = null))).toMatch(/no study of that name; it has: "mixed", "two"/);
    expect(
      refused((d) => {
        d.params!.find((p) => p.param_name === 'x')!.distribution_json = '{"name": "FloatDistribution", "attributes": {"step": null, "low": -9.0, "high": 9.0, "log": false}}';
      }),
    ).toMatch(/^parameter "x" has different distributions across trials/);
    expect(refused((d) => (d.params = d.params!.filter((p) => !(p.param_name === 'lr' && p.trial_id === d.trials![0]!.trial_id))))).toMatch(
      /^parameter "lr" is missing from 1 trial\(s\) \(e\.g\. #0\): conditional parameters need a `when`/,
    );
    expect(
      refused((d) => {
        for (const p of d.params!) if (p.param_name === 'optimizer') p.distribution_json = '{"name": "CategoricalDistribution", "attributes": {"choices": [null, "sgd"]}}';
      }),
    ).toMatch(/^parameter "optimizer": Tuneboard's categorical choices are strings, finite numbers or booleans, got null/);
  });

  it('imports through the admin command once, and says so the second time', async () => {
    const dataDir = path.join(dir, 'admin');
    const lines: string[] = [];
    const admin = (...argv: string[]) => runAdmin(argv, (line) => lines.push(line), { dataDir });
    await admin('user', 'create', '--email', 'o@example.test', '--name', 'O');
    await admin('team', 'create', '--slug', 'lab', '--name', 'Lab', '--owner', 'o@example.test');
    await admin('project', 'create', '--team', 'lab', '--slug', 'tuning', '--name', 'Tuning');
    lines.length = 0;
    await admin('import', 'optuna', '--storage', storage, '--study', 'mixed', '--project', 'lab/tuning', '--trials', '5');
    expect(lines[0]).toMatch(/^imported the Optuna study "mixed" as lab\/tuning "mixed" \(\S+\)$/);
    expect(lines[1]).toBe('16 trials (5 complete, 10 pruned, 1 failed); 16 user attributes not imported');
    lines.length = 0;
    await admin('import', 'optuna', '--storage', storage, '--study', 'mixed', '--project', 'lab/tuning');
    expect(lines[0]).toMatch(/^the Optuna study "mixed" was imported before, as lab\/tuning "mixed" \(\S+\); nothing changed$/);
    await expect(admin('import', 'optuna', '--storage', storage, '--study', 'nope', '--project', 'lab/tuning')).rejects.toThrow(
      /import optuna: the storage has no study of that name; it has: "mixed", "two"/,
    );
    await expect(admin('import', 'optuna', '--storage', storage, '--study', 'two', '--project', 'lab')).rejects.toThrow(
      /--project is TEAM\/PROJECT \(slugs\), got "lab"/,
    );
  });

  describe.each(testDatabases)('into a project [$name]', (target) => {
    let handle: DbHandle;
    let api: TestApi;
    let team: Awaited<ReturnType<typeof setupTeam>>;
    beforeAll(async () => {
      handle = await target.create();
      api = await startTestApi(handle);
      team = await setupTeam(api, 'optuna');
    });
    afterAll(async () => {
      await api.close();
      await handle.close();
    });

    const TRIALS = `query($id: ID!) { study(id: $id) { status objectives { name direction } counts { complete pruned fail total }
      trials(first: 100, orderBy: { field: NUMBER }) { nodes { id number state params values origin } } } }`;

    it('keeps every trial’s params, values and curve, point by point, and continues for 10 trials from Python', async () => {
      const projectId = rawId(team.projectId, 'Project')!;
      for (const name of ['mixed', 'two']) {
        const plan = mapOptunaStudy(await readOptunaSqlite(storage, name));
        const options = { projectId, storage, optunaStudy: name, sampler: { kind: 'tpe', seed: 1 }, maxTrials: 10, maxParallel: 2 };
        const { studyId, created } = await storeImport(handle.db, plan, options);
        expect(created).toBe(true);
        // A second import of the same study finds the first and changes nothing.
        expect(await storeImport(handle.db, plan, options)).toEqual({ studyId, created: false });

        const truth = await optunaView(name);
        const id = toGlobalId('Study', studyId);
        const { study } = await api.gql(TRIALS, { id }, team.user);
        expect(study.objectives.map((o: { direction: string }) => o.direction.toUpperCase())).toEqual(truth.directions);
        const imported = (study.trials.nodes as Node[]).filter((t) => t.origin === 'INHERITED');
        expect(imported).toHaveLength(truth.trials.length);
        for (const [i, expected] of truth.trials.entries()) {
          const got = imported[i]!;
          expect(got.number).toBe(expected.number);
          expect(got.state).toBe(expected.state);
          expect(got.params).toEqual(expected.params);
          expect(got.values === null ? null : got.values.map(asNumber)).toEqual(expected.values === null ? null : expected.values.map(asNumber));
          const { trial } = await api.gql(
            `query($id: ID!) { trial(id: $id) { metrics(keys: ["${study.objectives[0].name}"], maxPoints: 2000) { points { step value } } } }`,
            { id: got.id },
            team.user,
          );
          const points = (trial.metrics[0]?.points ?? []) as { step: number; value: number | string }[];
          expect(points.map((p) => [p.step, asNumber(p.value)])).toEqual(expected.curve.map(([step, value]) => [step, asNumber(value)]));
        }
        if (name === 'mixed') {
          expect(study.counts).toMatchObject({ complete: 5, pruned: 10, fail: 1 });
          expect(imported.find((t) => t.number === 7)!.values).toEqual(['Infinity']);
          // The imported study goes on from Python with TPE, seeded by the Optuna trials.
          const token = await writeToken(api, team);
          const seen = JSON.parse(await run('python3', ['-B', '-c', CONTINUE, clientDir, api.server.url, token, id])) as {
            status: string;
            own: string[];
          };
          expect(seen).toEqual({ status: 'COMPLETED', own: Array(10).fill('COMPLETE') });
        }
      }
    });

  });
});

interface Node {
  id: string;
  number: number;
  state: string;
  params: unknown;
  values: (number | string)[] | null;
  origin: string;
}

/** Continues a study with the Python client: argv is the client's folder, the API URL, a token and the study id. */
const CONTINUE = `
import json, math, sys
sys.path.insert(0, sys.argv[1])
import tuneboard as tb
with tb.Client(sys.argv[2], sys.argv[3]) as client:
    study = client.study(sys.argv[4])
    study.optimize(lambda t: (t["x"] - 1) ** 2 + math.log10(t["lr"]) ** 2 * 0.1 + t["dropout"] + t["units"] * 0.01, n_trials=10, n_jobs=2)
    print(json.dumps({"status": study.status, "own": [t["state"] for t in study.trials if t["origin"] != "INHERITED"]}))
`;

async function writeToken(api: TestApi, team: Awaited<ReturnType<typeof setupTeam>>): Promise<string> {
  const { apiTokenCreate } = await api.gql(
    'mutation($i: ApiTokenCreateInput!) { apiTokenCreate(input: $i) { secret } }',
    { i: { teamId: team.teamId, name: 'notebook', scope: 'WRITE' } },
    team.user,
  );
  return apiTokenCreate.secret as string;
}
