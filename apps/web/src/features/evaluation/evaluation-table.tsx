'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useClient } from 'urql';
import type { EvaluationFieldsFragment } from '@/gql/graphql';
import { formatMetric } from '@/lib/format';
import { readableError } from '@/lib/graphql/errors';
import { hrefFor } from '@/lib/route-id';
import { ModelDownloadQuery } from './documents.ts';
import { EvaluateButton } from './evaluate-button.tsx';
import { figureKeys, hasModel, stateLabel } from './evaluation-state.ts';

const MODEL_FILES = ['model.json', 'weights.bin', 'preprocessing.json'];

/**
 * Trials with their saved model, the state of its test evaluation and its `test_*` figures, one row each. Download
 * links are signed and short-lived: a click reads a fresh one, then follows it.
 */
export function EvaluationTable({
  trials,
  objectiveName,
  readOnlyReason,
  onQueued,
  testId,
}: {
  trials: readonly EvaluationFieldsFragment[];
  objectiveName: string;
  readOnlyReason: string | null;
  onQueued: () => void;
  testId: string;
}) {
  const client = useClient();
  const [message, setMessage] = useState<string | null>(null);
  const keys = figureKeys(trials);

  async function download(trialId: string, file: string) {
    setMessage(null);
    const fresh = await client.query(ModelDownloadQuery, { id: trialId }, { requestPolicy: 'network-only' }).toPromise();
    const link = fresh.data?.trial?.artifacts.find((a) => a.name === `model/${file}`)?.downloadUrl;
    if (link) window.location.assign(link);
    else setMessage(fresh.error ? readableError(fresh.error) : `This model's ${file} is gone.`);
  }

  return (
    <>
      {message && (
        <p role="alert" className="error-text">
          {message}
        </p>
      )}
      <div className="table-scroll">
        <table className="data" data-testid={testId}>
          <thead>
            <tr>
              <th scope="col">Trial</th>
              <th scope="col">{objectiveName}</th>
              {keys.map((key) => (
                <th scope="col" key={key}>
                  {key}
                </th>
              ))}
              <th scope="col">Test evaluation</th>
              <th scope="col">Model</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {trials.map((trial) => {
              const figures = new Map((trial.evaluation?.metrics ?? []).map((m) => [m.key, m.value]));
              return (
                <tr key={trial.id} data-trial-number={trial.number}>
                  <td>
                    <Link href={hrefFor('trials', trial.id)}>#{trial.number}</Link>
                  </td>
                  <td className="num">{formatMetric(trial.values?.[0])}</td>
                  {keys.map((key) => (
                    <td className="num" key={key} data-metric={key}>
                      {figures.has(key) ? formatMetric(figures.get(key)) : '—'}
                    </td>
                  ))}
                  <td data-testid="evaluation-state">
                    {stateLabel(trial.evaluation)}
                    {trial.evaluation?.state === 'FAILED' && trial.evaluation.error && <span className="error-text">: {trial.evaluation.error}</span>}
                  </td>
                  <td>
                    {hasModel(trial)
                      ? MODEL_FILES.filter((file) => trial.artifacts.some((a) => a.name === `model/${file}`)).map((file, i) => (
                          <span key={file}>
                            {i > 0 && ' · '}
                            <a
                              href="#"
                              onClick={(e) => {
                                e.preventDefault();
                                void download(trial.id, file);
                              }}
                            >
                              {file}
                              <span className="sr-only"> of trial #{trial.number}</span>
                            </a>
                          </span>
                        ))
                      : 'none kept'}
                  </td>
                  <td>
                    <EvaluateButton trial={trial} readOnlyReason={readOnlyReason} onQueued={onQueued} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
