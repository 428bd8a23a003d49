// `studyImportOptuna`: the dashboard's upload of an Optuna SQLite file, read as the admin CLI's import reads it.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { canonicalTimeZone, timeZoneIssue } from '@tuneboard/contract';
import type { JsonObject } from '@tuneboard/db';
import type { Resolvers } from '../generated/graphql.ts';
import { OptunaImportError, mapOptunaStudy, readOptunaSqlite, storeImport } from '../import/optuna.ts';
import { boundedInt } from './list-limits.ts';
import { loadProject, userError, type UserError } from './common.ts';
import { validateConfig } from './study-input.ts';

/** Largest upload, decoded: its base64 (4/3 as long) and the rest of the request stay under the 2-MiB body limit. */
export const OPTUNA_UPLOAD_MAX_BYTES = 1024 * 1024;
/** Uploads read at once by this API process (each runs python3 over a file): more answer BUSY, try again. */
const AT_ONCE = 2;
let reading = 0;

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const refused = (field: string, message: string, code = 'INVALID') => ({
  study: null,
  created: false,
  message: null,
  userErrors: [userError(['input', field], message, code)],
});

/** The field an import refusal is about: the study name when the file has no such study, else the file. */
function fieldOf(error: OptunaImportError): string {
  return error.field ?? (/no study of that name/.test(error.message) ? 'studyName' : 'file');
}

export const importResolvers: Resolvers = {
  Mutation: {
    studyImportOptuna: async (_parent, { input }, ctx) => {
      const home = await loadProject(ctx, input.projectId, 'write');
      // Measured on the text before decoding it: base64 is 4 characters for 3 bytes, less its `=` padding.
      const size =
        Math.floor((input.file.length * 3) / 4) -
        (input.file.endsWith('==') ? 2 : input.file.endsWith('=') ? 1 : 0);
      if (size > OPTUNA_UPLOAD_MAX_BYTES) {
        return refused(
          'file',
          `file must be at most ${OPTUNA_UPLOAD_MAX_BYTES.toLocaleString('en')} bytes (1 MiB) before base64, got ${size.toLocaleString('en')}; import larger storages with the admin CLI (import optuna)`,
        );
      }
      if (!BASE64.test(input.file) || input.file.length % 4 !== 0)
        return refused('file', 'file must be base64 (A–Z, a–z, 0–9, +, /, = padding)');
      const bytes = Buffer.from(input.file, 'base64');
      if (bytes.length < 100 || !bytes.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
        return refused(
          'file',
          'file is not a SQLite database (an Optuna storage created with storage="sqlite:///FILE.db")',
        );
      }
      // Looked up as given: Optuna keeps a name's spaces (" padded " is a study of its own).
      const studyName = input.studyName;
      if (studyName.trim().length < 1 || studyName.length > 512)
        return refused(
          'studyName',
          `studyName must have 1 to 512 characters (not only spaces), got ${studyName.length}`,
        );
      const name = input.name?.trim();
      if (name !== undefined && (name.length < 1 || name.length > 200))
        return refused('name', `name must have 1 to 200 characters, got ${name.length}`);
      const maxTrials =
        input.maxTrials == null ? null : boundedInt('input.maxTrials', input.maxTrials, 1, 1_000_000);
      if (input.sampler != null && (typeof input.sampler !== 'object' || Array.isArray(input.sampler))) {
        return refused('sampler', 'sampler must be an object such as {"kind": "tpe"}');
      }
      // Checked before the file is read (reading it takes a Python process): refused on `input.sampler`.
      if (input.sampler != null) {
        const checked = validateConfig('sampler', input.sampler);
        if (checked.errors.length > 0)
          return refused('sampler', checked.errors.map((e) => e.message).join('; '));
      }
      const timeZoneRefused = input.timeZone == null ? undefined : timeZoneIssue(input.timeZone);
      if (timeZoneRefused) return refused('timeZone', timeZoneRefused.message);
      const timeZone = input.timeZone == null ? 'UTC' : canonicalTimeZone(input.timeZone)!;
      if (reading >= AT_ONCE)
        return refused(
          'file',
          `the server is reading ${AT_ONCE} uploads already; try again in a moment`,
          'BUSY',
        );
      reading += 1;
      const dir = await mkdtemp(path.join(tmpdir(), 'tb-optuna-upload-'));
      const file = path.join(dir, 'optuna.db');
      try {
        await writeFile(file, bytes, { mode: 0o600 });
        // The file's digest marks the study: the same file and study uploaded again are found, not duplicated.
        const storage = `an uploaded file, sha256 ${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`;
        const plan = mapOptunaStudy(
          await readOptunaSqlite(file, studyName, 'python3', 60_000),
          name,
          timeZone,
        );
        const { studyId, created } = await storeImport(ctx.db, ctx.lifecycle.scheduler, plan, {
          projectId: home.id,
          storage,
          optunaStudy: studyName,
          sampler: (input.sampler as JsonObject | null | undefined) ?? undefined,
          maxTrials,
        });
        const study = (await ctx.loaders.study.load(studyId)) ?? null;
        const states = (state: string) => plan.trials.filter((t) => t.state === state).length;
        const message = created
          ? `Imported "${studyName}" as "${plan.name}": ${plan.trials.length} trials (${states('COMPLETE')} complete, ${states('PRUNED')} pruned, ${states('FAIL')} failed).`
          : `"${studyName}" of this file was imported before, as "${plan.name}"; nothing changed.`;
        return { study, created, message, userErrors: [] as UserError[] };
      } catch (error) {
        if (error instanceof OptunaImportError)
          return refused(
            fieldOf(error),
            error.message.replaceAll(file, 'the file').replace(/ with --name$/, ' with `name`'),
          );
        throw error;
      } finally {
        reading -= 1;
        await rm(dir, { recursive: true, force: true });
      }
    },
  },
};
