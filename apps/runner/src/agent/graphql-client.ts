import http from 'node:http';
import https from 'node:https';

/** The API could not be reached or answered 5xx/429: worth retrying with backoff. */
export class TransientApiError extends Error {
  override name = 'TransientApiError';
}

/** The API answered with a GraphQL error (bad token, forbidden, invalid input): retrying will not help. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export interface GraphQLClientOptions {
  url: string;
  token: string;
  /** Per request; a hung connection counts as a network failure. */
  timeoutMs?: number;
}

export type Request = <T>(query: string, variables?: Record<string, unknown>, signal?: AbortSignal) => Promise<T>;

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * POSTs one operation with the bearer token; throws TransientApiError or ApiError, else returns `data`.
 * node:http(s) with a kept-alive connection, not `fetch`: a runner sends a request every half second while it
 * trains, and `fetch` (web streams, Request/Response/Headers objects, a combined abort signal) cost about twice
 * the CPU of a plain request (bench/runner/http-client.ts). The runner calls it on its network thread
 * (network/thread.ts); it works on any thread.
 */
export function createGraphQLClient(options: GraphQLClientOptions): Request {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const url = new URL(options.url);
  const transport = url.protocol === 'https:' ? https : http;
  // The API keeps idle connections for 65 s; a connection it closed anyway is a transient error, retried.
  const agent = new transport.Agent({ keepAlive: true, scheduling: 'lifo' });
  const authorization = `Bearer ${options.token}`;
  return async <T>(query: string, variables?: Record<string, unknown>, signal?: AbortSignal): Promise<T> => {
    const body = JSON.stringify({ query, variables });
    let reply: { status: number; text: string };
    try {
      reply = await post(transport, url, agent, { authorization, body, timeoutMs, signal });
    } catch (error) {
      const cause = error as { code?: string; message?: string };
      throw new TransientApiError(`cannot reach the API at ${options.url}: ${cause.code ?? cause.message}`);
    }
    if (reply.status >= 500 || reply.status === 429) {
      throw new TransientApiError(`the API at ${options.url} answered HTTP ${reply.status}`);
    }
    let parsed: GraphQLResponse<T>;
    try {
      parsed = JSON.parse(reply.text) as GraphQLResponse<T>;
    } catch {
      // A proxy's HTML page during a deploy, say: the API itself is not there yet.
      throw new TransientApiError(`the API at ${options.url} answered HTTP ${reply.status} with no GraphQL body`);
    }
    const first = parsed.errors?.[0];
    if (first) {
      const code = first.extensions?.code;
      if (code === 'INTERNAL_SERVER_ERROR') throw new TransientApiError(`the API failed: ${first.message}`);
      throw new ApiError(`the API refused the request: ${first.message}${code ? ` (${code})` : ''}`, code);
    }
    if (!parsed.data) throw new TransientApiError(`the API at ${options.url} answered HTTP ${reply.status} without data`);
    return parsed.data;
  };
}

/** One POST and its whole answer; rejects on a network error, after `timeoutMs`, or when `signal` aborts. */
function post(
  transport: typeof http | typeof https,
  url: URL,
  agent: http.Agent,
  args: { authorization: string; body: string; timeoutMs: number; signal: AbortSignal | undefined },
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const aborted = () => Object.assign(new Error('aborted'), { code: 'ABORTED' });
    if (args.signal?.aborted) return reject(aborted());
    const request = transport.request(url, {
      method: 'POST',
      agent,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(args.body),
        authorization: args.authorization,
      },
    });
    const timer = setTimeout(
      () => request.destroy(new Error(`no answer within ${args.timeoutMs / 1000} s`)),
      args.timeoutMs,
    );
    const onAbort = () => request.destroy(aborted());
    args.signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      args.signal?.removeEventListener('abort', onAbort);
    };
    request.once('error', (error) => {
      done();
      reject(error);
    });
    request.once('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.once('end', () => {
        done();
        resolve({ status: response.statusCode ?? 0, text });
      });
      response.once('error', (error) => {
        done();
        reject(error);
      });
    });
    request.end(args.body);
  });
}

/** Turns anything thrown into a one-line message, so a failed trial is recorded with a readable error. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}
