import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { ValidationRule } from 'graphql';

/**
 * Query limits, the same over HTTP and WebSocket. The dashboard's largest query (the study page) is about
 * depth 6, 400 tokens and cost 300; these leave room for users' own queries while refusing fragment bombs
 * and alias floods before any resolver runs.
 */
export const LIMITS = {
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 5_000,
  maxTokens: 3_000,
  maxDirectives: 50,
  /** Request bodies above this are refused with 413. */
  maxBodyBytes: 2 * 1024 * 1024,
} as const;

/** Validation rules added to GraphQL's own, for graphql-ws (Apollo gets the same limits from GraphQL Armor). */
export function limitRules(): ValidationRule[] {
  return [
    maxDepthRule({ n: LIMITS.maxDepth, flattenFragments: true }),
    maxAliasesRule({ n: LIMITS.maxAliases }),
    costLimitRule({ maxCost: LIMITS.maxCost }),
    maxDirectivesRule({ n: LIMITS.maxDirectives }),
  ] as ValidationRule[];
}
