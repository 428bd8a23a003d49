'use client';

import { createClient as createWsClient } from 'graphql-ws';
import { useMemo, type ReactNode } from 'react';
import { cacheExchange, Client, fetchExchange, Provider, subscriptionExchange } from 'urql';
import { browserWsUrl } from './ws-url.ts';

/**
 * The browser's GraphQL client. Queries and mutations go to the dashboard's own `/graphql` (rewritten to the
 * API, so the session cookie is first-party); subscriptions open a WebSocket straight to the API, which
 * accepts the cookie from the dashboard's origins.
 */
export function createBrowserClient(wsUrl: string): Client {
  const ws =
    typeof window === 'undefined'
      ? null
      : createWsClient({
          url: browserWsUrl(wsUrl, window.location.hostname),
          lazy: true,
          retryAttempts: Infinity,
          // By default only close events are retried; a browser reports a refused connection (an API restarting)
          // as an error event first, which ended every subscription for good. Fatal close codes (access lost,
          // bad request) still end them.
          shouldRetry: () => true,
          // graphql-ws doubles its wait without a bound (a minute after six tries): an API restart would leave
          // pages without live updates long after it answers again. Capped, with jitter so tabs spread out.
          retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(1_000 * 2 ** retries, 5_000) + Math.random() * 1_000)),
        });
  return new Client({
    url: '/graphql',
    fetchOptions: { credentials: 'same-origin' },
    // urql sends queries as GET by default; the API's CSRF prevention refuses a GET without a preflight
    // header, and POST keeps long filter variables out of URLs and logs.
    preferGetMethod: false,
    // Client components are also rendered on the server, where '/graphql' means nothing and there is no
    // cookie: there queries stay "fetching" (panels show their skeleton) and the browser runs them after
    // hydration. The pending promise holds no timer or socket, so nothing leaks.
    ...(typeof window === 'undefined' ? { fetch: () => new Promise<Response>(() => undefined) } : {}),
    // Dashboards show live numbers: re-fetch in the background while showing what is cached.
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        enableAllOperations: false,
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              if (!ws) return { unsubscribe: () => undefined };
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
}

export function GraphqlProvider({ wsUrl, children }: { wsUrl: string; children: ReactNode }) {
  const client = useMemo(() => createBrowserClient(wsUrl), [wsUrl]);
  return <Provider value={client}>{children}</Provider>;
}
