import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { Logger } from 'pino';
import { LIMITS, limitRules } from '../limits.ts';
import { assertAffordable, tooExpensive } from './cost.ts';
import { createErrorFormatter, type ErrorFormatter } from './errors.ts';
import { isCharged, type FairShare } from './fair-share.ts';

/**
 * The one path every operation takes, over HTTP (Apollo) and WebSocket (graphql-ws) alike: parsed with the
 * token limit, validated with the same rules (graphql's, the shape limits, no introspection in production),
 * costed with its coerced variables (refused with QUERY_TOO_EXPENSIVE before any resolver runs), its
 * response held to a size, and its errors formatted and masked by one formatter (pipeline/errors.ts).
 * Before, graphql-ws had its own rules and no formatting: introspection, "Did you mean …" and raw SQL in
 * errors all came back over WebSocket in production.
 */
export interface PipelineOptions {
  schema: GraphQLSchema;
  production: boolean;
  /** Most an operation may cost (pipeline/cost.ts). */
  maxCost: number;
  /** Most bytes of JSON one operation's result may take. */
  maxResponseBytes: number;
  log: Pick<Logger, 'error'>;
  /** Each caller's share of the server's time (pipeline/fair-share.ts), and who the caller of a context is. */
  fairShare: FairShare;
  principalOf: (context: BaseContext) => string;
}

export interface Pipeline {
  format: ErrorFormatter;
  /** The rules Apollo adds to graphql's own. */
  apolloRules: ValidationRule[];
  /** The cost check in Apollo's request pipeline, once the operation is known and before it executes. */
  apolloPlugin: ApolloServerPlugin<BaseContext>;
  /** Parses, validates and costs a WebSocket operation: its document, or the errors that refuse it. */
  prepare(payload: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null }): DocumentNode | GraphQLError[];
  /** The result to send, or an error in its place when it is over `maxResponseBytes` (`serialised`: its JSON). */
  bounded(serialised: string, requestId: string): string | undefined;
  /** A result formatted for the client: its errors masked, each with the request id. */
  formatResult(result: { data?: unknown; errors?: readonly GraphQLError[]; extensions?: Record<string, unknown> }, requestId: string): FormattedExecutionResult;
}

export function createPipeline(options: PipelineOptions): Pipeline {
  const { schema, production, maxCost, maxResponseBytes } = options;
  const format = createErrorFormatter(options.log, production);
  const apolloRules = limitRules(production);
  const wsRules = [...specifiedRules, ...apolloRules];
  return {
    format,
    apolloRules,
    apolloPlugin: {
      async requestDidStart({ contextValue }) {
        let started = performance.now();
        // Until the operation is known (it may never be: a parse or validation failure), the request is charged.
        let charged = true;
        let refusedFor = 0;
        let leave: (() => void) | undefined;
        return {
          async didResolveOperation({ document, operationName, request }) {
            charged = isCharged(document, operationName);
            if (charged) {
              const principal = options.principalOf(contextValue);
              try {
                options.fairShare.admit(principal);
                assertAffordable(schema, document, operationName, request.variables, maxCost);
                // Its turn among the caller's operations; the wait is not charged.
                leave = await options.fairShare.enter(principal);
                started = performance.now();
              } catch (error) {
                if ((error as GraphQLError).extensions?.code === 'RATE_LIMITED') refusedFor = Number((error as GraphQLError).extensions.retryAfterSeconds) || 1;
                throw error;
              }
              return;
            }
            assertAffordable(schema, document, operationName, request.variables, maxCost);
          },
          async willSendResponse() {
            leave?.();
            if (!charged) return;
            const principal = options.principalOf(contextValue);
            options.fairShare.charge(principal, performance.now() - started);
            if (refusedFor > 0) await options.fairShare.tarpit(principal, refusedFor);
          },
        };
      },
    },
    prepare(payload) {
      let document: DocumentNode;
      try {
        document = parse(payload.query, { maxTokens: LIMITS.maxTokens });
      } catch (error) {
        return [coded(error, 'GRAPHQL_PARSE_FAILED')];
      }
      let errors: readonly GraphQLError[];
      try {
        errors = validate(schema, document, wsRules);
      } catch (error) {
        // Some limit rules throw instead of reporting; either way the operation is refused with the reason.
        errors = [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
      }
      if (errors.length > 0) return errors.map((error) => coded(error, 'GRAPHQL_VALIDATION_FAILED'));
      try {
        assertAffordable(schema, document, payload.operationName, payload.variables, maxCost);
      } catch (error) {
        return [error as GraphQLError];
      }
      return document;
    },
    bounded(serialised, requestId) {
      // Length in UTF-16 units: the bytes of ASCII JSON, a lower bound otherwise.
      if (serialised.length <= maxResponseBytes) return undefined;
      const error = tooExpensive(`This operation's result is ${serialised.length} bytes, over the limit of ${maxResponseBytes}`);
      return JSON.stringify({ errors: [format(error, requestId)] });
    },
    formatResult(result, requestId) {
      const formatted: FormattedExecutionResult = { ...result, errors: undefined } as FormattedExecutionResult;
      if (result.errors) (formatted as { errors?: GraphQLFormattedError[] }).errors = result.errors.map((error) => format(error, requestId));
      else delete (formatted as { errors?: unknown }).errors;
      return formatted;
    },
  };
}

/** A GraphQLError with `code` unless it has one: over WebSocket, as Apollo codes them over HTTP. */
function coded(error: unknown, code: string): GraphQLError {
  const graphql = error instanceof GraphQLError ? error : new GraphQLError(String(error));
  if (graphql.extensions.code) return graphql;
  return new GraphQLError(graphql.message, { nodes: graphql.nodes, source: graphql.source, positions: graphql.positions, extensions: { ...graphql.extensions, code } });
}
