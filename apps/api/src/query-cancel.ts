import type http from 'node:http';
import { GraphQLError } from 'graphql';
import { cancelledStatement } from '@tuneboard/db';

/**
 * A signal that aborts when the client of an HTTP request goes away before its answer was sent, so the
 * request's statements are cancelled (`DbHandle.cancellable`) instead of running on for nobody.
 */
export function clientGone(response: http.ServerResponse): AbortSignal {
  const controller = new AbortController();
  response.once('close', () => {
    if (!response.writableFinished) controller.abort();
  });
  return controller.signal;
}

/**
 * The error a client gets for a statement Postgres cancelled: QUERY_TIMEOUT when it ran past `statement_timeout`
 * (TUNEBOARD_STATEMENT_TIMEOUT_MS); QUERY_CANCELLED when its request's client left (nobody reads that one).
 * Undefined for any other error.
 */
export function cancellationError(error: unknown): GraphQLError | undefined {
  const why = cancelledStatement(error);
  if (why === 'timeout') {
    return new GraphQLError(
      'The query ran longer than the server allows (statement timeout) and was cancelled; ask for fewer trials or a narrower filter.',
      { extensions: { code: 'QUERY_TIMEOUT' } },
    );
  }
  if (why === 'cancelled') {
    return new GraphQLError('The query was cancelled: its client went away.', { extensions: { code: 'QUERY_CANCELLED' } });
  }
  return undefined;
}
