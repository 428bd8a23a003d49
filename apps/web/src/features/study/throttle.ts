// Reload pacing for the analysis panels. A debounce (wait until changes stop) never fires while a study streams
// an epoch report every few hundred milliseconds; a throttle reloads at most once per interval and always
// catches the last change.

/** Milliseconds to wait before following a change, given when the followed value last moved (ms since epoch). */
export function throttleDelay(lastFollowedAt: number | null, now: number, intervalMs: number): number {
  if (lastFollowedAt === null) return 0;
  return Math.max(0, lastFollowedAt + intervalMs - now);
}
