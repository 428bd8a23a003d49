import Link from 'next/link';

/** A comparison URL that cannot be shown (too few or too many ids), with the reason and a way back. */
export function CompareRefusal({ kind, message }: { kind: 'trials' | 'studies'; message: string }) {
  return (
    <>
      <h1>Compare {kind}</h1>
      <p role="alert" className="error-text">
        {message}
      </p>
      <p>
        Pick them in <Link href={kind === 'trials' ? '/search?kind=trials' : '/search'}>search</Link>
        {kind === 'trials' ? ' or in a study’s trial table' : ''}.
      </p>
    </>
  );
}
