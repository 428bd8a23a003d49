'use client';

import { useState } from 'react';
import { useClient } from 'urql';
import { graphql } from '@/gql';
import { readableError } from '@/lib/graphql/errors';
import { collectJsonl, jsonlFileName, JSONL_PAGE_SIZE } from './export-jsonl.ts';

const StudyExportJsonl = graphql(`
  query StudyExportJsonl($id: ID!, $first: Int, $after: String) {
    study(id: $id) {
      id
      exportJsonl(first: $first, after: $after) {
        lines
        endCursor
        hasNextPage
      }
    }
  }
`);

/** "Export JSON lines": every trial of the study with params, values, state and whole curves, as a download. */
export function ExportJsonlButton({
  studyId,
  studyName,
  className,
}: {
  studyId: string;
  studyName: string;
  className?: string;
}) {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const exportJsonl = async () => {
    setBusy(true);
    setError(null);
    try {
      const text = await collectJsonl(async (after) => {
        const result = await client
          .query(
            StudyExportJsonl,
            { id: studyId, first: JSONL_PAGE_SIZE, after },
            { requestPolicy: 'network-only' },
          )
          .toPromise();
        if (result.error) throw new Error(readableError(result.error));
        const page = result.data?.study?.exportJsonl;
        if (!page) throw new Error('the study was not found');
        return page;
      });
      const url = URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = jsonlFileName(studyName);
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setError(`Export failed: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className={className}
        onClick={() => void exportJsonl()}
        disabled={busy}
        aria-busy={busy}
      >
        {busy ? 'Exporting…' : 'Export JSONL'}
      </button>
      {error && (
        <span role="alert" className="error-text">
          {error}
        </span>
      )}
    </>
  );
}
