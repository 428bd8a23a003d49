// Messages between the runner's training thread and its network thread (worker_threads, structured clone).

/** Training thread → network thread. */
export type ToNetwork =
  | { type: 'request'; id: number; query: string; variables?: Record<string, unknown> }
  /** The caller's signal aborted: drop the connection of request `id`. */
  | { type: 'cancel'; id: number };

/** How a request failed, so the training thread can throw the same error class the in-thread client throws. */
export interface WireError {
  kind: 'transient' | 'api' | 'other';
  message: string;
  code?: string;
}

/** Network thread → training thread. */
export type FromNetwork = { type: 'reply'; id: number; data: unknown } | { type: 'error'; id: number; error: WireError };

/** What the network thread needs to make requests (its `workerData`). */
export interface NetworkThreadData {
  url: string;
  token: string;
  timeoutMs?: number;
}
