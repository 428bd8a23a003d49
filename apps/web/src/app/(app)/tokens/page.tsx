import type { Metadata } from 'next';
import { Panel } from '@/components/panel';
import { graphql } from '@/gql';
import { serverQuery } from '@/lib/graphql/server';
import { TokenCreateForm } from './token-create-form.tsx';
import { TokenList } from './token-list.tsx';

export const metadata: Metadata = { title: 'API tokens' };

const TokensPage = graphql(`
  query TokensPage {
    viewer {
      teams {
        id
        name
        viewerRole
        apiTokens {
          id
          name
          prefix
          scope
          createdAt
          expiresAt
          lastUsedAt
          revokedAt
        }
      }
    }
  }
`);

export const dynamic = 'force-dynamic';

export default async function Tokens() {
  const { viewer } = await serverQuery(TokensPage, {});
  // Tokens are for admins and owners; other members see nothing to manage.
  const teams = (viewer?.teams ?? []).filter((t) => t.viewerRole === 'OWNER' || t.viewerRole === 'ADMIN');
  return (
    <>
      <h1>API tokens</h1>
      {teams.length === 0 ? (
        <p className="muted">Only a team&apos;s owners and admins manage its tokens.</p>
      ) : (
        <>
          <Panel title="Create a token" minHeight={80}>
            <TokenCreateForm
              teams={teams.map((t) => ({ id: t.id, name: t.name }))}
              revokedIds={teams.flatMap((t) =>
                t.apiTokens.filter((token) => token.revokedAt).map((token) => token.id),
              )}
            />
          </Panel>
          {teams.map((team) => (
            <Panel key={team.id} title={`${team.name} tokens`} minHeight={60}>
              <TokenList tokens={team.apiTokens} />
            </Panel>
          ))}
        </>
      )}
    </>
  );
}
