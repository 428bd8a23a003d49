import type { DbHandle } from '@tuneboard/db';

export interface Readiness {
  ready: boolean;
  /** Why not, in words that name no table, host or user: safe on the public port. */
  reason?: string;
}

/** How long `/readyz` waits for the database before answering "not ready". */
export const READY_TIMEOUT_MS = 2_000;

/**
 * `/readyz`: ready when the database answers and every committed migration is applied (a replica that
 * started before a newer replica migrated is still ready: its own migrations are all there). A load balancer or
 * Kubernetes sends traffic only to ready replicas; `/healthz` only says the process is up.
 */
export async function readiness(
  handle: Pick<DbHandle, 'pendingMigrations'>,
  timeoutMs = READY_TIMEOUT_MS,
): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const pending = await Promise.race([handle.pendingMigrations(), timeout]);
    if (pending === 'timeout')
      return { ready: false, reason: `the database did not answer within ${timeoutMs} ms` };
    if (pending.length > 0) return { ready: false, reason: `${pending.length} migration(s) not applied` };
    return { ready: true };
  } catch {
    return { ready: false, reason: 'the database is unreachable' };
  } finally {
    clearTimeout(timer);
  }
}
