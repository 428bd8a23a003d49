// Relative, not '@/env': the unit test imports this file under vitest, which has no '@/' alias.
import { env } from '../../env.ts';

// Forwarded at request time, never prerendered or cached: the API's address is a runtime setting, so one
// dashboard build serves any API (a build-time rewrite would bake the address into `.next`).
export const dynamic = 'force-dynamic';

/**
 * What the API reads from a browser's request: the body's type, the session cookie or a token, what Apollo's
 * CSRF prevention and the API's CORS/Origin checks look at (the Origin and the preflight-forcing headers), and
 * `x-forwarded-for` as the load balancer in front of the dashboard wrote it: an API configured to trust that
 * header (`TUNEBOARD_TRUSTED_PROXY_HEADER`, as the Kubernetes manifests do) then limits sign-ins per browser
 * address, not per dashboard (20 wrong passwords from anyone locked everyone out). Without that setting the API
 * ignores the header, so a browser cannot choose its own address.
 */
const forwardedRequestHeaders = [
  'accept',
  'content-type',
  'cookie',
  'authorization',
  'origin',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'x-forwarded-for',
] as const;

async function forward(request: Request): Promise<Response> {
  const target = new URL(env.apiUrl);
  // GET carries the operation in the query string (persisted or plain GET queries).
  target.search = new URL(request.url).search;
  const headers = new Headers();
  for (const name of forwardedRequestHeaders) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers,
      body: request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer(),
      cache: 'no-store',
      redirect: 'manual',
    });
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    return Response.json(
      { errors: [{ message: `The dashboard could not reach the API at TUNEBOARD_API_URL=${env.apiUrl}: ${reason}` }] },
      { status: 502, headers: { 'cache-control': 'no-store' } },
    );
  }
  // fetch has already decoded the body, so content-encoding/length are not passed on; content-type and every
  // Set-Cookie (sign-in sets the session, sign-out clears it) are, unchanged.
  const responseHeaders = new Headers({ 'cache-control': 'no-store' });
  const contentType = upstream.headers.get('content-type');
  if (contentType !== null) responseHeaders.set('content-type', contentType);
  for (const cookie of upstream.headers.getSetCookie()) responseHeaders.append('set-cookie', cookie);
  return new Response(upstream.body, { status: upstream.status, statusText: upstream.statusText, headers: responseHeaders });
}

export const GET = forward;
export const POST = forward;
