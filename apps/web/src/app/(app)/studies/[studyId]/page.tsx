import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LoadError } from '@/components/load-error';
import { StudyView } from '@/features/study/study-view';
import { loadStudyPage } from '@/features/study/load';
import { routeId } from '@/lib/route-id';

export const metadata: Metadata = { title: 'Study' };

export default async function StudyPage({ params }: { params: Promise<{ studyId: string }> }) {
  const { studyId } = await params;
  const loaded = await loadStudyPage(routeId(studyId));
  if (!loaded.ok) return <LoadError title="The study could not be loaded" message={loaded.message} />;
  if (!loaded.value) notFound();
  return <StudyView {...loaded.value} />;
}
