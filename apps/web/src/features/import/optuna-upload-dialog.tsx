'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Field } from '@/components/field';
import { FieldError } from '@/components/field-error';
import { graphql } from '@/gql';
import { useFormErrors } from '@/lib/forms/use-form-errors';
import { unclaimedErrors } from '@/lib/user-errors';
import { hrefFor } from '@/lib/route-id';
import { browserTimeZone, timeZoneProblem, toBase64, uploadProblem } from './optuna-upload.ts';
import styles from '@/features/study/study.module.css';

const StudyImportOptuna = graphql(`
  mutation StudyImportOptuna($input: StudyImportOptunaInput!) {
    studyImportOptuna(input: $input) {
      study {
        id
        name
      }
      created
      message
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const SAMPLERS = ['auto', 'tpe', 'random', 'qmc', 'gp', 'cmaes', 'nsga2'] as const;

/** "Import Optuna study": a dialog that uploads an Optuna SQLite file into this project (write access). */
export function OptunaImportButton({ projectId }: { projectId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
        Import Optuna study
      </button>
      {open && <OptunaUploadDialog projectId={projectId} onClose={() => setOpen(false)} />}
    </>
  );
}

function OptunaUploadDialog({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [studyName, setStudyName] = useState('');
  const [name, setName] = useState('');
  const [sampler, setSampler] = useState<string>('auto');
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const form = useFormErrors();
  const { errors } = form;
  const [done, setDone] = useState<{ id: string; name: string; message: string } | null>(null);
  const [result, importStudy] = useMutation(StudyImportOptuna);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const refused = uploadProblem(file, studyName);
    const zoneRefused = timeZoneProblem(timeZone);
    form.setErrors(refused ? { '': [refused] } : zoneRefused ? { timeZone: [zoneRefused] } : {});
    if (refused || zoneRefused || !file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const answer = await importStudy({
      input: {
        projectId,
        file: toBase64(bytes),
        // As typed: Optuna keeps the spaces of a study's name.
        studyName,
        name: name.trim() || null,
        sampler: { kind: sampler },
        timeZone: timeZone.trim(),
      },
    });
    const payload = answer.data?.studyImportOptuna;
    if (form.check(answer, payload) && payload?.study) {
      setDone({ id: payload.study.id, name: payload.study.name, message: payload.message ?? '' });
      router.refresh();
    }
  };

  return (
    <dialog ref={dialog} className={styles.dialog} aria-labelledby="optuna-import-title" onClose={onClose}>
      <form ref={form.ref} onSubmit={(e) => void submit(e)} className="form">
        <h2 id="optuna-import-title">Import an Optuna study</h2>
        <p className="muted">
          An Optuna SQLite storage (at most 1 MiB): its trials, values, intermediate values and user
          attributes become a study of this project that the Python client continues. Larger files and
          Postgres storages: the admin CLI&apos;s <code>import optuna</code>.
        </p>
        <label htmlFor="optuna-file">Optuna SQLite file</label>
        <input
          id="optuna-file"
          type="file"
          accept=".db,.sqlite,.sqlite3,application/vnd.sqlite3,application/x-sqlite3"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <Field
          label="Optuna study name"
          name="studyName"
          placeholder="e.g. mnist-lr"
          required
          errors={errors}
          value={studyName}
          onValue={setStudyName}
        />
        <Field label="Name here (default: the Optuna study's)" name="name" errors={errors} value={name} onValue={setName} />
        <Field
          label="Time zone of the machine that wrote it (Optuna stores trial times without one)"
          name="timeZone"
          placeholder="e.g. Europe/Paris, UTC or +02:00"
          errors={errors}
          value={timeZone}
          onValue={setTimeZone}
        />
        <label htmlFor="optuna-sampler">Sampler that continues it</label>
        <select id="optuna-sampler" value={sampler} onChange={(e) => setSampler(e.target.value)}>
          {SAMPLERS.map((kind) => (
            <option key={kind}>{kind}</option>
          ))}
        </select>
        <div aria-live="polite">
          <FieldError messages={unclaimedErrors(errors, ['studyName', 'name', 'timeZone'])} />
          {done && (
            <p role="status">
              {done.message} <Link href={hrefFor('studies', done.id)}>Open {done.name}</Link>
            </p>
          )}
        </div>
        <div className={styles.dialogActions}>
          <button type="button" className="button button-secondary" onClick={() => dialog.current?.close()}>
            Close
          </button>
          <button type="submit" className="button" disabled={result.fetching}>
            {result.fetching ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
