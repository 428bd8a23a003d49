/** The children the launcher runs. */
export type ChildName = 'api' | 'web' | 'runner';

/**
 * The order children stop in: the runner first, so it releases or finishes its trial while the API still
 * answers; then the dashboard; the API last, so its database closes after everyone stopped writing.
 */
const stopRank: Record<ChildName, number> = { runner: 0, web: 1, api: 2 };

export function shutdownOrder(running: readonly ChildName[]): ChildName[] {
  return [...new Set(running)].sort((a, b) => stopRank[a] - stopRank[b]);
}

/**
 * What a signal means: the first stops cleanly, a second kills. One Ctrl-C can arrive twice (the terminal
 * signals the whole foreground group, and npm/tsx relay it too), so a repeat within `echoMs` is the same press.
 */
export function signalAction(firstAt: number | null, now: number, echoMs = 1_000): 'graceful' | 'echo' | 'kill' {
  if (firstAt === null) return 'graceful';
  return now - firstAt < echoMs ? 'echo' : 'kill';
}
