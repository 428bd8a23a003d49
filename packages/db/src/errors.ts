/**
 * The name of the unique (or primary-key) constraint a failed statement violated, or undefined for any other
 * error. drizzle wraps the driver's error, so the cause chain is searched; both drivers report Postgres's
 * SQLSTATE 23505 and the constraint name.
 */
export function violatedConstraint(error: unknown): string | undefined {
  let current = error as { constraint?: string; code?: string; cause?: unknown } | undefined;
  while (current) {
    if (current.code === '23505' && current.constraint) return current.constraint;
    current = current.cause as typeof current;
  }
  return undefined;
}

/**
 * Whether a failed statement was cancelled: by `statement_timeout` (`'timeout'`) or by a cancel request
 * (`'cancelled'`, e.g. the client of the request went away: SQLSTATE 57014 either way, the message tells which),
 * or never started because its request was aborted (`DbHandle.cancellable`: an AbortError, `'cancelled'`).
 */
export function cancelledStatement(error: unknown): 'timeout' | 'cancelled' | undefined {
  let current = error as { code?: string; name?: string; message?: string; cause?: unknown } | undefined;
  while (current) {
    if (current.code === '57014') return /statement timeout/.test(current.message ?? '') ? 'timeout' : 'cancelled';
    if (current.name === 'AbortError') return 'cancelled';
    current = current.cause as typeof current;
  }
  return undefined;
}
