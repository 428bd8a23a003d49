'use client';

import { useEffect, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { ListTable } from '@/components/list-table';
import { Panel } from '@/components/panel';
import { formatUtc } from '@/lib/format';
import { payloadMessages } from '@/lib/forms/payload-errors';
import { readableError } from '@/lib/graphql/errors';
import { READ_ONLY_REASON } from '@/lib/roles';
import { ArtifactDeleteMutation, TrialArtifactsQuery } from './documents.ts';
import { formatBytes } from './format-bytes.ts';

/**
 * The trial's files: the saved model of a template trial (kept for the study's best trials only) and whatever a
 * command objective attached. Download links are signed by the API and short-lived, so each click reads them
 * fresh; members delete, viewers only look.
 */
export function ArtifactsPanel({ trialId, state, canDelete }: { trialId: string; /** The trial's state: files arrive as it ends. */ state: string; canDelete: boolean }) {
  const [result, refetch] = useQuery({ query: TrialArtifactsQuery, variables: { id: trialId }, requestPolicy: 'cache-and-network' });
  const [deleting, runDelete] = useMutation(ArtifactDeleteMutation);
  const [message, setMessage] = useState<string | null>(null);
  const client = useClient();

  // The runner uploads a trial's files just before it reports the end: read the list again when the state changes.
  const [seenState, setSeenState] = useState(state);
  useEffect(() => {
    if (state === seenState) return;
    setSeenState(state);
    refetch({ requestPolicy: 'network-only' });
  }, [state]);

  const artifacts = result.data?.trial?.artifacts ?? [];
  if (artifacts.length === 0 && !result.error) return null;

  async function remove(id: string, name: string) {
    if (!window.confirm(`Delete ${name}? Its stored bytes are removed too.`)) return;
    setMessage(null);
    const response = await runDelete({ input: { id } });
    const messages = payloadMessages(response, response.data?.artifactDelete);
    if (messages.length > 0) return setMessage(messages.join(' '));
    refetch({ requestPolicy: 'network-only' });
  }

  /** Links expire in minutes (TUNEBOARD_ARTIFACT_URL_SECONDS): a click asks the API for a fresh one, then follows it. */
  async function download(id: string) {
    setMessage(null);
    const fresh = await client.query(TrialArtifactsQuery, { id: trialId }, { requestPolicy: 'network-only' }).toPromise();
    const link = fresh.data?.trial?.artifacts.find((a) => a.id === id)?.downloadUrl;
    if (link) window.location.assign(link);
    else setMessage(fresh.error ? readableError(fresh.error) : 'This file is gone.');
  }

  return (
    <Panel title="Artifacts" minHeight={60}>
      {message && (
        <p role="alert" className="error-text">
          {message}
        </p>
      )}
      {result.error && (
        <p role="alert" className="error-text">
          {readableError(result.error)}
        </p>
      )}
      {!canDelete && <p className="muted">{READ_ONLY_REASON}</p>}
      <div className="table-scroll">
        <ListTable
          testId="artifacts"
          rows={artifacts}
          rowKey={(a) => a.id}
          columns={[
            {
              header: 'Name',
              cell: (a) =>
                a.downloadUrl ? (
                  <a
                    href={a.downloadUrl}
                    onClick={(e) => {
                      e.preventDefault();
                      void download(a.id);
                    }}
                  >
                    {a.name}
                  </a>
                ) : (
                  <>{a.name} (uploading)</>
                ),
            },
            { header: 'Kind', cell: (a) => (a.kind === 'MODEL' ? 'model' : 'file') },
            { header: 'Size', className: 'num', cell: (a) => formatBytes(a.size) },
            { header: 'Added', cell: (a) => formatUtc(a.createdAt as string) },
            {
              header: <span className="sr-only">Actions</span>,
              cell: (a) =>
                canDelete && (
                  <button type="button" className="button button-secondary" disabled={deleting.fetching} onClick={() => void remove(a.id, a.name)}>
                    Delete<span className="sr-only"> {a.name}</span>
                  </button>
                ),
            },
          ]}
        />
      </div>
    </Panel>
  );
}
