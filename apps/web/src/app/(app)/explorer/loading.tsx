import { PageSkeleton } from '@/components/page-skeleton';

export default function Loading() {
  return <PageSkeleton title="GraphQL explorer" panels={[480]} />;
}
