'use client';

// A subscription held only while the page is visible: hidden tabs cost the API nothing, and coming back
// subscribes again — the server's first event (SYNC) then tells the store whether it missed anything.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useEffect, useRef } from 'react';
import type { AnyVariables, Client, OperationResult } from 'urql';

export function useVisibleSubscription<Data, Variables extends AnyVariables>(
  client: Client,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  onResult: (result: OperationResult<Data, Variables>) => void,
  onRestored: () => void,
): void {
  const handlers = useRef({ onResult, onRestored });
  handlers.current = { onResult, onRestored };
  const key = JSON.stringify(variables);
  useEffect(() => {
    let stop: (() => void) | null = null;
    const start = () => {
      if (stop || document_().visibilityState === 'hidden') return;
      stop = client.subscription(document, JSON.parse(key) as Variables).subscribe((result) => handlers.current.onResult(result)).unsubscribe;
    };
    const end = () => {
      stop?.();
      stop = null;
    };
    const onVisibility = () => (document_().visibilityState === 'hidden' ? end() : start());
    const onPageShow = (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      end();
      start();
      handlers.current.onRestored();
    };
    start();
    document_().addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pageshow', onPageShow);
    return () => {
      end();
      document_().removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pageshow', onPageShow);
    };
  }, [client, document, key]);
}

/** The DOM document (the parameter named `document` above is the GraphQL one). */
function document_(): Document {
  return globalThis.document;
}
