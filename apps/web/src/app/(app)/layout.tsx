import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/app-shell';
import { env } from '@/env';
import { graphql } from '@/gql';
import { GraphqlProvider } from '@/lib/graphql/provider';
import { serverQuery } from '@/lib/graphql/server';

const LayoutViewer = graphql(`
  query LayoutViewer {
    viewer {
      user {
        id
        name
        email
      }
    }
  }
`);

// Every page below reads the session cookie: nothing here can be prerendered.
export const dynamic = 'force-dynamic';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const { viewer } = await serverQuery(LayoutViewer, {});
  if (!viewer?.user) redirect('/sign-in');
  return (
    <GraphqlProvider wsUrl={env.apiWsUrl}>
      <AppShell userName={viewer.user.name}>{children}</AppShell>
    </GraphqlProvider>
  );
}
