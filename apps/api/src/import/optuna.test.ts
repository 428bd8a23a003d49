// Importing Optuna studies: fixtures are built with Optuna itself (Debian's python3-optuna), imported, compared
// trial by trial with what Optuna reads from the same file, and continued with the Python client.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { runAdmin } from '../admin.ts';
import { setupTeam, startTestApi, type TestApi } from '../testing/harness.ts';
import { rawId, toGlobalId } from '../ids.ts';
import { attributesAsNotes } from './optuna-attributes.ts';
import {
  OptunaImportError,
  mapOptunaStudy,
  readOptunaSqlite,
  readOptunaStorage,
  redactStorage,
  storeImport,
  type OptunaDump,
} from './optuna.ts';

const fixtureScript = fileURLToPath(new URL('./optuna-fixture.py', import.meta.url));
const clientDir = fileURLToPath(new URL('../../../../clients/python', import.meta.url));

/** The first of python3 and Debian's /usr/bin/python3 that imports optuna. */
const optunaPython = ['python3', '/usr/bin/python3'].find(
  (python) => spawnSync(python, ['-c', 'import optuna'], { encoding: 'utf8' }).status === 0,
);
if (!optunaPython)
  console.warn(
    'skipping the Optuna import tests: no python3 here imports optuna (apt-get install python3-optuna)',
  );
/** Optuna's Postgres storage needs psycopg2 (Debian's python3-psycopg2) and a Postgres server (TEST_DATABASE_URL). */
const postgresTarget = testDatabases.find((target) => target.name === 'postgres');
const psycopg2 =
  optunaPython !== undefined && spawnSync(optunaPython, ['-c', 'import psycopg2']).status === 0;
const postgresMissing = !optunaPython
  ? 'no optuna'
  : !psycopg2
    ? `${optunaPython} cannot import psycopg2 (apt-get install python3-psycopg2)`
    : !postgresTarget
      ? 'TEST_DATABASE_URL is not set (no Postgres server to build an Optuna storage in)'
      : undefined;
if (optunaPython && postgresMissing)
  console.warn(`skipping the Optuna import from a Postgres storage: ${postgresMissing}`);

function run(program: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`${program} exited ${code}: ${stdout}\n${stderr}`)),
    );
  });
}

interface OptunaTrial {
  number: number;
  state: string;
  params: Record<string, unknown>;
  values: (number | string)[] | null;
  curve: [number, number | string][];
  user_attrs: Record<string, unknown>;
}

/** What an attribute becomes: the tag `key: value` for a short scalar (`key` for true), else a note line. */
const asTag = ([key, value]: [string, unknown]) =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? value === true
      ? key
      : `${key}: ${String(value)}`
    : undefined;

/** A metric value as the API sends it: a number, or "Infinity" / "-Infinity" / "NaN". */
const asNumber = (value: number | string) => (typeof value === 'number' ? value : Number(value));

