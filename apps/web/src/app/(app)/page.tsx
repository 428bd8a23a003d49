import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { HomePageQuery } from '@/features/home/documents';
import { HomeView } from '@/features/home/home-view';
import { landingStudyId } from '@/features/home/pick';
import { serverQuery } from '@/lib/graphql/server';
import { hrefFor } from '@/lib/route-id';

export const metadata: Metadata = { title: 'Home' };

// The caller's studies change by the second; the page is read fresh on every visit.
export const dynamic = 'force-dynamic';

/**
 * The home page: the caller's recent and running studies across their teams, runners, the last finished trials.
 * Right after sign-in (`?from=sign-in`) on a fresh `npm start`, it sends the newcomer to the running demo study.
 */
export default async function Home({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ from }, { viewer }] = await Promise.all([searchParams, serverQuery(HomePageQuery, {})]);
  if (!viewer?.user) redirect('/sign-in');
  if (from === 'sign-in') {
    const landing = landingStudyId(viewer.recentStudies);
    if (landing) redirect(hrefFor('studies', landing));
  }
  return <HomeView initial={viewer} userName={viewer.user.name} />;
}
