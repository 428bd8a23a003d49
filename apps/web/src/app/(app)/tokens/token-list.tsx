'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useMutation } from 'urql';
import { ListTable } from '@/components/list-table';
import { RelativeTime } from '@/components/relative-time';
import { graphql } from '@/gql';
import { payloadMessages } from '@/lib/forms/payload-errors';

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
      <ListTable
        rows={tokens}
        rowKey={(token) => token.id}
        columns={[
          { header: 'Name', cell: (token) => token.name },
          { header: 'Prefix', cell: (token) => <code>{token.prefix}…</code> },
          { header: 'Scope', cell: (token) => token.scope },
          { header: 'Created', className: 'muted', cell: (token) => <RelativeTime at={token.createdAt} /> },
          { header: 'Last used', className: 'muted', cell: (token) => <RelativeTime at={token.lastUsedAt} fallback="never" /> },
          { header: 'Expires', className: 'muted', cell: (token) => <RelativeTime at={token.expiresAt} fallback="never" /> },
          {
            header: 'Status',
            cell: (token) =>
              token.revokedAt ? (
                <span className="muted">
                  revoked <RelativeTime at={token.revokedAt} />
                </span>
              ) : (
                <button
                  type="button"
                  className="button-danger"
                  disabled={fetching}
                  aria-label={`Revoke ${token.name}`}
                  onClick={async () => {
                    if (!window.confirm(`Revoke token "${token.name}"? Runners using it stop working.`)) return;
                    setError(null);
                    const result = await revoke({ input: { id: token.id } });
                    const message = payloadMessages(result, result.data?.apiTokenRevoke).join('; ');
                    if (message) setError(message);
                    else router.refresh();
                  }}
                >
                  Revoke
                </button>
              ),
          },
        ]}
      />
    </>
  );
}
