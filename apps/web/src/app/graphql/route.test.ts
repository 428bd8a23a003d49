import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A stand-in API that records what reaches it and answers with two cookies, like signIn after signOut would. */
function fakeApi(): Promise<{ url: string; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      response.statusCode = 400;
      response.setHeader('content-type', 'application/graphql-response+json; charset=utf-8');
      response.setHeader('set-cookie', ['tb_session=abc; Path=/; HttpOnly; SameSite=Lax', 'other=; Path=/; Max-Age=0']);
      response.setHeader('x-internal', 'not for browsers');
      response.end(`{"answer":"${request.method ?? ''}"}`);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/graphql`, seen, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

async function loadRoute(apiUrl: string) {
  vi.stubEnv('TUNEBOARD_API_URL', apiUrl);
  vi.resetModules();
  return import('./route.ts');
}

describe('the /graphql route handler', () => {
  let api: Awaited<ReturnType<typeof fakeApi>>;
  beforeAll(async () => {
    api = await fakeApi();
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await api.close();
  });

  it('forwards a POST with its body and the headers the API checks, and passes back status, type and every cookie', async () => {
    const { POST } = await loadRoute(api.url);
    const body = '{"query":"mutation { signOut { __typename } }"}';
    const response = await POST(
      new Request('http://dashboard.test/graphql', {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          cookie: 'tb_session=old',
          authorization: 'Bearer tb_x',
          origin: 'http://dashboard.test',
          'apollo-require-preflight': 'true',
          'x-apollo-operation-name': 'SignOut',
          'x-forwarded-for': '203.0.113.7, 10.0.0.2',
          'x-unrelated': 'dropped',
        },
      }),
    );
    const request = api.seen.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', url: '/graphql', body });
    expect(request.headers).toMatchObject({
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      cookie: 'tb_session=old',
      authorization: 'Bearer tb_x',
      origin: 'http://dashboard.test',
      'apollo-require-preflight': 'true',
      'x-apollo-operation-name': 'SignOut',
      'x-forwarded-for': '203.0.113.7, 10.0.0.2',
    });
    expect(request.headers['x-unrelated']).toBeUndefined();

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
    expect(response.headers.getSetCookie()).toEqual(['tb_session=abc; Path=/; HttpOnly; SameSite=Lax', 'other=; Path=/; Max-Age=0']);
    expect(response.headers.get('x-internal')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe('{"answer":"POST"}');
  });

  it('forwards a GET with its query string and no body', async () => {
    const { GET } = await loadRoute(api.url);
    const response = await GET(new Request('http://dashboard.test/graphql?query=%7B__typename%7D', { headers: { 'apollo-require-preflight': 'true' } }));
    expect(api.seen.at(-1)).toMatchObject({ method: 'GET', url: '/graphql?query=%7B__typename%7D', body: '' });
    expect(await response.text()).toBe('{"answer":"GET"}');
  });

  it('answers 502 with a GraphQL error naming TUNEBOARD_API_URL when the API cannot be reached', async () => {
    const closed = await fakeApi();
    await closed.close();
    const { POST } = await loadRoute(closed.url);
    const response = await POST(new Request('http://dashboard.test/graphql', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }));
    expect(response.status).toBe(502);
    const answer = (await response.json()) as { errors: { message: string }[] };
    expect(answer.errors[0]?.message).toContain(`TUNEBOARD_API_URL=${closed.url}`);
  });
});
