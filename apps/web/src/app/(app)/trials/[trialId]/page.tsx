import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TrialPageQuery } from '@/features/trial/documents';
import { TrialView } from '@/features/trial/trial-view';
import { serverQuery } from '@/lib/graphql/server';
import { routeId } from '@/lib/route-id';

export const metadata: Metadata = { title: 'Trial' };

export default async function TrialPage({ params }: { params: Promise<{ trialId: string }> }) {
  const { trialId } = await params;
  const { trial } = await serverQuery(TrialPageQuery, { id: routeId(trialId) });
  if (!trial) notFound();
  // The first paint comes from the server; the view then follows the study's events (live curves, final state).
  return <TrialView initial={trial} />;
}
