import { PageSkeleton } from '@/components/page-skeleton';

export default function Loading() {
  return <PageSkeleton title="API tokens" panels={[120, 200]} />;
}
