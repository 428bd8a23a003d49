import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { GraphqlRequestError, type GraphqlErrorEntry } from './errors.ts';

/**
 * One request to the dashboard's `/graphql` without a urql client (sign-in and sign-up pages live outside
 * the signed-in layout). The response's Set-Cookie passes through the dashboard's /graphql route to the browser.
 */
export async function browserRequest<R, V>(document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: R | null; errors?: GraphqlErrorEntry[] };
  if (body.errors?.length) throw new GraphqlRequestError(body.errors);
  if (!body.data) throw new Error(`/graphql answered HTTP ${response.status} without data`);
  return body.data;
}
