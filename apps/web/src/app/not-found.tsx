import type { Metadata } from 'next';
import Link from 'next/link';
import { graphql } from '@/gql';
import { serverQuery } from '@/lib/graphql/server';

export const metadata: Metadata = { title: 'Not found' };

const NotFoundViewer = graphql(`
  query NotFoundViewer {
    viewer {
      user {
        id
        name
      }
    }
  }
`);

/** Who is reading, if anyone: the page never redirects, whatever the API says. */
async function signedInName(): Promise<string | null> {
  try {
    const { viewer } = await serverQuery(NotFoundViewer, {});
    return viewer?.user?.name ?? null;
  } catch {
    return null;
  }
}

/**
 * An address the dashboard has no page for (answered with HTTP 404), with the way back into it: the app's
 * places for someone signed in, the sign-in page for anyone else.
 */
export default async function NotFound() {
  const name = await signedInName();
  return (
    <main className="not-found" data-testid="not-found">
      <h1>Not found</h1>
      <p>There is no page at this address.</p>
      <nav aria-label="Where to go">
        <Link href="/">Home</Link> · <Link href="/teams">Teams</Link> · <Link href="/runners">Runners</Link> ·{' '}
        {name === null ? (
          <Link href="/sign-in">Sign in</Link>
        ) : (
          <>
            <Link href="/search">Search</Link> <span className="muted">(signed in as {name})</span>
          </>
        )}
      </nav>
    </main>
  );
}
