import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, TransientApiError, createGraphQLClient } from './graphql-client.ts';
import type { GraphQLClientOptions, Request } from './graphql-client.ts';
import { createThreadedGraphQLClient } from '../network/threaded-client.ts';
import type { ThreadedClient } from '../network/threaded-client.ts';

/** A stand-in API: answers by the operation text, so each test picks the reply it needs. */
let server: http.Server;
let url: string;
const seen: { authorization?: string | undefined; body: unknown }[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      const body = JSON.parse(text) as { query: string; variables?: Record<string, unknown> };
      seen.push({ authorization: request.headers.authorization, body });
      const reply = (status: number, payload: string) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(payload);
      };
      if (body.query.includes('slow')) return; // never answers
      if (body.query.includes('down')) return reply(503, 'Service Unavailable');
      if (body.query.includes('html')) return reply(200, '<html>deploying</html>');
      if (body.query.includes('refused')) {
        return reply(200, JSON.stringify({ errors: [{ message: 'lease is stale', extensions: { code: 'STALE_LEASE' } }] }));
      }
      if (body.query.includes('crash')) {
        return reply(200, JSON.stringify({ errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
      }
      reply(200, JSON.stringify({ data: { echo: body.variables } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

const threads: ThreadedClient[] = [];
afterAll(async () => {
  await Promise.all(threads.map((thread) => thread.close()));
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** The same contract on the training thread and through the runner's network thread. */
const clients: [string, (options: GraphQLClientOptions) => Request][] = [
  ['createGraphQLClient (on this thread)', createGraphQLClient],
  [
    'createThreadedGraphQLClient (on a network thread)',
    (options) => {
      const thread = createThreadedGraphQLClient(options);
      threads.push(thread);
      return thread.request;
    },
  ],
];

describe.each(clients)('%s', (_name, createClient) => {
  it('posts the operation with the bearer token and returns data, reusing one connection', async () => {
    const request = createClient({ url, token: 'tb_secret' });
    const before = seen.length;
    const connections = new Set<unknown>();
    const onConnection = (socket: unknown) => connections.add(socket);
    server.on('connection', onConnection);
    for (let i = 0; i < 3; i += 1) {
      await expect(request('query { echo }', { n: i, text: 'é ✓' })).resolves.toEqual({ echo: { n: i, text: 'é ✓' } });
    }
    server.off('connection', onConnection);
    expect(seen.slice(before).map((s) => s.authorization)).toEqual(['Bearer tb_secret', 'Bearer tb_secret', 'Bearer tb_secret']);
    expect(connections.size).toBeLessThanOrEqual(1);
  });

  it('calls a 5xx answer, a body that is not GraphQL and an internal error transient', async () => {
    const request = createClient({ url, token: 't' });
    await expect(request('query { down }')).rejects.toThrow(TransientApiError);
    await expect(request('query { down }')).rejects.toThrow(/answered HTTP 503/);
    await expect(request('query { html }')).rejects.toThrow(/with no GraphQL body/);
    await expect(request('query { crash }')).rejects.toThrow(TransientApiError);
  });

  it('turns a GraphQL error into an ApiError carrying its code', async () => {
    const request = createClient({ url, token: 't' });
    const error = await request('mutation { refused }').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'STALE_LEASE', message: expect.stringContaining('lease is stale') });
  });

  it('gives up on a request with no answer after its timeout, and on abort, as transient errors', async () => {
    const request = createClient({ url, token: 't', timeoutMs: 200 });
    await expect(request('query { slow }')).rejects.toThrow(/no answer within 0.2 s/);
    const controller = new AbortController();
    const pending = request('query { slow }', {}, controller.signal);
    controller.abort();
    await expect(pending).rejects.toThrow(TransientApiError);
    const aborted = new AbortController();
    aborted.abort();
    await expect(request('query { echo }', {}, aborted.signal)).rejects.toThrow(TransientApiError);
  });

  it('calls an unreachable API transient and names the address and the cause', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const request = createClient({ url: `http://127.0.0.1:${port}/graphql`, token: 't' });
    await expect(request('query { echo }')).rejects.toThrow(`cannot reach the API at http://127.0.0.1:${port}/graphql: ECONNREFUSED`);
  });
});

describe('createThreadedGraphQLClient', () => {
  it('answers requests made at once, each with its own data, and fails them as transient once closed', async () => {
    const thread = createThreadedGraphQLClient({ url, token: 't' });
    const replies = await Promise.all([1, 2, 3, 4].map((n) => thread.request<{ echo: { n: number } }>('query { echo }', { n })));
    expect(replies.map((reply) => reply.echo.n)).toEqual([1, 2, 3, 4]);
    await thread.close();
    await expect(thread.request('query { echo }')).rejects.toThrow(TransientApiError);
    await expect(thread.request('query { echo }')).rejects.toThrow(/network thread stopped/);
  });
});
