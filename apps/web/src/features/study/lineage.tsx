import Link from 'next/link';
import { StateBadge } from '@/components/state-badge';
import { hrefFor } from '@/lib/route-id';
import type { StudyPageQuery } from '@/gql/graphql';
import { refinedRanges } from './lineage-text.ts';
import styles from './study.module.css';

/** Where a study comes from (its parent and ranges) and the refinements made from it. */
export function Lineage({ study }: { study: NonNullable<StudyPageQuery['study']> }) {
  if (!study.parent && study.children.length === 0) return null;
  return (
    <nav aria-label="Lineage" className={styles.lineage}>
      {study.parent && (
        <p>
          Refined from <Link href={hrefFor('studies', study.parent.id)}>{study.parent.name}</Link>
          {refinedRanges(study.refinement, study.space)}
        </p>
      )}
      {study.children.length > 0 && (
        <p>
          Refinements:{' '}
          {study.children.map((child, i) => (
            <span key={child.id}>
              {i > 0 && ', '}
              <Link href={hrefFor('studies', child.id)}>{child.name}</Link>{' '}
              <StateBadge state={child.status} />
            </span>
          ))}
        </p>
      )}
    </nav>
  );
}
