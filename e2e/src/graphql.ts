// One GraphQL POST over fetch with a session cookie or a bearer token: what the browser tests' stack and the
// benchmarks that drive a whole API process (bench:runner-overhead) send their setup requests with.

export interface GraphQLAuth {
  cookie?: string;
  token?: string;
}

/** POSTs `query` to the API at `url` and returns `data`; throws on any GraphQL error, naming them. */
export async function postGraphQL<T>(url: string, query: string, variables?: unknown, auth?: GraphQLAuth): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(auth?.cookie ? { cookie: auth.cookie } : {}),
      ...(auth?.token ? { authorization: `Bearer ${auth.token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}
