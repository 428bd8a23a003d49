import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/env';

/** The object each page shows, by the first segment of its path. */
const TYPES: Record<string, string> = { studies: 'Study', trials: 'Trial', projects: 'Project', teams: 'Team' };

/**
 * An id that names nothing the reader may see answers HTTP 404, not 200. The pages call `notFound()`, but by
 * then the app's loading skeleton has streamed with status 200 (the status cannot change once bytes are sent),
 * so a document request for an object page asks the API first (`node(id)`, one small authorised read) and
 * answers an unknown or hidden id with the app's 404 page and a 404 status. Client-side navigations (RSC
 * requests) skip the check: their status is nobody's to see, and the page's `notFound()` shows the same page.
 * Without a session the layout sends the reader to sign in; when the API cannot be asked, the page decides.
 */
export async function proxy(request: NextRequest) {
  if (request.method !== 'GET' || request.headers.has('rsc') || request.headers.has('next-router-prefetch')) return NextResponse.next();
  const [, kind, segment] = request.nextUrl.pathname.split('/');
  const type = kind ? TYPES[kind] : undefined;
  const cookie = request.headers.get('cookie');
  if (!type || !segment || !cookie) return NextResponse.next();
  let id = segment;
  try {
    id = decodeURIComponent(segment);
  } catch {
    // A malformed escape is an id the API does not know.
  }
  try {
    const response = await fetch(env.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', cookie },
      body: JSON.stringify({ query: 'query ProxyNode($id: ID!) { node(id: $id) { __typename } }', variables: { id } }),
      cache: 'no-store',
      signal: AbortSignal.timeout(5_000),
    });
    const body = (await response.json()) as { data?: { node: { __typename: string } | null } | null; errors?: unknown[] };
    const found = body.data?.node;
    if (response.ok && body.data && !body.errors?.length && found?.__typename !== type) {
      return NextResponse.rewrite(new URL('/_not-found-page', request.url), { status: 404 });
    }
  } catch {
    // Let the page ask again and decide.
  }
  return NextResponse.next();
}

export const config = { matcher: ['/studies/:id', '/trials/:id', '/projects/:id', '/teams/:id'] };
