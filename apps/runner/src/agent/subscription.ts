import { createClient } from 'graphql-ws';
import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import { TRIALS_AVAILABLE } from './api.ts';
import { backoffDelay, sleep } from './backoff.ts';
import { errorMessage } from './graphql-client.ts';
import type { Logger } from './logger.ts';

export interface TrialsAvailableEvent {
  pending: number;
  study: { id: string };
}

export interface SubscriptionOptions {
  /** The HTTP GraphQL URL; the WebSocket is the same path over ws(s)://. */
  url: string;
  token: string;
  log: Logger;
  onEvent(event: TrialsAvailableEvent): void;
  /** (Re)connected: events may have been missed while the socket was down, so the caller claims once. */
  onConnected(): void;
}

/**
 * Subscribes to `trialsAvailable` over graphql-ws and stays subscribed: lost sockets reconnect forever with
 * jittered exponential backoff (up to 30 s). The slow poll of the claim loop covers whatever this misses.
 */
export function subscribeTrialsAvailable(options: SubscriptionOptions): { dispose(): Promise<void> } {
  const { log } = options;
  let connectedOnce = false;
  let stopped = false;
  let downSince: number | undefined;
  const client: Client = createClient({
    url: options.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${options.token}` },
    lazy: false,
    keepAlive: 15_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => sleep(backoffDelay(retries, { initialMs: 500, maxMs: 30_000 })),
    onNonLazyError: (error) => log.warn(`event stream stopped: ${describe(error)}; polling only`),
    on: {
      connected: () => {
        if (downSince !== undefined) log.info('event stream reconnected');
        else if (!connectedOnce) log.debug('event stream connected');
        connectedOnce = true;
        downSince = undefined;
        options.onConnected();
      },
      closed: (event) => {
        // Closed by dispose() on shutdown: nothing to warn about.
        if (stopped) return;
        if (downSince === undefined && connectedOnce) log.warn(`event stream closed (${describe(event)}); reconnecting, polling meanwhile`);
        downSince ??= Date.now();
      },
    },
  });
  const subscribe = () => {
    client.subscribe<{ trialsAvailable: TrialsAvailableEvent }>(
      { query: TRIALS_AVAILABLE },
      {
        next: (result) => {
          if (result.data?.trialsAvailable) options.onEvent(result.data.trialsAvailable);
          else if (result.errors?.length) log.warn(`event stream error: ${result.errors.map((e) => e.message).join('; ')}`);
        },
        error: (error) => {
          // An operation error (not a lost socket, which the client retries itself): try again later.
          if (stopped) return;
          log.warn(`event subscription failed: ${describe(error)}; polling, retrying in 30 s`);
          setTimeout(() => !stopped && subscribe(), 30_000).unref();
        },
        complete: () => {},
      },
    );
  };
  subscribe();
  return {
    async dispose() {
      stopped = true;
      await client.dispose();
    },
  };
}

function describe(error: unknown): string {
  if (Array.isArray(error)) return error.map((e: { message?: string }) => e.message ?? String(e)).join('; ');
  const close = error as { code?: number; reason?: string };
  if (typeof close?.code === 'number') return `code ${close.code}${close.reason ? `: ${close.reason}` : ''}`;
  return errorMessage(error);
}
