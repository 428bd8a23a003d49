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
  fetch?: typeof fetch;
}

export type Request = <T>(query: string, variables?: Record<string, unknown>, signal?: AbortSignal) => Promise<T>;

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** POSTs one operation with the bearer token; throws TransientApiError or ApiError, else returns `data`. */
export function createGraphQLClient(options: GraphQLClientOptions): Request {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const doFetch = options.fetch ?? fetch;
  return async <T>(query: string, variables?: Record<string, unknown>, signal?: AbortSignal): Promise<T> => {
    const timeout = AbortSignal.timeout(timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await doFetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
        body: JSON.stringify({ query, variables }),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      text = await response.text();
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const reason = timeout.aborted ? `no answer within ${timeoutMs / 1000} s` : (cause?.code ?? cause?.message ?? (error as Error).message);
      throw new TransientApiError(`cannot reach the API at ${options.url}: ${reason}`);
    }
    if (response.status >= 500 || response.status === 429) {
      throw new TransientApiError(`the API at ${options.url} answered HTTP ${response.status}`);
    }
    let body: GraphQLResponse<T>;
    try {
      body = JSON.parse(text) as GraphQLResponse<T>;
    } catch {
      // A proxy's HTML page during a deploy, say: the API itself is not there yet.
      throw new TransientApiError(`the API at ${options.url} answered HTTP ${response.status} with no GraphQL body`);
    }
    const first = body.errors?.[0];
    if (first) {
      const code = first.extensions?.code;
      if (code === 'INTERNAL_SERVER_ERROR') throw new TransientApiError(`the API failed: ${first.message}`);
      throw new ApiError(`the API refused the request: ${first.message}${code ? ` (${code})` : ''}`, code);
    }
    if (!body.data) throw new TransientApiError(`the API at ${options.url} answered HTTP ${response.status} without data`);
    return body.data;
  };
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
