/** One entry of a GraphQL response's `errors`. */
export interface GraphqlErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string };
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
