'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { graphql } from '@/gql';
import { browserRequest } from '@/lib/graphql/browser-fetch';
import { errorMessage } from '@/lib/graphql/errors';

const SignOut = graphql(`
  mutation SignOut {
    signOut {
      signedOut
    }
  }
`);

export function SignOutButton() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="button-secondary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await browserRequest(SignOut, {});
            router.replace('/sign-in');
            router.refresh();
          } catch (e) {
            setError(errorMessage(e));
            setBusy(false);
          }
        }}
      >
        Sign out
      </button>
      {error && <span className="error-text">{error}</span>}
    </>
  );
}
