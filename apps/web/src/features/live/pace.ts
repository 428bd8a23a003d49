// How often the study page applies a batch of live events. Every batch re-renders what is on screen (summary,
// chart, table), and that cost grows with the study: a fixed spacing either wastes frames on a small study or
// keeps a big one busy. The pacer measures what the last renders cost and spaces batches so that rendering
// takes at most BUSY_SHARE of the main thread, never less than a frame for a small study, never more than
// MAX_INTERVAL_MS (events then show up within two seconds at worst).

/** The share of the main thread live updates may take. */
export const BUSY_SHARE = 0.1;
/** The longest wait between two batches. */
export const MAX_INTERVAL_MS = 2_000;
/** Longer than any render: a measurement past it spans more than one render (a batch that changed nothing). */
const MAX_RENDER_MS = 10_000;
/** Weight of the newest render in the running estimate (renders vary; one slow frame should not decide). */
const WEIGHT = 0.3;

/** Least spacing by size alone, before any render was measured: every frame for a small study, up to 1 s at 100,000. */
export function baseInterval(trials: number): number {
  return trials < 2_000 ? 0 : Math.min(1_000, trials / 100);
}

export interface Pacer {
  /** A batch's render took `ms` (from its dispatch to its layout effects). */
  record(ms: number): void;
  /** The least time from the start of one batch to the next, for a study of `trials` trials. */
  interval(trials: number): number;
}

export function createPacer(): Pacer {
  let estimate: number | null = null;
  return {
    record(ms) {
      if (!Number.isFinite(ms) || ms < 0 || ms > MAX_RENDER_MS) return;
      estimate = estimate === null ? ms : estimate + WEIGHT * (ms - estimate);
    },
    interval(trials) {
      // Batches start `interval` apart: a render of r ms every r / BUSY_SHARE ms keeps the page busy BUSY_SHARE.
      const measured = estimate === null ? 0 : estimate / BUSY_SHARE;
      return Math.min(MAX_INTERVAL_MS, Math.max(baseInterval(trials), measured));
    },
  };
}
