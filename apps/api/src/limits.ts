import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { ValidationRule } from 'graphql';

/**
 * Query limits, the same over HTTP and WebSocket. Measured with GraphQL Armor's cost rule: the example
 * queries of docs/graphql.md cost 26–273, and list sizes count (`trials(first: 1000)` with four fields costs
 * about 18,000). These leave room for a page of a thousand trials while refusing fragment bombs (cost ~1e20)
 * and alias floods before any resolver runs.
 */
export const LIMITS = {
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 50_000,
  maxTokens: 3_000,
  maxDirectives: 50,
  /** Request bodies above this are refused with 413. */
  maxBodyBytes: 2 * 1024 * 1024,
} as const;

/**
 * Largest list a client may ask for, agreed across the API: resolvers refuse bigger arguments with a user
 * error naming the field, and the operation cost (pipeline/cost.ts) multiplies by the real arguments up to
 * these maxima. `trials(first)`, `metrics(maxPoints)`, `metrics(keys)` have their own; every other list uses
 * `default`.
 */
export const LIST_MAX = { trials: 500, maxPoints: 2000, metricKeys: 50, default: 500 } as const;

/** Validation rules added to GraphQL's own, for graphql-ws (Apollo gets the same limits from GraphQL Armor). */
export function limitRules(): ValidationRule[] {
  return [
    maxDepthRule({ n: LIMITS.maxDepth, flattenFragments: true }),
    maxAliasesRule({ n: LIMITS.maxAliases }),
    costLimitRule({ maxCost: LIMITS.maxCost }),
    maxDirectivesRule({ n: LIMITS.maxDirectives }),
  ] as ValidationRule[];
}
