// Importing Optuna studies into a project: imported, compared trial by trial with what Optuna reads from the
// same storage, and continued with the Python client (fixtures: optuna-storages.ts, built with Optuna itself).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { setupTeam, startTestApi, type TestApi } from '../testing/harness.ts';
import { rawId, toGlobalId } from '../ids.ts';
import { mapOptunaStudy, readOptunaStorage, storeImport } from './optuna.ts';
import { clientDir, optunaPython, optunaStorages, postgresMissing, run } from './optuna-storages.ts';

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
  const storages = optunaStorages();
  const { optunaView } = storages;
  let storage: string;
  let pgStorage: { url: string; drop(): Promise<void> } | undefined;
  beforeAll(() => {
    ({ storage, pgStorage } = storages);
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
        const { studyId, created } = await storeImport(handle.db, api.server.services.lifecycle.scheduler, plan, options);
        expect(created).toBe(true);
        // A second import of the same study finds the first and changes nothing.
        expect(await storeImport(handle.db, api.server.services.lifecycle.scheduler, plan, options)).toEqual({ studyId, created: false });

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
