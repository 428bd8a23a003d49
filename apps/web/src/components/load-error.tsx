'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';

/**
 * A page whose server render met a transient API error (RATE_LIMITED under load, the API restarting) after its
 * retry: the app's error view with the reason and a Retry that renders the page again, without a full reload.
 */
export function LoadError({ title, message }: { title: string; message: string }) {
  const router = useRouter();
  const [retrying, startRetry] = useTransition();
  return (
    <div role="alert" data-testid="load-error">
      <h1>{title}</h1>
      <p className="error-text">{message}</p>
      <button type="button" className="button" disabled={retrying} onClick={() => startRetry(() => router.refresh())}>
        {retrying ? 'Retrying…' : 'Retry'}
      </button>
    </div>
  );
}
