/** One entry of a GraphQL response's `errors`. */
export interface GraphqlErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; retryAfterSeconds?: number };
}

/** A GraphQL request that came back with errors (not userErrors: those are data). */
export class GraphqlRequestError extends Error {
  readonly codes: string[];
  constructor(readonly errors: GraphqlErrorEntry[]) {
    super(errors.map((e) => e.message).join('; ') || 'GraphQL request failed');
    this.name = 'GraphqlRequestError';
    this.codes = errors.map((e) => e.extensions?.code ?? '').filter(Boolean);
  }
  has(code: string): boolean {
    return this.codes.includes(code);
  }
}

/** Anything thrown on the way to or from the API, as one readable sentence. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** What urql's CombinedError carries (kept structural so tests need no urql client). */
interface CombinedErrorLike {
  message: string;
  graphQLErrors?: readonly { message: string }[];
  networkError?: Error | undefined;
}

/**
 * A urql error as people should read it: the API's own messages, without urql's "[GraphQL]" / "[Network]"
 * prefixes, and a sentence instead of "undefined" when the API could not be reached.
 */
export function readableError(error: CombinedErrorLike): string {
  if (error.graphQLErrors?.length) return error.graphQLErrors.map((e) => e.message).join('; ');
  if (error.networkError) {
    const message = error.networkError.message;
    return message && message !== 'undefined' ? message : 'The API could not be reached; retrying.';
  }
  return error.message.replace(/^\[(GraphQL|Network)\]\s*/, '');
}
