import type { Database, DbHandle } from '@tuneboard/db';
import type { Logger } from 'pino';
import type { ArtifactStore } from './artifacts/store.ts';
import type { HashSlots } from './auth/hash-slots.ts';
import type { SignInLimiter } from './auth/rate-limit.ts';
import type { TokenCache } from './auth/token-cache.ts';
import type { Viewer } from './auth/viewer.ts';
import type { ApiEnv } from './env.ts';
import type { EventHub } from './events.ts';
import type { Loaders } from './loaders.ts';
import type { Lifecycle } from './lifecycle/lifecycle.ts';

/** Long-lived services shared by every request of one API process. */
export interface Services {
  handle: DbHandle;
  /** Where artifact bytes live (artifacts/store.ts): the data folder, or an S3-compatible bucket. */
  artifacts: ArtifactStore;
  /** User queries; per HTTP request, statements are cancelled when the client goes away (`DbHandle.cancellable`). */
  db: Database;
  /** The runner protocol's own pool (`DbHandle.protocolDb`): claims and reports are never queued behind reads. */
  protocolDb: Database;
  env: ApiEnv;
  events: EventHub;
  log: Logger;
  /** Failed sign-ins per account and per client address, shared by every replica (in the database). */
  signInLimiter: SignInLimiter;
  /** Bounds the password hashes computed at once. */
  hashSlots: HashSlots;
  /** API tokens looked up recently (revocations are broadcast to every replica). */
  tokens: TokenCache;
  /** The trial lifecycle's per-server parts: the scheduler with its sampler pool and plans, caches, the reaper. */
  lifecycle: Lifecycle;
}

/** Per request (HTTP) or per operation (WebSocket). */
export interface Context extends Services {
  viewer: Viewer;
  loaders: Loaders;
  /** The client's address, for rate limits (from the trusted proxy header when one is configured). */
  clientAddress: string;
  /** Aborts when the HTTP client went away before its answer; undefined over WebSocket. */
  signal?: AbortSignal;
  /** Sets or clears the session cookie; undefined over WebSocket. */
  setCookie: ((value: string) => void) | undefined;
  /** This request's id (`extensions.requestId` of its errors, the `x-request-id` header, the log). */
  requestId: string;
  /**
   * The caller as of now, for operations that outlive a request (subscriptions re-check access on every
   * event, pipeline/reauthorize.ts); undefined over HTTP, where `viewer` is always current.
   */
  currentViewer: (() => Promise<Viewer>) | undefined;
}
