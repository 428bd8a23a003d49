'use client';

// A query that follows the live store: read again when `version` moves, at most once per `minIntervalMs`, one
// request at a time, never cancelled by the next (a `useQuery` whose context changed with every event tore down
// and aborted its own in-flight request). The last answer stays shown while the next one is read.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useEffect, useRef, useState } from 'react';
import { useClient, type AnyVariables } from 'urql';
import { coalesce, type Coalescer } from './coalesce.ts';
import { readableError } from '@/lib/graphql/errors';

export interface Followed<Data> {
  data: Data | null;
  error: string | null;
  fetching: boolean;
}

export function useFollowingQuery<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  version: unknown,
  minIntervalMs: number,
  paused = false,
): Followed<Data> {
  const client = useClient();
  const key = JSON.stringify(variables);
  const [state, setState] = useState<Followed<Data> & { key: string }>({ data: null, error: null, fetching: true, key });
  const coalescer = useRef<Coalescer | null>(null);
  useEffect(() => {
    if (paused) {
      coalescer.current = null;
      return;
    }
    let live = true;
    const vars = JSON.parse(key) as Variables;
    const run = coalesce(
      async () => {
        setState((s) => ({ ...s, fetching: true }));
        const result = await client.query(document, vars, { requestPolicy: 'network-only' }).toPromise();
        if (!live) return;
        setState((s) => ({
          key,
          data: result.data ?? (s.key === key ? s.data : null),
          error: result.error ? readableError(result.error) : null,
          fetching: false,
        }));
      },
      { minIntervalMs },
    );
    coalescer.current = run;
    run.request();
    return () => {
      live = false;
      run.dispose();
    };
  }, [client, document, key, minIntervalMs, paused]);
  useEffect(() => {
    coalescer.current?.request();
  }, [version]);
  const current = state.key === key;
  return { data: current ? state.data : null, error: current ? state.error : null, fetching: state.fetching || !current };
}
