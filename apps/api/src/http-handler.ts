import type http from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import cors from 'cors';
import { GraphQLError } from 'graphql';
import getRawBody from 'raw-body';
import type { Logger } from 'pino';
import { internalError, newRequestId, REQUEST_ID_HEADER, withRequestId } from './pipeline/errors.ts';
import type { Pipeline } from './pipeline/operation.ts';

export interface HttpHandlerOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** Origins allowed to call with credentials (the dashboard's). */
  origins: string[];
  maxBodyBytes: number;
  /** The context of one request; `requestId` is the request's id (pipeline/errors.ts). */
  context: (request: http.IncomingMessage, response: http.ServerResponse, requestId: string) => Promise<TContext>;
  /** Error formatting and the response size limit, shared with WebSocket. */
  pipeline: Pick<Pipeline, 'format' | 'bounded'>;
  /** The body of `GET /healthz`. */
  health: () => Record<string, unknown>;
  /** `GET /readyz`: 200 when ready, else 503 (ops/readiness.ts). */
  ready?: () => Promise<{ ready: boolean }>;
  log: Pick<Logger, 'error'>;
  /** `/artifacts/<signed token>`: the filesystem artifact store's uploads and downloads (artifacts/artifact-route.ts). */
  artifacts?: (request: http.IncomingMessage, response: http.ServerResponse, path: string) => void;
}

/**
 * The API's HTTP front: `/graphql` (Apollo, GET and POST, CORS for the dashboard's origins), `/healthz`, `/readyz`
 * and, with the filesystem artifact store, `/artifacts/<signed token>`.
 * A plain Node request listener in place of Express, its router and body parser: runners send a request a
 * trial or more, and Express's layers were a tenth of the API's CPU a request (docs/benchmarks.md). CORS and
 * the bounded body read are the `cors` and `raw-body` packages, as under Express.
 *
 * Every request gets an id (`x-request-id`, and `extensions.requestId` of its errors); a failure outside
 * GraphQL, or while creating the context (the database down while resolving the caller), answers a masked
 * 500 naming that id and logs the details: Apollo would have sent "Context creation failed: <SQL>".
 */
export function createHttpHandler<TContext extends BaseContext>(options: HttpHandlerOptions<TContext>): http.RequestListener {
  const allowCors = cors({ origin: options.origins, credentials: true });
  return (request, response) => {
    const [path = '', query = ''] = (request.url ?? '').split('?', 2);
    if (path === '/healthz' && (request.method === 'GET' || request.method === 'HEAD')) {
      return send(response, 200, 'application/json; charset=utf-8', JSON.stringify(options.health()));
    }
    if (path === '/readyz' && options.ready && (request.method === 'GET' || request.method === 'HEAD')) {
      void options.ready().then((state) => send(response, state.ready ? 200 : 503, 'application/json; charset=utf-8', JSON.stringify(state)));
      return;
    }
    if (options.artifacts && path.startsWith('/artifacts/')) return options.artifacts(request, response, path);
    if (path !== '/graphql') return send(response, 404, 'text/plain; charset=utf-8', `Cannot ${request.method} ${path}`);
    const requestId = newRequestId();
    response.setHeader(REQUEST_ID_HEADER, requestId);
    // A preflight is answered (and ended) by `cors`; anything else gets its headers and goes on.
    allowCors(request, response, () => {
      withRequestId(requestId, () => graphql(options, request, response, query, requestId)).catch((error: unknown) => {
        options.log.error({ err: error, requestId }, 'an HTTP request failed outside GraphQL');
        if (response.headersSent) return response.destroy();
        send(response, 500, 'application/json; charset=utf-8', JSON.stringify({ errors: [internalError(requestId)] }));
      });
    });
  };
}

async function graphql<TContext extends BaseContext>(
  options: HttpHandlerOptions<TContext>,
  request: http.IncomingMessage,
  response: http.ServerResponse,
  search: string,
  requestId: string,
): Promise<void> {
  let body: unknown;
  if (request.method === 'POST') {
    let text: string;
    try {
      text = await getRawBody(request, { limit: options.maxBodyBytes, length: request.headers['content-length'], encoding: 'utf8' });
    } catch (error) {
      const status = (error as { status?: number }).status ?? 400;
      // The rest of an oversized body is not read: the connection closes after the answer.
      if (status === 413) response.setHeader('connection', 'close');
      return send(response, status, 'text/plain; charset=utf-8', status === 413 ? 'Request body too large' : 'Bad request body');
    }
    // As Express's JSON parser did: a JSON body is parsed; any other body is none, and Apollo answers 400.
    if (/^application\/(.+\+)?json\b/i.test(request.headers['content-type'] ?? '') && text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch {
        return send(response, 400, 'text/plain; charset=utf-8', 'The body is not valid JSON');
      }
    }
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const result = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (request.method ?? 'GET').toUpperCase(), headers, search: search ? `?${search}` : '', body },
    context: () =>
      options.context(request, response, requestId).catch((error: unknown) => {
        options.log.error({ err: error, requestId }, 'creating the context of a request failed');
        const { message, extensions } = internalError(requestId);
        throw new GraphQLError(message, { extensions: { ...extensions, http: { status: 500 } } });
      }),
  });
  for (const [key, value] of result.headers) response.setHeader(key, value);
  response.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    response.end(options.pipeline.bounded(result.body.string, requestId) ?? result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}

function send(response: http.ServerResponse, status: number, type: string, text: string): void {
  response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
