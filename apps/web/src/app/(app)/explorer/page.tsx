import type { Metadata } from 'next';
import { env } from '@/env';
import { ExplorerLoader } from './explorer-loader.tsx';

export const metadata: Metadata = { title: 'GraphQL explorer' };

export default function Explorer() {
  return (
    <>
      <h1>GraphQL explorer</h1>
      <p className="muted">
        Queries run as you, against this dashboard&apos;s <code>/graphql</code>; subscriptions open a
        WebSocket to the API.
      </p>
      <ExplorerLoader wsUrl={env.apiWsUrl} />
    </>
  );
}
