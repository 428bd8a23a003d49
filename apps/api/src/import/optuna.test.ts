// Importing Optuna studies: reading a storage and mapping what it holds, refusing what Tuneboard cannot
// express by name, and the admin command (fixtures: optuna-storages.ts, built with Optuna itself).
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../admin.ts';
import { attributesAsNotes } from './optuna-attributes.ts';
import { OptunaImportError, mapOptunaStudy, readOptunaSqlite, readOptunaStorage, redactStorage, type OptunaDump } from './optuna.ts';
import { optunaPython, optunaStorages, postgresMissing } from './optuna-storages.ts';

describe.skipIf(!optunaPython)('importing Optuna studies', () => {
  const storages = optunaStorages();
  let dir: string;
  let storage: string;
  let pgStorage: { url: string; drop(): Promise<void> } | undefined;
  beforeAll(() => {
    ({ dir, storage, pgStorage } = storages);
  });

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
    // Python's json writes NaN bare; it is read, and refused by name like null (it was a raw JSON.parse error).
    expect(
      refused((d) => {
        for (const p of d.params!)
          if (p.param_name === 'optimizer')
            p.distribution_json = '{"name": "CategoricalDistribution", "attributes": {"choices": [1.0, NaN, "NaN"]}}';
      }),
    ).toMatch(/^parameter "optimizer": Tuneboard's categorical choices are strings, finite numbers or booleans, got NaN/);
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

  it('reads a storage of Optuna 3.2 to 4.x (schema v3.2.0.a) as one of Optuna 3.1', async () => {
    // Optuna 3.2's only schema change (alembic revision v3.2.0.a, still the newest in Optuna 4.x): an index on
    // trials.study_id. Applied here by hand to a copy of the 3.1 storage, as `optuna storage upgrade` would.
    const upgraded = path.join(dir, 'optuna-3.2.db');
    copyFileSync(storage, upgraded);
    const sql = "create index trials_study_id_key on trials (study_id); update alembic_version set version_num = 'v3.2.0.a'";
    const run = spawnSync(optunaPython!, ['-c', `import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()`, upgraded, sql], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const before = await readOptunaSqlite(storage, 'mixed');
    const after = await readOptunaSqlite(upgraded, 'mixed');
    expect(before.alembic).not.toBe('v3.2.0.a');
    expect(after.alembic).toBe('v3.2.0.a');
    expect(mapOptunaStudy(after)).toEqual(mapOptunaStudy(before));
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
    await expect(
      admin('import', 'optuna', '--storage', storage, '--study', 'two', '--project', 'lab/tuning', '--time-zone', 'CEST'),
    ).rejects.toThrow('--time-zone must be an IANA time zone such as "Europe/Paris" or "UTC", or an offset such as "+02:00", got "CEST"');
    lines.length = 0;
    await admin('import', 'optuna', '--storage', storage, '--study', 'two', '--project', 'lab/tuning', '--time-zone', 'Europe/Paris');
    expect(lines[0]).toMatch(/^imported the Optuna study "two" as lab\/tuning "two"/);
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
