/** A GraphQL error the API answered with, or a user error of a mutation payload. */
export class ApiError extends Error {}

export interface UserError {
  field: string[];
  message: string;
  code: string;
}

/**
 * A minimal GraphQL client over fetch: keeps the session cookie the API sets on sign-up/sign-in, or sends a
 * bearer token. The launcher talks to the API this way only, like any other client.
 */
export class GraphqlClient {
  private cookie: string | undefined;

  constructor(
    readonly url: string,
    private readonly token?: string,
  ) {}

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (this.cookie) headers.cookie = this.cookie;
    const response = await fetch(this.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) this.cookie = cookies.map((c) => c.split(';')[0]).join('; ');
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join('; '));
    if (!body.data) throw new ApiError(`the API answered ${response.status} without data`);
    return body.data;
  }
}

/** Throws the payload's user errors as one message naming each field. */
export function assertNoUserErrors(what: string, errors: UserError[]): void {
  if (errors.length === 0) return;
  const text = errors.map((e) => `${e.field.join('.') || '(input)'}: ${e.message} [${e.code}]`).join('; ');
  throw new ApiError(`${what} failed: ${text}`);
}

/** Waits until the API answers `{ __typename }`, checking `alive` so a crashed API fails fast. */
export async function waitForApi(url: string, alive: () => boolean, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!alive()) throw new ApiError('the API exited before it answered');
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new ApiError(`the API did not answer at ${url} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
