// Relative, not '@/env': the unit test imports this file under vitest, which has no '@/' alias.
import { env } from '../../../env.ts';

export const dynamic = 'force-dynamic';

/** Headers of a download the browser needs: what it is, how long, and that it is saved as a file. */
const passedHeaders = ['content-type', 'content-length', 'content-disposition', 'cache-control', 'x-content-type-options'] as const;

/**
 * `GET /artifacts/<signed token>`: the filesystem artifact store's download links are paths on the API's address
 * (`Artifact.downloadUrl`), which a browser resolves against the dashboard's; this forwards them to the API. The
 * token is the authorisation (signed, short-lived, one file), so no cookie is sent on. S3 links are absolute and
 * never come here.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  const target = new URL(`/artifacts/${encodeURIComponent(token)}`, env.apiUrl);
  let upstream: Response;
  try {
    upstream = await fetch(target, { cache: 'no-store', redirect: 'manual' });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return new Response(`The dashboard could not reach the API at TUNEBOARD_API_URL=${env.apiUrl}: ${reason}`, { status: 502 });
  }
  const headers = new Headers();
  for (const name of passedHeaders) {
    const value = upstream.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers });
}
