import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { pino, type Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { eq } from 'drizzle-orm';
import { study, type DbHandle } from '@tuneboard/db';
import { clientAddressOf } from './auth/client-address.ts';
import { HashSlots } from './auth/hash-slots.ts';
import { SignInLimiter } from './auth/rate-limit.ts';
import { TOKEN_CACHE_MS, TokenCache } from './auth/token-cache.ts';
import { anonymous, purgeExpiredSessions, resolveViewer, type Viewer } from './auth/viewer.ts';
import type { Context, Services } from './context.ts';
import type { ApiEnv } from './env.ts';
import { EventHub } from './events.ts';
import { createHttpHandler } from './http-handler.ts';
import { LIMITS, limitRules } from './limits.ts';
import { createLoaders } from './loaders.ts';
import { reapExpiredLeases } from './queue/lease.ts';
import { topUp } from './queue/scheduler.ts';
import { schema } from './schema.ts';

export interface ApiServer {
  /** `http://host:port/graphql` */
  url: string;
  port: number;
  services: Services;
  /** Stops accepting, finishes in-flight requests, closes sockets; the database handle stays open. */
  close(): Promise<void>;
}

/** Errors we raise on purpose pass through; anything else is logged and masked. */
function formatError(log: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown) => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    if (original instanceof GraphQLError || (code && code !== 'INTERNAL_SERVER_ERROR')) return formatted;
    log.error({ err: original }, 'unexpected error in a resolver');
    return production
      ? { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }
      : { ...formatted, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

export interface ServerOptions {
  /** How long a looked-up API token is trusted before asking the database again (0: never cached). */
  tokenCacheMs?: number;
}

/** Starts the API on one Node server: Apollo over HTTP and graphql-ws over WebSocket, both at /graphql. */
export async function startApiServer(
  handle: DbHandle,
  env: ApiEnv,
  log?: Logger,
  options: ServerOptions = {},
): Promise<ApiServer> {
  const logger = log ?? pino({ level: env.LOG_LEVEL });
  const production = env.NODE_ENV === 'production';
  const events = new EventHub(handle, { log: logger });
  await events.start();
  const tokens = new TokenCache(options.tokenCacheMs ?? TOKEN_CACHE_MS);
  // Revoked on any replica: forgotten here as soon as the notification arrives.
  events.onTokenRevoked((tokenId) => tokens.forget(tokenId));
  const services: Services = {
    handle,
    db: handle.db,
    env,
    events,
    log: logger,
    signInLimiter: new SignInLimiter(handle.db),
    hashSlots: new HashSlots(),
    tokens,
  };
  const origins = env.WEB_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean);

  // The request listener is set once Apollo has started (below).
  const httpServer = http.createServer();
  // Runners keep connections alive between reports; Node's default 5 s idle timeout closes a socket just as a
  // client reuses it (ECONNRESET and a retry with backoff). Idle sockets live longer than any client's pool.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: LIMITS.maxBodyBytes });
  // The HTTP server reports listen errors (a taken port) itself; the WebSocket server re-emits them.
  wsServer.on('error', () => {});
  const wsRules = [...specifiedRules, ...limitRules()];
  const wsCleanup = useServer<Record<string, unknown>, { request: http.IncomingMessage; viewer?: Viewer }>(
    {
      schema,
      onConnect: async (ctx) => {
        ctx.extra.viewer = await wsViewer(ctx.extra.request, ctx.connectionParams);
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: LIMITS.maxTokens });
          // Some limit rules throw instead of reporting; either way the operation is refused with the reason.
          const errors = validate(schema, document, wsRules);
          if (errors.length > 0) return errors;
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
        }
        // Re-resolved per operation, so a revoked token stops working on the next subscribe.
        const viewer = await wsViewer(ctx.extra.request, ctx.connectionParams);
        const contextValue: Context = {
          ...services,
          viewer,
          loaders: createLoaders(handle.db),
          clientAddress: clientAddressOf(ctx.extra.request, env),
          setCookie: undefined,
        };
        return {
          schema,
          document,
          variableValues: payload.variables ?? undefined,
          operationName: payload.operationName ?? undefined,
          contextValue,
        };
      },
    },
    wsServer,
  );

  async function wsViewer(request: http.IncomingMessage, params: Record<string, unknown> | undefined) {
    const authorization =
      typeof params?.authorization === 'string' ? params.authorization : (request.headers.authorization ?? undefined);
    // Cookies count only from the dashboard's origins: another site's page cannot ride a user's session.
    const origin = request.headers.origin;
    const cookie = origin === undefined || origins.includes(origin) ? request.headers.cookie : undefined;
    if (!authorization && !cookie) return anonymous;
    return resolveViewer(handle.db, { authorization, cookie }, tokens);
  }

  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth, flattenFragments: true },
    maxAliases: { n: LIMITS.maxAliases },
    costLimit: { maxCost: LIMITS.maxCost },
    // Token limits are enforced by graphql's own parser (`parseOptions` below), so that a syntax error is
    // still a 400 GRAPHQL_PARSE_FAILED; Armor's token plugin turns every parse error into a 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: LIMITS.maxDirectives },
    blockFieldSuggestion: { enabled: production },
  });
  const protection = armor.protect();
  const apollo = new ApolloServer<Context>({
    schema,
    ...protection,
    plugins: protection.plugins,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    csrfPrevention: true,
    formatError: formatError(logger, production),
  });
  await apollo.start();

  httpServer.on(
    'request',
    createHttpHandler<Context>({
      apollo,
      origins,
      maxBodyBytes: LIMITS.maxBodyBytes,
      health: () => ({ ok: true, database: handle.kind }),
      log: logger,
      context: async (request, response): Promise<Context> => ({
        ...services,
        viewer: await resolveViewer(handle.db, { authorization: request.headers.authorization, cookie: request.headers.cookie }, tokens),
        loaders: createLoaders(handle.db),
        clientAddress: clientAddressOf(request, env),
        setCookie: (value) => response.appendHeader('Set-Cookie', value),
      }),
    }),
  );

  // Expired leases go back to the queue; the studies they touched are topped up. Every SWEEP_EVERY ticks,
  // every running study is topped up too, so a top-up that failed (or ran on a replica that died) is redone,
  // and expired sessions are deleted. Every MAINTAIN_EVERY ticks an embedded database is vacuumed and
  // analyzed (`DbHandle.maintain`: autovacuum's job, which nobody does in PGlite; a no-op on Postgres).
  const SWEEP_EVERY = 6;
  const MAINTAIN_EVERY = 60;
  let tick = 0;
  let reaping = false;
  const reaper = setInterval(() => {
    if (reaping) return;
    reaping = true;
    tick += 1;
    const sweep = async () => {
      const touched = new Set(await reapExpiredLeases(handle.db, events));
      if (tick % SWEEP_EVERY === 0) {
        const running = await handle.db.select({ id: study.id }).from(study).where(eq(study.status, 'RUNNING'));
        for (const row of running) touched.add(row.id);
        await purgeExpiredSessions(handle.db);
        await services.signInLimiter.purge();
      }
      if (tick % MAINTAIN_EVERY === 0) {
        await handle.maintain().catch((error: unknown) => logger.warn({ err: error }, 'database housekeeping (VACUUM, ANALYZE) failed'));
      }
      for (const id of touched) {
        await topUp(handle.db, events, id).catch((error: unknown) => logger.warn({ err: error, studyId: id }, 'top-up failed'));
      }
    };
    sweep()
      .catch((error: unknown) => logger.warn({ err: error }, 'lease reaper failed; will retry'))
      .finally(() => {
        reaping = false;
      });
  }, env.REAPER_INTERVAL_MS);
  reaper.unref();

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(env.PORT, env.HOST, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const port = (httpServer.address() as AddressInfo).port;
  const host = env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    services,
    async close() {
      clearInterval(reaper);
      logger.debug('closing WebSocket connections');
      await wsCleanup.dispose();
      logger.debug('stopping HTTP: in-flight requests finish, idle connections close');
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections();
      await closed;
      logger.debug('HTTP closed; stopping Apollo');
      await apollo.stop();
      logger.debug('stopping event listeners');
      await events.stop();
    },
  };
}
