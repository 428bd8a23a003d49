'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '@/gql';
import { readableError } from '@/lib/graphql/errors';
import { hrefFor } from '@/lib/route-id';
import { toBase64, uploadProblem } from './optuna-upload';
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
        field
        message
        code
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
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<{ id: string; name: string; message: string } | null>(null);
  const [result, importStudy] = useMutation(StudyImportOptuna);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const refused = uploadProblem(file, studyName);
    setProblem(refused);
    if (refused || !file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const answer = await importStudy({
      input: {
        projectId,
        file: toBase64(bytes),
        studyName: studyName.trim(),
        name: name.trim() || null,
        sampler: { kind: sampler },
      },
    });
    const payload = answer.data?.studyImportOptuna;
    if (payload?.study && payload.userErrors.length === 0) {
      setDone({ id: payload.study.id, name: payload.study.name, message: payload.message ?? '' });
      router.refresh();
    }
  };

  const userErrors = result.data?.studyImportOptuna.userErrors ?? [];
  return (
    <dialog ref={dialog} className={styles.dialog} aria-labelledby="optuna-import-title" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} className="form">
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
        <label htmlFor="optuna-study">Optuna study name</label>
        <input
          id="optuna-study"
          value={studyName}
          onChange={(e) => setStudyName(e.target.value)}
          placeholder="e.g. mnist-lr"
          required
        />
        <label htmlFor="optuna-name">Name here (default: the Optuna study&apos;s)</label>
        <input id="optuna-name" value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor="optuna-sampler">Sampler that continues it</label>
        <select id="optuna-sampler" value={sampler} onChange={(e) => setSampler(e.target.value)}>
          {SAMPLERS.map((kind) => (
            <option key={kind}>{kind}</option>
          ))}
        </select>
        <div aria-live="polite">
          {problem && <p className="field-error">{problem}</p>}
          {result.error && <p className="error-text">{readableError(result.error)}</p>}
          {userErrors.map((e) => (
            <p key={`${e.field.join('.')}:${e.message}`} className="field-error">
              {e.field.at(-1)}: {e.message}
            </p>
          ))}
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
