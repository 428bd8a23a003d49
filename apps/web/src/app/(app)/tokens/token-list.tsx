'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '@/gql';
import { relativeTime } from '@/lib/format';
import { readableError } from '@/lib/graphql/errors';

const ApiTokenRevoke = graphql(`
  mutation ApiTokenRevoke($input: ApiTokenRevokeInput!) {
    apiTokenRevoke(input: $input) {
      apiToken {
        id
        revokedAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  scope: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function TokenList({ tokens }: { tokens: TokenRow[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, revoke] = useMutation(ApiTokenRevoke);
  if (tokens.length === 0) return <p className="muted">No tokens yet.</p>;
  return (
    <>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Prefix</th>
            <th scope="col">Scope</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Expires</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id}>
              <td>{token.name}</td>
              <td>
                <code>{token.prefix}…</code>
              </td>
              <td>{token.scope}</td>
              <td className="muted">{relativeTime(token.createdAt)}</td>
              <td className="muted">{token.lastUsedAt ? relativeTime(token.lastUsedAt) : 'never'}</td>
              <td className="muted">{token.expiresAt ? relativeTime(token.expiresAt) : 'never'}</td>
              <td>
                {token.revokedAt ? (
                  <span className="muted">revoked {relativeTime(token.revokedAt)}</span>
                ) : (
                  <button
                    type="button"
                    className="button-danger"
                    disabled={fetching}
                    aria-label={`Revoke ${token.name}`}
                    onClick={async () => {
                      if (!window.confirm(`Revoke token "${token.name}"? Runners using it stop working.`))
                        return;
                      setError(null);
                      const result = await revoke({ input: { id: token.id } });
                      const message =
                        (result.error && readableError(result.error)) ??
                        result.data?.apiTokenRevoke.userErrors.map((e) => e.message).join('; ');
                      if (message) setError(message);
                      else router.refresh();
                    }}
                  >
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
