import { GraphQLError } from 'graphql';
import type { Viewer } from '../auth/viewer.ts';

/**
 * The WebSocket connections of this process, by who opened them: for the caps (sockets per principal,
 * operations per socket and per principal: 5,000 subscriptions on one socket were accepted before, each
 * holding a queue), and to act when access is lost. A socket's caller is re-resolved at most every
 * `VIEWER_TTL_MS` (sooner after a notification that its access changed), so every event of a subscription is
 * checked against the caller's current access (`currentViewer`); a socket whose session ended or whose token
 * was revoked (on any replica) is closed with 4403.
 */
export const WS_LIMITS = {
  socketsPerPrincipal: 50,
  operationsPerSocket: 50,
  operationsPerPrincipal: 200,
} as const;

/** How long a socket's re-resolved caller is trusted before asking again (bounded by its expiry). */
export const VIEWER_TTL_MS = 1_000;

/** Close code of a socket whose caller lost access (graphql-ws's Forbidden). */
export const ACCESS_LOST = 4403;

export interface TrackedSocket {
  close(code: number, reason: string): void;
}

interface Entry {
  principal: string;
  viewer: Viewer;
  resolve: () => Promise<Viewer>;
  fresh: { viewer: Viewer; until: number } | undefined;
  operations: Set<string>;
}

/** `user:<id>`, `token:<id>` or `anonymous:<address>`: whom the caps count. */
export function principalOf(viewer: Viewer, address: string): string {
  if (viewer.kind === 'user') return `user:${viewer.user.id}`;
  if (viewer.kind === 'token') return `token:${viewer.token.id}`;
  return `anonymous:${address}`;
}

function limited(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } });
}

export class SocketRegistry {
  private readonly sockets = new Map<TrackedSocket, Entry>();
  private readonly operations = new Map<string, number>();

  constructor(private readonly limits: typeof WS_LIMITS = WS_LIMITS) {}

  /** Registers a socket's caller; false when its principal already has the most sockets allowed. */
  open(socket: TrackedSocket, viewer: Viewer, address: string, resolve: () => Promise<Viewer>): boolean {
    const principal = principalOf(viewer, address);
    let count = 0;
    for (const entry of this.sockets.values()) if (entry.principal === principal) count += 1;
    if (count >= this.limits.socketsPerPrincipal) return false;
    this.sockets.set(socket, { principal, viewer, resolve, fresh: { viewer, until: Date.now() + VIEWER_TTL_MS }, operations: new Set() });
    return true;
  }

  /** Forgets a closed socket and its operations. */
  close(socket: TrackedSocket): void {
    const entry = this.sockets.get(socket);
    if (!entry) return;
    for (const id of [...entry.operations]) this.finish(socket, id);
    this.sockets.delete(socket);
  }

  /** Counts an operation against the caps; the error that refuses it when one is reached. */
  start(socket: TrackedSocket, id: string): GraphQLError | undefined {
    const entry = this.sockets.get(socket);
    if (!entry) return limited('This connection is closing.');
    if (entry.operations.size >= this.limits.operationsPerSocket) {
      return limited(`At most ${this.limits.operationsPerSocket} operations may be open on one connection; complete some first.`);
    }
    const open = this.operations.get(entry.principal) ?? 0;
    if (open >= this.limits.operationsPerPrincipal) {
      return limited(`At most ${this.limits.operationsPerPrincipal} operations may be open per user or API token; complete some first.`);
    }
    entry.operations.add(id);
    this.operations.set(entry.principal, open + 1);
    return undefined;
  }

  finish(socket: TrackedSocket, id: string): void {
    const entry = this.sockets.get(socket);
    if (!entry?.operations.delete(id)) return;
    const open = (this.operations.get(entry.principal) ?? 1) - 1;
    if (open > 0) this.operations.set(entry.principal, open);
    else this.operations.delete(entry.principal);
  }

  /**
   * The socket's caller as of now: re-resolved when the cached one is older than VIEWER_TTL_MS or was
   * invalidated. A caller who resolves as nobody any more (session ended or expired, token revoked or
   * expired) closes the socket.
   */
  async currentViewer(socket: TrackedSocket): Promise<Viewer> {
    const entry = this.sockets.get(socket);
    if (!entry) return { kind: 'anonymous' };
    const now = Date.now();
    if (entry.fresh && entry.fresh.until > now) return entry.fresh.viewer;
    const viewer = await entry.resolve();
    entry.fresh = { viewer, until: Math.min(now + VIEWER_TTL_MS, expiryOf(viewer) ?? Infinity) };
    if (viewer.kind === 'anonymous' && entry.viewer.kind !== 'anonymous') {
      socket.close(ACCESS_LOST, 'Access ended: sign in again');
    }
    return viewer;
  }

  /** A token was revoked: its sockets close. */
  tokenRevoked(tokenId: string): void {
    this.closeWhere((viewer) => viewer.kind === 'token' && viewer.token.id === tokenId, 'API token revoked');
  }

  /** A session ended (signed out, deleted): its sockets close. */
  sessionEnded(sessionId: string): void {
    this.closeWhere((viewer) => viewer.kind === 'user' && viewer.sessionId === sessionId, 'Signed out');
  }

  /** A user's memberships changed: their sockets re-resolve them before the next event. */
  membershipChanged(userId: string): void {
    for (const entry of this.sockets.values()) {
      if (entry.viewer.kind === 'user' && entry.viewer.user.id === userId) entry.fresh = undefined;
    }
  }

  private closeWhere(match: (viewer: Viewer) => boolean, reason: string): void {
    for (const [socket, entry] of this.sockets) {
      if (!match(entry.viewer)) continue;
      entry.fresh = { viewer: { kind: 'anonymous' }, until: Infinity };
      socket.close(ACCESS_LOST, reason);
    }
  }
}

function expiryOf(viewer: Viewer): number | undefined {
  return viewer.kind === 'token' ? viewer.token.expiresAt?.getTime() : undefined;
}
