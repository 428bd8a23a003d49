import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { env } from '@/env';
import { GraphqlRequestError, type GraphqlErrorEntry } from './errors.ts';

interface Response<R> {
  data?: R | null;
  errors?: GraphqlErrorEntry[];
}

/**
 * Calls the API from the dashboard's server (server components, server actions) as the signed-in person:
 * the browser's cookie is forwarded. No Origin header is sent: the API trusts a cookie from a request
 * without one (a browser always sends Origin on cross-site POSTs, so only servers omit it).
 */
async function execute<R, V>(document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
  const incoming = await headers();
  const cookie = incoming.get('cookie');
  const response = await fetch(env.apiUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify({ query: print(document), variables }),
    cache: 'no-store',
  });
  let body: Response<R>;
  try {
    body = (await response.json()) as Response<R>;
  } catch {
    throw new Error(`The API at ${env.apiUrl} answered HTTP ${response.status} without a GraphQL body`);
  }
  if (body.errors?.length) {
    const error = new GraphqlRequestError(body.errors);
    if (error.has('UNAUTHENTICATED')) redirect('/sign-in');
    if (error.has('NOT_FOUND')) notFound();
    throw error;
  }
  if (!body.data) throw new Error(`The API at ${env.apiUrl} answered HTTP ${response.status} without data`);
  return body.data;
}

/** A query from a server component; redirects to /sign-in when the session is gone. */
export function serverQuery<R, V>(document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
  return execute(document, variables);
}

/** A mutation from a server action; business errors come back as `userErrors` in the result. */
export function serverMutation<R, V>(document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
  return execute(document, variables);
}
