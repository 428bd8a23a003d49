// The dashboard's upload of an Optuna SQLite file (`studyImportOptuna`), with a file built by Optuna itself.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@tuneboard/db';
import { testDatabases } from '@tuneboard/db/testing';
import { setupTeam, startTestApi, type TestApi } from '../testing/harness.ts';

const fixtureScript = fileURLToPath(new URL('./optuna-fixture.py', import.meta.url));
const optunaPython = ['python3', '/usr/bin/python3'].find(
  (python) => spawnSync(python, ['-c', 'import optuna'], { encoding: 'utf8' }).status === 0,
);
if (!optunaPython)
  console.warn(
    'skipping the Optuna upload tests: no python3 here imports optuna (apt-get install python3-optuna)',
  );

const IMPORT = `mutation($i: StudyImportOptunaInput!) { studyImportOptuna(input: $i) {
  study { id name tags counts { complete pruned fail total } } created message userErrors { field message code } } }`;

describe.skipIf(!optunaPython).each(testDatabases)('uploading an Optuna SQLite file [$name]', (target) => {
  let handle: DbHandle;
  let api: TestApi;
  let dir: string;
  let file: string;
  let odd: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tb-optuna-upload-test-'));
    const storage = path.join(dir, 'optuna.db');
    spawnSync(optunaPython!, ['-B', fixtureScript, `sqlite:///${storage}`], { encoding: 'utf8' });
    file = readFileSync(storage).toString('base64');
    // The same file with a distribution Tuneboard has no counterpart for, on parameter "units".
    const oddPath = path.join(dir, 'odd.db');
    const edit = spawnSync(
      optunaPython!,
      [
        '-c',
        `import shutil, sqlite3, sys; shutil.copy(sys.argv[1], sys.argv[2]); c = sqlite3.connect(sys.argv[2]); c.execute("update trial_params set distribution_json = '{\\"name\\": \\"PoissonDistribution\\", \\"attributes\\": {}}' where param_name = 'units'"); c.commit()`,
        storage,
        oddPath,
      ],
      { encoding: 'utf8' },
    );
    expect(edit.status, edit.stderr).toBe(0);
    odd = readFileSync(oddPath).toString('base64');
    handle = await target.create();
    api = await startTestApi(handle);
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports once, says so the second time, and names the parameter it cannot express', async () => {
    const team = await setupTeam(api, 'upload');
    const first = (
      await api.gql(
        IMPORT,
        {
          i: { projectId: team.projectId, file, studyName: 'mixed', sampler: { kind: 'tpe' }, maxTrials: 5 },
        },
        team.user,
      )
    ).studyImportOptuna;
    expect(first.userErrors).toEqual([]);
    expect(first).toMatchObject({
      created: true,
      message: 'Imported "mixed" as "mixed": 16 trials (5 complete, 10 pruned, 1 failed).',
    });
    expect(first.study).toMatchObject({
      name: 'mixed',
      tags: ['dataset: mnist'],
      counts: { complete: 5, pruned: 10, fail: 1 },
    });
    const again = (
      await api.gql(IMPORT, { i: { projectId: team.projectId, file, studyName: 'mixed' } }, team.user)
    ).studyImportOptuna;
    expect(again).toMatchObject({
      created: false,
      message: '"mixed" of this file was imported before, as "mixed"; nothing changed.',
      userErrors: [],
    });
    expect(again.study.id).toBe(first.study.id);

    const refused = (
      await api.gql(
        IMPORT,
        { i: { projectId: team.projectId, file: odd, studyName: 'mixed', name: 'odd' } },
        team.user,
      )
    ).studyImportOptuna;
    expect(refused).toMatchObject({ study: null, created: false });
    expect(refused.userErrors).toEqual([
      {
        field: ['input', 'file'],
        message: 'parameter "units": Tuneboard cannot express Optuna\'s PoissonDistribution',
        code: 'INVALID',
      },
    ]);
    // Another file whose study has the name of an existing one that it did not create.
    const taken = (
      await api.gql(
        IMPORT,
        { i: { projectId: team.projectId, file: odd, studyName: 'two', name: 'mixed' } },
        team.user,
      )
    ).studyImportOptuna;
    expect(taken.userErrors).toEqual([
      {
        field: ['input', 'file'],
        message: 'the project already has a study named "mixed"; choose another with `name`',
        code: 'INVALID',
      },
    ]);
    const missing = (
      await api.gql(IMPORT, { i: { projectId: team.projectId, file, studyName: 'nope' } }, team.user)
    ).studyImportOptuna;
    expect(missing.userErrors).toEqual([
      {
        field: ['input', 'studyName'],
        message: 'the storage has no study of that name; it has: "mixed", "two"',
        code: 'INVALID',
      },
    ]);
  });

  it("reads the trials' times in the writing machine's time zone, and refuses one that is not a zone by name", async () => {
    const team = await setupTeam(api, 'zones');
    const TRIALS = `query($id: ID!) { study(id: $id) { trials(first: 100, orderBy: { field: NUMBER, direction: ASC }) { nodes { number startedAt finishedAt } } } }`;
    const times = async (input: Record<string, unknown>) => {
      const done = (
        await api.gql(
          IMPORT,
          { i: { projectId: team.projectId, file, studyName: 'mixed', ...input } },
          team.user,
        )
      ).studyImportOptuna;
      expect(done.userErrors).toEqual([]);
      const { study } = await api.gql(TRIALS, { id: done.study.id }, team.user);
      // The imported trials (0–15); the study's own next trials follow them.
      return (
        study.trials.nodes as { number: number; startedAt: string | null; finishedAt: string | null }[]
      ).filter((t) => t.number < 16);
    };
    const utc = await times({ name: 'as UTC' });
    const kolkata = await times({ name: 'as Kolkata', timeZone: 'asia/kolkata' });
    const offset = await times({ name: 'as -02:00', timeZone: '-0200' });
    expect(utc.length).toBe(16);
    for (const [i, trial] of utc.entries()) {
      expect(trial.startedAt).not.toBeNull();
      // Kolkata's clocks run 5 h 30 ahead of UTC: the same reading there is 5 h 30 earlier.
      expect(Date.parse(kolkata[i]!.startedAt!)).toBe(Date.parse(trial.startedAt!) - 5.5 * 3_600_000);
      expect(Date.parse(offset[i]!.startedAt!)).toBe(Date.parse(trial.startedAt!) + 2 * 3_600_000);
      if (trial.finishedAt)
        expect(Date.parse(kolkata[i]!.finishedAt!)).toBe(Date.parse(trial.finishedAt) - 5.5 * 3_600_000);
    }

    const refused = (
      await api.gql(
        IMPORT,
        { i: { projectId: team.projectId, file, studyName: 'mixed', name: 'bad zone', timeZone: 'Paris' } },
        team.user,
      )
    ).studyImportOptuna;
    expect(refused).toMatchObject({ study: null, created: false });
    expect(refused.userErrors).toEqual([
      {
        field: ['input', 'timeZone'],
        message:
          'timeZone must be an IANA time zone such as "Europe/Paris" or "UTC", or an offset such as "+02:00", got "Paris"',
        code: 'INVALID',
      },
    ]);
  });
});