describe.skipIf(!optunaPython)('importing Optuna studies', () => {
  let dir: string;
  let storage: string;
  /** The same fixture studies in a Postgres storage (a database of the TEST_DATABASE_URL server), when there is one. */
  let pgStorage: { url: string; drop(): Promise<void> } | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tb-optuna-'));
    storage = path.join(dir, 'optuna.db');
    await run(optunaPython!, ['-B', fixtureScript, `sqlite:///${storage}`]);
    if (!postgresMissing) {
      pgStorage = await postgresTarget!.createEmpty();
      await run(optunaPython!, ['-B', fixtureScript, pgStorage.url.replace(/^postgres:/, 'postgresql:')]);
    }
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await pgStorage?.drop();
  });

  const optunaView = async (study: string, url = `sqlite:///${storage}`) =>
    JSON.parse(await run(optunaPython!, ['-B', fixtureScript, url, '--show', study])) as {
      directions: string[];
      user_attrs: Record<string, unknown>;
      trials: OptunaTrial[];
    };

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
    expect(refused((d) => (d.alembic = 'v2.6.0.a'))).toMatch(
      /schema "v2.6.0.a" \(written by Optuna 2.x or older\) is not supported: the importer reads v3.0.0.a, .*v3.2.0.a/,
    );
    expect(refused((d) => (d.study = null))).toMatch(/no study of that name; it has: "mixed", "two"/);
    expect(
      refused((d) => {
        d.params!.find((p) => p.param_name === 'x')!.distribution_json =
          '{"name": "FloatDistribution", "attributes": {"step": null, "low": -9.0, "high": 9.0, "log": false}}';
      }),
    ).toMatch(/^parameter "x" has different distributions across trials/);
    expect(
      refused(
        (d) =>
          (d.params = d.params!.filter(
            (p) => !(p.param_name === 'lr' && p.trial_id === d.trials![0]!.trial_id),
          )),
      ),
    ).toMatch(
      /^parameter "lr" is missing from 1 trial\(s\) \(e\.g\. #0\): conditional parameters need a `when`/,
    );
    expect(
      refused((d) => {
        for (const p of d.params!)
          if (p.param_name === 'optimizer')
            p.distribution_json =
              '{"name": "CategoricalDistribution", "attributes": {"choices": [null, "sgd"]}}';
      }),
    ).toMatch(
      /^parameter "optimizer": Tuneboard's categorical choices are strings, finite numbers or booleans, got null/,
    );
  });

  it('maps user attributes to tags where they fit and to a note otherwise, and keeps passwords out of messages', () => {
    const attrs = (o: Record<string, unknown>) =>
      Object.entries(o).map(([key, value]) => ({ key, value_json: JSON.stringify(value) }));
    expect(
      attributesAsNotes(
        attrs({
          dataset: 'mnist',
          seed: 3,
          tuned: true,
          large: false,
          layers: [64, 32],
          why: 'x'.repeat(60),
        }),
      ),
    ).toEqual({
      tags: ['dataset: mnist', 'seed: 3', 'tuned', 'large: false'],
      note: `Optuna user attributes:\n- \`layers\`: \`[64,32]\`\n- \`why\`: \`${'x'.repeat(60)}\``,
      asTags: 4,
      inNote: 2,
    });
    // Past 20 tags, short attributes go to the note; a note stays under 20,000 characters and says what it left out.
    const many = attributesAsNotes(
      attrs(Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`k${i}`, i]))),
    );
    expect(many.tags).toHaveLength(20);
    expect(many.note.split('\n').slice(1)).toEqual([
      '- `k20`: `20`',
      '- `k21`: `21`',
      '- `k22`: `22`',
      '- `k23`: `23`',
      '- `k24`: `24`',
    ]);
    const huge = attributesAsNotes(
      attrs(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`blob${i}`, 'y'.repeat(1000)]))),
    );
    expect(huge.note.length).toBeLessThanOrEqual(20_000);
    expect(huge.note).toMatch(
      /\n- … 11 more attribute\(s\) left out: a note holds at most 20,000 characters$/,
    );
    expect(
      attributesAsNotes(attrs({ 'a`b': 'has `ticks` inside and is longer than forty characters' })).note,
    ).toBe('Optuna user attributes:\n- ``a`b``: ``has `ticks` inside and is longer than forty characters``');
    expect(redactStorage('postgresql://optuna:s3cret@db.example:5432/studies')).toBe(
      'postgresql://optuna:***@db.example:5432/studies',
    );
    expect(redactStorage('/tmp/x.db')).toBe('/tmp/x.db');
  });

  it('imports through the admin command once, and says so the second time', async () => {
    const dataDir = path.join(dir, 'admin');
    const lines: string[] = [];
    const admin = (...argv: string[]) => runAdmin(argv, (line) => lines.push(line), { dataDir });
    await admin('user', 'create', '--email', 'o@example.test', '--name', 'O');
    await admin('team', 'create', '--slug', 'lab', '--name', 'Lab', '--owner', 'o@example.test');
    await admin('project', 'create', '--team', 'lab', '--slug', 'tuning', '--name', 'Tuning');
    lines.length = 0;
    await admin(
      'import',
      'optuna',
      '--storage',
      storage,
      '--study',
      'mixed',
      '--project',
      'lab/tuning',
      '--trials',
      '5',
    );
    expect(lines[0]).toMatch(/^imported the Optuna study "mixed" as lab\/tuning "mixed" \(\S+\)$/);
    expect(lines[1]).toBe(
      '16 trials (5 complete, 10 pruned, 1 failed); user attributes as 17 tags and 2 note lines',
    );
    lines.length = 0;
    await admin('import', 'optuna', '--storage', storage, '--study', 'mixed', '--project', 'lab/tuning');
    expect(lines[0]).toMatch(
      /^the Optuna study "mixed" was imported before, as lab\/tuning "mixed" \(\S+\); nothing changed$/,
    );
    await expect(
      admin('import', 'optuna', '--storage', storage, '--study', 'nope', '--project', 'lab/tuning'),
    ).rejects.toThrow(/import optuna: the storage has no study of that name; it has: "mixed", "two"/);
    await expect(
      admin('import', 'optuna', '--storage', storage, '--study', 'two', '--project', 'lab'),
    ).rejects.toThrow(/--project is TEAM\/PROJECT \(slugs\), got "lab"/);
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
      note { body } tags trials(first: 100, orderBy: { field: NUMBER }) { nodes { id number state params values origin note { body } tags } } } }`;

    /** Imports both fixture studies from a storage and compares each with what Optuna reads from it. */
    async function importAndCompare(location: string, url: string, continueMixed: boolean) {
      const projectId = rawId(team.projectId, 'Project')!;
      for (const name of ['mixed', 'two']) {
        const plan = mapOptunaStudy(
          await readOptunaStorage(location, name),
          `${name}-${location.startsWith('postgres') ? 'pg' : 'sqlite'}`,
        );
        const options = {
          projectId,
          storage: location,
          optunaStudy: name,
          sampler: { kind: 'tpe', seed: 1 },
          maxTrials: 10,
          maxParallel: 2,
        };
        const { studyId, created } = await storeImport(handle.db, plan, options);
        expect(created).toBe(true);
        // A second import of the same study finds the first and changes nothing.
        expect(await storeImport(handle.db, plan, options)).toEqual({ studyId, created: false });

        const truth = await optunaView(name, url);
        const id = toGlobalId('Study', studyId);
        const { study } = await api.gql(TRIALS, { id }, team.user);
        expect(study.objectives.map((o: { direction: string }) => o.direction.toUpperCase())).toEqual(
          truth.directions,
        );
        const studyAttributes = Object.entries(truth.user_attrs);
        expect(study.tags).toEqual(studyAttributes.map(asTag).filter((t) => t !== undefined));
        for (const [key, value] of studyAttributes.filter((a) => asTag(a) === undefined))
          expect(study.note.body).toContain(`- \`${key}\`: \`${JSON.stringify(value)}\``);
        const imported = (study.trials.nodes as Node[]).filter((t) => t.origin === 'INHERITED');
        expect(imported).toHaveLength(truth.trials.length);
        for (const [i, expected] of truth.trials.entries()) {
          const got = imported[i]!;
          expect(got.number).toBe(expected.number);
          expect(got.state).toBe(expected.state);
          expect(got.params).toEqual(expected.params);
          expect(got.values === null ? null : got.values.map(asNumber)).toEqual(
            expected.values === null ? null : expected.values.map(asNumber),
          );
          const attributes = Object.entries(expected.user_attrs);
          expect(got.tags).toEqual(attributes.map(asTag).filter((t) => t !== undefined));
          const noted = attributes.filter((a) => asTag(a) === undefined);
          expect(got.note.body === '').toBe(noted.length === 0);
          for (const [key, value] of noted)
            expect(got.note.body).toContain(`- \`${key}\`: \`${JSON.stringify(value)}\``);
          const { trial } = await api.gql(
            `query($id: ID!) { trial(id: $id) { metrics(keys: ["${study.objectives[0].name}"], maxPoints: 2000) { points { step value } } } }`,
            { id: got.id },
            team.user,
          );
          const points = (trial.metrics[0]?.points ?? []) as { step: number; value: number | string }[];
          expect(points.map((p) => [p.step, asNumber(p.value)])).toEqual(
            expected.curve.map(([step, value]) => [step, asNumber(value)]),
          );
        }
        if (name === 'mixed') {
          expect(study.counts).toMatchObject({ complete: 5, pruned: 10, fail: 1 });
          expect(imported.find((t) => t.number === 7)!.values).toEqual(['Infinity']);
          expect(imported.find((t) => t.number === 2)!.note.body).toContain('`history`: `{"loss":[1.5,2]}`');
          if (!continueMixed) continue;
          // The imported study goes on from Python with TPE, seeded by the Optuna trials.
          const token = await writeToken(api, team);
          const seen = JSON.parse(
            await run('python3', ['-B', '-c', CONTINUE, clientDir, api.server.url, token, id]),
          ) as {
            status: string;
            own: string[];
          };
          expect(seen).toEqual({ status: 'COMPLETED', own: Array(10).fill('COMPLETE') });
        }
      }
    }

    it('keeps every trial’s params, values, curve and user attributes, point by point, and continues for 10 trials from Python', async () => {
      await importAndCompare(storage, `sqlite:///${storage}`, true);
    });

    it.skipIf(postgresMissing !== undefined)(
      'imports the same studies from a Postgres storage, point by point',
      async () => {
        const url = pgStorage!.url.replace(/^postgres:/, 'postgresql:');
        await importAndCompare(url, url, false);
        // Optuna's own URL form reads too.
        expect(
          (await readOptunaStorage(url.replace(/^postgresql:/, 'postgresql+psycopg2:'), 'two')).trials,
        ).toHaveLength(6);
      },
    );
  });

  it.skipIf(postgresMissing !== undefined)(
    'refuses a Postgres storage of another schema version, or that is not Optuna’s, clearly',
    async () => {
      const url = pgStorage!.url.replace(/^postgres:/, 'postgresql:');
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query("update alembic_version set version_num = 'v2.6.0.a'");
        await expect(readOptunaStorage(url, 'mixed').then((dump) => mapOptunaStudy(dump))).rejects.toThrow(
          /^Optuna storage schema "v2.6.0.a" \(written by Optuna 2.x or older\) is not supported: the importer reads v3.0.0.a/,
        );
        await admin.query('drop table trial_values');
        await expect(readOptunaStorage(url, 'mixed').then((dump) => mapOptunaStudy(dump))).rejects.toThrow(
          /is not an Optuna storage \(no trial_values tables\)/,
        );
      } finally {
        await admin.end();
      }
    },
  );
});

interface Node {
  id: string;
  number: number;
  state: string;
  params: unknown;
  values: (number | string)[] | null;
  origin: string;
  note: { body: string };
  tags: string[];
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
