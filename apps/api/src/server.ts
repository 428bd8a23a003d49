import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { pino, type Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { DbHandle } from '@tuneboard/db';
import { artifactRoute } from './artifacts/artifact-route.ts';
import { createArtifactStore } from './artifacts/create-store.ts';
import { keyHasArtifact } from './artifacts/service.ts';
import { clientAddressOf } from './auth/client-address.ts';
import { HashSlots } from './auth/hash-slots.ts';
import { SignInLimiter } from './auth/rate-limit.ts';
import { TOKEN_CACHE_MS, TokenCache } from './auth/token-cache.ts';
import { anonymous, purgeExpiredSessions, resolveViewer, type Viewer } from './auth/viewer.ts';
import type { Context, Services } from './context.ts';
import type { ApiEnv } from './env.ts';
import { EventHub } from './events.ts';
import { createHttpHandler } from './http-handler.ts';
import { LIMITS } from './limits.ts';
import { clientGone } from './query-cancel.ts';
import { createLoaders } from './loaders.ts';
import { internalError, newRequestId } from './pipeline/errors.ts';
import { FairShare, isCharged } from './pipeline/fair-share.ts';
import { readiness } from './ops/readiness.ts';
import { createPipeline } from './pipeline/operation.ts';
import { SocketRegistry, principalOf, type TrackedSocket } from './pipeline/sockets.ts';
import { createLifecycle } from './lifecycle/lifecycle.ts';
import { schema } from './schema.ts';

export interface ApiServer {
  /** `http://host:port/graphql` */
  url: string;
  port: number;
  services: Services;
  /** Stops accepting, finishes in-flight requests, closes sockets; the database handle stays open. */
  close(): Promise<void>;
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
  const sockets = new SocketRegistry();
  // Revoked on any replica: forgotten here as soon as the notification arrives, and its sockets closed.
  events.onTokenRevoked((tokenId) => {
    tokens.forget(tokenId);
    sockets.tokenRevoked(tokenId);
  });
  events.onAccessChanged((change) => {
    if (change.kind === 'session-ended') sockets.sessionEnded(change.sessionId);
    else sockets.membershipChanged(change.userId);
  });
  const fairShare = new FairShare({ msPerSecond: env.TUNEBOARD_FAIR_SHARE_MS_PER_S, burstMs: env.TUNEBOARD_FAIR_SHARE_BURST_MS });
  const pipeline = createPipeline({
    schema,
    production,
    maxCost: env.TUNEBOARD_MAX_QUERY_COST,
    maxResponseBytes: env.TUNEBOARD_MAX_RESPONSE_BYTES,
    log: logger,
    fairShare,
    principalOf: (context) => principalOf((context as Context).viewer, (context as Context).clientAddress),
  });
  const artifacts = createArtifactStore(env);
  const signInLimiter = new SignInLimiter(handle.db);
  // The trial lifecycle's per-server parts: scheduler (sampler pool, parsed plans), claim cache, lease reaper
  // and sweeps (lifecycle/lifecycle.ts); closed with the server.
  const lifecycle = createLifecycle({
    handle,
    events,
    env,
    log: logger,
    sweeps: [() => purgeExpiredSessions(handle.protocolDb), () => signInLimiter.purge()],
  });
  const services: Services = {
    handle,
    artifacts: artifacts.store,
    db: handle.db,
    protocolDb: handle.protocolDb,
    env,
    events,
    log: logger,
    signInLimiter,
    hashSlots: new HashSlots(),
    tokens,
    lifecycle,
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
  type SocketExtra = {
    request: http.IncomingMessage;
    socket: TrackedSocket;
    /** The request id of each open operation, for its errors. */
    requestIds?: Map<string, string>;
    /**
     * Each charged operation's caller, start and place among the caller's operations (pipeline/fair-share.ts),
     * charged and given back when it ends.
     */
    charged?: Map<string, { principal: string; started: number; leave: () => void }>;
    /** Set when the socket closed: an operation that waited for its place past it gives the place back. */
    closed?: boolean;
  };
  /** Charges a WebSocket operation's time to its caller when it ends, and gives its place back. */
  const chargeOperation = (extra: SocketExtra, id: string) => {
    const entry = extra.charged?.get(id);
    if (!entry) return;
    extra.charged!.delete(id);
    entry.leave();
    fairShare.charge(entry.principal, performance.now() - entry.started);
  };
  const wsCleanup = useServer<Record<string, unknown>, SocketExtra>(
    {
      schema,
      onConnect: async (ctx) => {
        const { request, socket } = ctx.extra;
        const address = clientAddressOf(request, env);
        let viewer: Viewer;
        try {
          viewer = await wsViewer(request, ctx.connectionParams);
        } catch (error) {
          const requestId = newRequestId();
          logger.error({ err: error, requestId }, 'resolving the caller of a WebSocket connection failed');
          socket.close(4500, internalError(requestId).message);
          return false;
        }
        if (!sockets.open(socket, viewer, address, () => wsViewer(request, ctx.connectionParams))) {
          socket.close(4429, 'Too many connections for this user or API token');
          return false;
        }
        ctx.extra.requestIds = new Map();
        return true;
      },
      onClose: (ctx) => {
        ctx.extra.closed = true;
        sockets.close(ctx.extra.socket);
        // Operations cut off by the close give their places back (charged for the time they ran).
        for (const id of [...(ctx.extra.charged?.keys() ?? [])]) chargeOperation(ctx.extra, id);
      },
      onSubscribe: async (ctx, id, payload) => {
        const { request, socket } = ctx.extra;
        const requestId = newRequestId();
        ctx.extra.requestIds?.set(id, requestId);
        const document = pipeline.prepare(payload);
        if (Array.isArray(document)) return document;
        try {
          // Re-resolved per operation, so a revoked token stops working on the next subscribe.
          const viewer = await wsViewer(request, ctx.connectionParams);
          if (isCharged(document, payload.operationName)) {
            const principal = principalOf(viewer, clientAddressOf(request, env));
            let leave: () => void;
            try {
              fairShare.admit(principal);
              leave = await fairShare.enter(principal);
            } catch (error) {
              return [error as GraphQLError];
            }
            if (ctx.extra.closed) {
              leave();
              return [new GraphQLError('The connection closed while the operation waited for its turn')];
            }
            (ctx.extra.charged ??= new Map()).set(id, { principal, started: performance.now(), leave });
          }
          const refused = sockets.start(socket, id);
          if (refused) return [refused];
          const contextValue: Context = {
            ...services,
            viewer,
            loaders: createLoaders(handle.db),
            clientAddress: clientAddressOf(request, env),
            setCookie: undefined,
            requestId,
            currentViewer: () => sockets.currentViewer(socket),
          };
          return {
            schema,
            document,
            variableValues: payload.variables ?? undefined,
            operationName: payload.operationName ?? undefined,
            contextValue,
          };
        } catch (error) {
          // Formatted (masked, logged) by onError like every other error.
          return [new GraphQLError('Setting up the operation failed', { originalError: error as Error })];
        }
      },
      onNext: (ctx, id, _payload, _args, result) => {
        const requestId = ctx.extra.requestIds?.get(id) ?? newRequestId();
        const formatted = pipeline.formatResult(result, requestId);
        const oversized = pipeline.bounded(JSON.stringify(formatted), requestId);
        return oversized ? (JSON.parse(oversized) as typeof formatted) : formatted;
      },
      onError: (ctx, id, _payload, errors) => {
        const requestId = ctx.extra.requestIds?.get(id) ?? newRequestId();
        ctx.extra.requestIds?.delete(id);
        sockets.finish(ctx.extra.socket, id);
        chargeOperation(ctx.extra, id);
        return errors.map((error) => pipeline.format(error, requestId));
      },
      onComplete: (ctx, id) => {
        ctx.extra.requestIds?.delete(id);
        sockets.finish(ctx.extra.socket, id);
        chargeOperation(ctx.extra, id);
      },
    },
    wsServer,
  );

  /**
   * Where a caller is looked up: API tokens (runners among them) on the runner protocol's pool, so a flood of
   * reads never keeps a runner from authenticating; sessions (people at the dashboard) on the dashboard's pool,
   * so a flood of a person's requests does not queue the runners' claims behind its session lookups.
   */
  function callerDb(authorization: string | undefined) {
    return authorization ? handle.protocolDb : handle.db;
  }

  async function wsViewer(request: http.IncomingMessage, params: Record<string, unknown> | undefined) {
    const authorization =
      typeof params?.authorization === 'string' ? params.authorization : (request.headers.authorization ?? undefined);
    // Cookies count only from the dashboard's origins: another site's page cannot ride a user's session.
    const origin = request.headers.origin;
    const cookie = origin === undefined || origins.includes(origin) ? request.headers.cookie : undefined;
    if (!authorization && !cookie) return anonymous;
    return resolveViewer(callerDb(authorization), { authorization, cookie }, tokens);
  }

  const apollo = new ApolloServer<Context>({
    schema,
    validationRules: pipeline.apolloRules,
    plugins: [pipeline.apolloPlugin],
    // Token limits are enforced by graphql's own parser, so that a syntax error is a 400 GRAPHQL_PARSE_FAILED.
    parseOptions: { maxTokens: LIMITS.maxTokens },
    // Introspection is refused by the pipeline's rules in production (over WebSocket too).
    introspection: true,
    includeStacktraceInErrorResponses: !production,
    csrfPrevention: true,
    formatError: (_formatted, error) => pipeline.format(error),
  });
  await apollo.start();

  httpServer.on(
    'request',
    createHttpHandler<Context>({
      apollo,
      origins,
      maxBodyBytes: LIMITS.maxBodyBytes,
      health: () => ({ ok: true, database: handle.kind }),
      ready: () => readiness(handle),
      log: logger,
      pipeline,
      artifacts:
        artifacts.filesystem && artifacts.signer
          ? artifactRoute(artifacts.filesystem, artifacts.signer, logger, (key) => keyHasArtifact(handle.db, key))
          : undefined,
      context: async (request, response, requestId): Promise<Context> => {
        const signal = clientGone(response);
        const db = handle.cancellable(signal);
        return {
          ...services,
          db,
          signal,
          // A cheap keyed read every request needs: on the protocol's pool, so a runner's token is never queued
          // behind the dashboard's reads.
          viewer: await resolveViewer(callerDb(request.headers.authorization), { authorization: request.headers.authorization, cookie: request.headers.cookie }, tokens),
          loaders: createLoaders(db),
          clientAddress: clientAddressOf(request, env),
          setCookie: (value) => response.appendHeader('Set-Cookie', value),
          requestId,
          currentViewer: undefined,
        };
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(env.PORT, env.HOST, () => {
      httpServer.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await lifecycle.close();
    throw error;
  });
  const port = (httpServer.address() as AddressInfo).port;
  const host = env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    services,
    async close() {
      logger.debug('stopping the lease reaper');
      await lifecycle.reaper.stop();
      logger.debug('closing WebSocket connections');
      await wsCleanup.dispose();
      logger.debug('stopping HTTP: in-flight requests finish, idle connections close');
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections();
      await closed;
      logger.debug('HTTP closed; stopping Apollo');
      await apollo.stop();
      logger.debug('stopping the sampler threads; stopping event listeners');
      await lifecycle.close();
      await events.stop();
      await artifacts.store.close();
    },
  };
}
