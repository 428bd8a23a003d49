import Link from 'next/link';
import { StateBadge } from '@/components/state-badge';
import { formatRanges } from '@/lib/format';
import { hrefFor } from '@/lib/route-id';
import type { StudyPageQuery } from '@/gql/graphql';
import styles from './study.module.css';

/** Where a study comes from (its parent and ranges) and the refinements made from it. */
export function Lineage({ study }: { study: NonNullable<StudyPageQuery['study']> }) {
  if (!study.parent && study.children.length === 0) return null;
  return (
    <nav aria-label="Lineage" className={styles.lineage}>
      {study.parent && (
        <p>
          Refined from <Link href={hrefFor('studies', study.parent.id)}>{study.parent.name}</Link>
          {refinedRanges(study.refinement)}
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

function refinedRanges(refinement: unknown): string {
  if (!refinement || typeof refinement !== 'object') return '';
  const { ranges, inherited } = refinement as { ranges?: unknown; inherited?: unknown };
  const parts = [];
  if (ranges) parts.push(` with ${formatRanges(ranges)}`);
  if (typeof inherited === 'number') parts.push(`, ${inherited} trials inherited`);
  return parts.join('');
}
