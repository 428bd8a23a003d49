import type { Metadata } from 'next';
import { RunnersPageQuery } from '@/features/runners/documents';
import { RunnersView } from '@/features/runners/runners-view';
import { serverQuery } from '@/lib/graphql/server';

export const metadata: Metadata = { title: 'Runners' };

// Who is online changes by the minute; the page is read fresh on every visit, then kept live by the view.
export const dynamic = 'force-dynamic';

export default async function Runners() {
  const { viewer } = await serverQuery(RunnersPageQuery, {});
  return <RunnersView initial={viewer?.teams ?? []} />;
}
