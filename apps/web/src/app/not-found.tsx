import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Not found' };

/** An address the dashboard has no page for (answered with HTTP 404), with the way back into it. */
export default function NotFound() {
  return (
    <main className="not-found" data-testid="not-found">
      <h1>Not found</h1>
      <p>There is no page at this address.</p>
      <nav aria-label="Where to go">
        <Link href="/">Home</Link> · <Link href="/teams">Teams</Link> · <Link href="/runners">Runners</Link> ·{' '}
        <Link href="/sign-in">Sign in</Link>
      </nav>
    </main>
  );
}
