import Link from 'next/link';
import { COMPARE_LIMITS, compareHref } from './transform.ts';

export { toggled } from './transform.ts';

/** "Compare selected (n)" for trials chosen in a table: a link to the comparison once 2 to 20 are chosen. */
export function CompareLink({ ids }: { ids: ReadonlySet<string> }) {
  const n = ids.size;
  if (n === 0) return null;
  if (n < 2 || n > COMPARE_LIMITS.trials) {
    return (
      <span className="muted">
        {n < 2
          ? 'Select one more trial to compare'
          : `Compare at most ${COMPARE_LIMITS.trials} trials (${n} selected)`}
      </span>
    );
  }
  return (
    <Link className="button" href={compareHref('trials', [...ids])}>
      Compare selected ({n})
    </Link>
  );
}
