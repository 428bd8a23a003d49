import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { cancellationError } from '../query-cancel.ts';

/**
 * How every GraphQL error leaves the server, over HTTP and WebSocket alike. Each request (an HTTP request, a
 * WebSocket operation) has an id: returned as `extensions.requestId` on every error and as the `x-request-id`
 * header, and logged with the details of anything masked, so a user's report finds the log line.
 *
 * An error raised on purpose (a GraphQLError of ours, or one of graphql's and Apollo's own with a code:
 * validation, parsing, bad variables) passes with its message. Anything else (a failed SQL statement in a
 * resolver or while resolving the caller, a bug) is logged and, in production, replaced by
 * `INTERNAL_SERVER_ERROR` with no detail; in development its message stays, for the developer. Production
 * also drops graphql's "Did you mean …?" hints, which would spell out the schema with introspection off.
 */
export const REQUEST_ID_HEADER = 'x-request-id';

const requests = new AsyncLocalStorage<string>();

export function newRequestId(): string {
  return randomUUID();
}

/** Runs `work` with `requestId` as the current request's id (read by the error formatter). */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return requests.run(requestId, work);
}

export function currentRequestId(): string | undefined {
  return requests.getStore();
}

/** The error of something that failed inside the server: no detail, the request id to quote. */
export function internalError(requestId: string | undefined): GraphQLFormattedError {
  return {
    message: `Internal server error${requestId ? ` (request ${requestId})` : ''}`,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
  };
}

/** The error at the root of `error`'s chain: what was thrown before graphql or Apollo wrapped it. */
function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 10 && current instanceof GraphQLError && current.originalError; depth += 1) {
    current = current.originalError;
  }
  return current;
}

const SUGGESTION = /\s*Did you mean .*\?$/;

export type ErrorFormatter = (error: unknown, requestId?: string) => GraphQLFormattedError;

export function createErrorFormatter(log: Pick<Logger, 'error'>, production: boolean): ErrorFormatter {
  return (error, requestId = currentRequestId()) => {
    // A statement Postgres cancelled (timeout, or its client left) is the user's to know about, not a bug.
    const cancelled = cancellationError(rootCause(error));
    if (cancelled) {
      const path = error instanceof GraphQLError ? error.path : undefined;
      return { message: cancelled.message, ...(path ? { path } : {}), extensions: { ...cancelled.extensions, ...(requestId ? { requestId } : {}) } };
    }
    const top = error instanceof GraphQLError ? error : undefined;
    const cause = rootCause(error);
    const code = (cause instanceof GraphQLError ? cause.extensions.code : undefined) ?? top?.extensions.code;
    // Raised on purpose: the root of the chain is a GraphQLError, or a wrapper says what kind of user error
    // it is. Apollo's "Context creation failed" and graphql's located errors wrap plain errors: masked.
    const expected =
      cause instanceof GraphQLError || (top !== undefined && typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR');
    if (!expected || !top) {
      log.error({ err: cause, requestId }, 'unexpected error');
      if (production) return internalError(requestId);
      const message = cause instanceof Error ? cause.message : String(cause);
      return { ...top?.toJSON(), message, extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) } };
    }
    const formatted = top.toJSON();
    const extensions: Record<string, unknown> = { ...(cause instanceof GraphQLError ? cause.extensions : {}), ...formatted.extensions };
    // Apollo's status hints are for the HTTP layer, not the client.
    delete extensions.http;
    if (typeof code === 'string') extensions.code = code;
    if (requestId) extensions.requestId = requestId;
    const message = production ? formatted.message.replace(SUGGESTION, '') : formatted.message;
    return { ...formatted, message, extensions };
  };
}
