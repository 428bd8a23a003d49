import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, NoSchemaIntrospectionCustomRule, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * Query limits, the same over HTTP and WebSocket (pipeline/operation.ts). The shape limits run as validation
 * rules; the operation's cost (pipeline/cost.ts) runs after the variables are coerced, against
 * `TUNEBOARD_MAX_QUERY_COST`, and its response against `TUNEBOARD_MAX_RESPONSE_BYTES` (env.ts).
 */
export const LIMITS = {
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 3_000,
  maxDirectives: 50,
  /** Request bodies above this are refused with 413. */
  maxBodyBytes: 2 * 1024 * 1024,
  /**
   * Most a subscription may cost (pipeline/cost.ts): its selection runs for every event. The dashboard's cost
   * 2 to 15; a study's analysis (500) or a page of trials on every event is refused.
   */
  maxSubscriptionCost: 100,
} as const;

/**
 * Largest list a client may ask for, agreed across the API: resolvers refuse bigger arguments with a user
 * error naming the field (resolvers/list-limits.ts), and the operation cost (pipeline/cost.ts) multiplies by
 * the real arguments. A page of 500 trials × 2,000 points a curve is the most one field may carry (the cost
 * limit refuses most such pages anyway); 50 keys is more than a chart shows. `trials(first)`,
 * `metrics(maxPoints)`, `metrics(keys)` have their own, and so do the home page's `viewer.recentStudies(first)`
 * and `viewer.recentTrials(first)` (`recent`: a page of them, not an export), and so does `Trial.log.lines(first)`
 * (`logLines`: a trial's whole log is at most 1 MiB, and `TrialLog.text` gives it in one piece), and so does
 * `Study.trialColumns(from, to)` (`trialColumns`: a range of trial numbers read as columns, a few bytes a trial);
 * every other list uses `default`.
 */
export const LIST_MAX = { trials: 500, maxPoints: 2_000, metricKeys: 50, default: 500, recent: 50, logLines: 1_000, trialColumns: 5_000 } as const;

/**
 * Validation rules added to graphql's own (`specifiedRules`), on both transports: the shape limits, and in
 * production no introspection (the schema is not published).
 */
export function limitRules(production: boolean): ValidationRule[] {
  // Reported as validation errors, not thrown: a rule that throws out of `validate()` became Apollo's opaque
  // HTTP 500 (logged as an unexpected error, and never charged to the caller's fair share), where the same
  // document over WebSocket was refused with the limit named.
  // One error per limit and document (60 directives gave 60 copies of one message), without the library's
  // "Syntax Error: " prefix: the document parsed, a limit refused it.
  const reported = new WeakMap<ValidationContext, Set<string>>();
  const report = (limit: string) => ({
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        if (!context) return;
        const seen = reported.get(context) ?? new Set<string>();
        reported.set(context, seen);
        if (seen.has(limit)) return;
        seen.add(limit);
        context.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { nodes: error.nodes }));
      },
    ],
  });
  return [
    maxDepthRule({ n: LIMITS.maxDepth, flattenFragments: true, ...report('depth') }),
    maxAliasesRule({ n: LIMITS.maxAliases, ...report('aliases') }),
    maxDirectivesRule({ n: LIMITS.maxDirectives, ...report('directives') }),
    ...(production ? [NoSchemaIntrospectionCustomRule] : []),
  ] as ValidationRule[];
}
