import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StudyView } from '@/features/study/study-view';
import { loadStudyPage } from '@/features/study/load';
import { routeId } from '@/lib/route-id';

export const metadata: Metadata = { title: 'Study' };

export default async function StudyPage({ params }: { params: Promise<{ studyId: string }> }) {
  const { studyId } = await params;
  const data = await loadStudyPage(routeId(studyId));
  if (!data) notFound();
  return <StudyView {...data} />;
}
