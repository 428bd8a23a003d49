import { addResolversToSchema } from '@graphql-tools/schema';
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { Context } from '../context.ts';
import { publishTokenRevoked } from '../events.ts';

interface RevokePayload {
  apiToken?: { id: string; revokedAt: Date | null } | null;
  userErrors?: unknown[];
}

/**
 * The schema as served, with `apiTokenRevoke` followed by the cache's part of revocation: the token leaves
 * this process's cache at once and every replica is told over LISTEN/NOTIFY. Wrapped here, on a copy of
 * the schema, so the token cache stays the server's concern and the resolver keeps doing only the update.
 */
export function withRevocationBroadcast(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getMutationType()?.getFields().apiTokenRevoke;
  if (!field) return schema;
  const revoke = (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, Context>;
  return addResolversToSchema({
    schema,
    updateResolversInPlace: false,
    resolvers: {
      Mutation: {
        apiTokenRevoke: async (parent: unknown, args: unknown, ctx: Context, info: Parameters<typeof revoke>[3]) => {
          const payload = (await revoke(parent, args as Record<string, unknown>, ctx, info)) as RevokePayload;
          const token = payload.apiToken;
          if (token?.revokedAt && (payload.userErrors?.length ?? 0) === 0) {
            ctx.tokens.forget(token.id);
            await publishTokenRevoked(ctx.db, token.id);
          }
          return payload;
        },
      },
    },
  });
}
