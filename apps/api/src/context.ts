import type { Database, DbHandle } from '@tuneboard/db';
import type { Logger } from 'pino';
import type { HashSlots } from './auth/hash-slots.ts';
import type { SignInLimiter } from './auth/rate-limit.ts';
import type { TokenCache } from './auth/token-cache.ts';
import type { Viewer } from './auth/viewer.ts';
import type { ApiEnv } from './env.ts';
import type { EventHub } from './events.ts';
import type { Loaders } from './loaders.ts';

/** Long-lived services shared by every request of one API process. */
export interface Services {
  handle: DbHandle;
  db: Database;
  env: ApiEnv;
  events: EventHub;
  log: Logger;
  /** Failed sign-ins per account and per client address, shared by every replica (in the database). */
  signInLimiter: SignInLimiter;
  /** Bounds the password hashes computed at once. */
  hashSlots: HashSlots;
  /** API tokens looked up recently (revocations are broadcast to every replica). */
  tokens: TokenCache;
}

/** Per request (HTTP) or per operation (WebSocket). */
export interface Context extends Services {
  viewer: Viewer;
  loaders: Loaders;
  /** The client's address, for rate limits (from the trusted proxy header when one is configured). */
  clientAddress: string;
  /** Sets or clears the session cookie; undefined over WebSocket. */
  setCookie: ((value: string) => void) | undefined;
}
