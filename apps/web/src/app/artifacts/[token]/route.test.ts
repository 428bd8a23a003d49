import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/** A stand-in API that serves one artifact at its signed path and records what reached it. */
function fakeApi(): Promise<{ url: string; seen: http.IncomingMessage[]; close(): Promise<void> }> {
  const seen: http.IncomingMessage[] = [];
  const server = http.createServer((request, response) => {
    seen.push(request);
    if (request.url !== '/artifacts/abc.def') {
      response.writeHead(403, { 'content-type': 'text/plain' });
      return response.end('expired');
    }
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': '9',
      'content-disposition': 'attachment; filename="model.json"',
      'x-internal': 'not for browsers',
    });
    response.end('{"a": 1} ');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/graphql`, seen, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

describe('GET /artifacts/<token> forwards a filesystem-store download to the API', () => {
  let api: Awaited<ReturnType<typeof fakeApi>>;
  let GET: (request: Request, context: { params: Promise<{ token: string }> }) => Promise<Response>;
  beforeAll(async () => {
    api = await fakeApi();
    vi.stubEnv('TUNEBOARD_API_URL', api.url);
    vi.resetModules();
    ({ GET } = await import('./route.ts'));
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await api.close();
  });

  it('passes the file with its type, length and file name, and nothing else of the API', async () => {
    const response = await GET(new Request('http://dashboard/artifacts/abc.def', { headers: { cookie: 'tb_session=secret' } }), {
      params: Promise.resolve({ token: 'abc.def' }),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"a": 1} ');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="model.json"');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-internal')).toBeNull();
    // The signed token is the authorisation: the session cookie is not sent on.
    expect(api.seen.at(-1)!.headers.cookie).toBeUndefined();
  });

  it("answers the API's refusal of a bad or expired link as it is", async () => {
    const response = await GET(new Request('http://dashboard/artifacts/old'), { params: Promise.resolve({ token: 'old' }) });
    expect(response.status).toBe(403);
  });
});
