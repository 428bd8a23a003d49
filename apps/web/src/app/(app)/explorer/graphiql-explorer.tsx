'use client';

import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import type { ExecutionResult } from 'graphql';
import { createClient } from 'graphql-ws';
import { useMemo, type ComponentProps } from 'react';
import { pickOperation } from '@/lib/graphql/operation-kind';
import { browserWsUrl } from '@/lib/graphql/ws-url';

interface FetcherParams {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

const defaultQuery = `# Everything the dashboard shows comes from this API. Try:
query Me {
  viewer {
    user { name email }
    teams { name slug projects(first: 10) { name studyCount studies(first: 5) { id name status progress } } }
  }
}
`;

export function GraphiqlExplorer({ wsUrl }: { wsUrl: string }) {
  const fetcher = useMemo((): ComponentProps<typeof GraphiQL>['fetcher'] => {
    const ws = createClient({ url: browserWsUrl(wsUrl, window.location.hostname), lazy: true });
    return async (params: FetcherParams, options?: { headers?: Record<string, unknown> }) => {
      const { operationName, subscription } = pickOperation(params.query, params.operationName);
      if (subscription) {
        return ws.iterate({
          query: params.query,
          variables: params.variables ?? undefined,
          operationName,
          // graphql-ws yields the wire format (formatted errors), which is what GraphiQL displays anyway.
        }) as AsyncIterable<ExecutionResult>;
      }
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      for (const [key, value] of Object.entries(options?.headers ?? {})) headers[key] = String(value);
      const response = await fetch('/graphql', {
        method: 'POST',
        credentials: 'same-origin',
        headers,
        body: JSON.stringify({
          query: params.query,
          variables: params.variables ?? undefined,
          operationName,
        }),
      });
      return (await response.json()) as ExecutionResult;
    };
  }, [wsUrl]);

  return (
    <div style={{ height: 'calc(100vh - 200px)', minHeight: 480 }}>
      <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} />
    </div>
  );
}
