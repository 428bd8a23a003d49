import { PageSkeleton } from '@/components/page-skeleton';

export default function Loading() {
  return <PageSkeleton title="Teams" panels={[160, 120]} />;
}
