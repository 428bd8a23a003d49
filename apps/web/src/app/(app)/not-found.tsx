import Link from 'next/link';

/** An unknown id, or one of a team the reader is not in (the API answers both alike), inside the app's shell. */
export default function NotFound() {
  return (
    <div data-testid="not-found">
      <h1>Not found</h1>
      <p>This does not exist, or it belongs to a team you are not in.</p>
      <nav aria-label="Where to go">
        <Link href="/">Home</Link> · <Link href="/teams">Your teams</Link> · <Link href="/runners">Runners</Link>
      </nav>
    </div>
  );
}
