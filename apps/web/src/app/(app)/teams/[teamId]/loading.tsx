import { PageSkeleton } from '@/components/page-skeleton';

export default function Loading() {
  return <PageSkeleton title="Team" panels={[160, 120, 160]} />;
}
