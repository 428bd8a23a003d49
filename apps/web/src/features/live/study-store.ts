// The study page's live store: one list of trials and the study's status, fed by snapshots (queries) and by the
// study's numbered events. Pure: the hook feeds it, tests feed it sequences. Every panel of the page (summary,
// table, charts, CSV) reads this one store, so they never disagree.
//
// Convergence rules:
// - Events are numbered per study (`seq` 1, 2, 3 …, in delivery order). One at or below the store's `seq` is old
//   or a duplicate: ignored. The next number is applied. A number skipped is a gap: the store turns `stale`.
// - A SYNC event (first on every subscription, so after every reconnect) whose number differs from the store's
//   means the store missed something (a page restored from the back/forward cache, a WebSocket that was down):
//   `stale` too.
// - While stale, events are held, not shown: the view keeps its last whole state until a snapshot replaces it,
//   then the held events numbered above the snapshot's `seq` are applied on top. No panel ever shows a mix.
// - A trial never moves backwards: a copy with a lower (attempt, state) rank than the one held is older and is
//   ignored (several API replicas send events, a snapshot may be read after a newer event).
// - Events that leave the study COMPLETED with a trial unfinished contradict the server (it completes a study only
//   when none is left): the store turns stale and reads the view again.
// - A partial snapshot (the first trials of a big study, rendered by the server) starts the store `partial` and
//   `stale`: it is shown at once, the whole snapshot is read, events wait for it. A partial snapshot never
//   replaces a whole store (a newer one only marks it stale).
// - The events of one batch (one animation frame) copy the trial list once, and find trials by number
//   (binary search): an event costs O(log n), not a copy of a 100,000-trial list.
import type { ChartTrial, TrialState } from '@/charts';

export type StudyStatus = 'RUNNING' | 'PAUSED' | 'COMPLETED' | 'STOPPED' | 'FAILED';
export type LiveEventKind =
  | 'TRIAL_CREATED'
  | 'TRIAL_CLAIMED'
  | 'TRIAL_REPORTED'
  | 'TRIAL_FINISHED'
  | 'STUDY_STATUS'
  | 'STUDY_UPDATED'
  | 'TRIAL_UPDATED'
  | 'TRIAL_LOGGED'
  | 'SYNC';

/** A trial as the store holds it: the charts' trial plus its attempt (for ordering copies). */
export type LiveTrial = ChartTrial & { attempt: number };

export interface LiveEvent {
  kind: LiveEventKind;
  seq: number;
  trial: LiveTrial | null;
  /** The study's status when the event was delivered, and why it failed if it did. */
  status: StudyStatus | null;
  failureReason?: string | null;
}

export interface Snapshot {
  /** `Study.eventSeq`, read before the trials: they reflect every event up to it. */
  seq: number;
  status: StudyStatus;
  failureReason: string | null;
  trials: readonly LiveTrial[];
  /** Only the first trials of the study (the server's first range): the rest is still to read. */
  partial?: boolean;
  /** The study's trial count as read with it (plans the ranges of the next read; a hint, not a promise). */
  total?: number;
}

export interface StudyStore {
  seq: number;
  status: StudyStatus;
  failureReason: string | null;
  /** By trial number. */
  trials: LiveTrial[];
  /** A gap or a SYNC ahead of `seq` was seen: a snapshot is wanted, events are held meanwhile. */
  stale: boolean;
  held: LiveEvent[];
  /** Bumped whenever a trial's metrics may have changed (reports, finishes, snapshots): curve panels follow it. */
  metricsVersion: number;
  /** The trials are the first of the study only (a partial snapshot): counts come from the server meanwhile. */
  partial: boolean;
  /**
   * Bumped by every new reason to read the view again (a gap, a SYNC ahead, a contradiction), stale or not: a
   * snapshot already on its way may have been read before what the reason says was missed (a SYNC after a
   * reconnect, while the read that an earlier gap asked for is still out), so the hook asks for one more.
   */
  asks: number;
}

/** Held events stop growing here; past it the next snapshot is read again anyway. */
const MAX_HELD = 5_000;

const FINISHED: ReadonlySet<TrialState> = new Set(['COMPLETE', 'PRUNED', 'FAIL', 'CANCELLED']);

/** A trial copy's place in its life: later attempts first, then PENDING < RUNNING < finished. */
export function trialRank(trial: Pick<LiveTrial, 'attempt' | 'state'>): number {
  const state = FINISHED.has(trial.state) ? 2 : trial.state === 'RUNNING' ? 1 : 0;
  return trial.attempt * 3 + state;
}

/** Index of the trial numbered `number` in a list in number order, or -(insertion point) - 1. */
function findNumber(trials: readonly LiveTrial[], number: number): number {
  let low = 0;
  let high = trials.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = trials[mid]!.number;
    if (at === number) return mid;
    if (at < number) low = mid + 1;
    else high = mid - 1;
  }
  return -low - 1;
}

/**
 * Inserts or replaces each of `nexts` in turn (in number order), unless the copy held is further along; copies the
 * list once, and returns the same list when nothing changed.
 */
export function upsertTrials(trials: readonly LiveTrial[], nexts: readonly LiveTrial[]): LiveTrial[] {
  let out: LiveTrial[] | null = null;
  for (const next of nexts) {
    const list: readonly LiveTrial[] = out ?? trials;
    const index = findNumber(list, next.number);
    if (index >= 0 && list[index]!.id === next.id) {
      const current = list[index]!;
      // A finished trial stays finished whatever the attempt number says (a release never follows a finish).
      if (FINISHED.has(current.state) && !FINISHED.has(next.state)) continue;
      if (trialRank(next) < trialRank(current)) continue;
      out ??= trials.slice();
      out[index] = next;
      continue;
    }
    out ??= trials.slice();
    if (index >= 0) out.splice(index + 1, 0, next);
    else out.splice(-index - 1, 0, next);
  }
  return out ?? (trials as LiveTrial[]);
}

/** Inserts or replaces `next`, keeping number order, unless the copy held is further along. */
export function upsertTrial(trials: readonly LiveTrial[], next: LiveTrial): LiveTrial[] {
  return upsertTrials(trials, [next]);
}

export function fromSnapshot(snapshot: Snapshot): StudyStore {
  const partial = snapshot.partial ?? false;
  return {
    seq: snapshot.seq,
    status: snapshot.status,
    failureReason: snapshot.failureReason,
    trials: [...snapshot.trials].sort((a, b) => a.number - b.number),
    stale: partial,
    held: [],
    metricsVersion: 0,
    partial,
    asks: 0,
  };
}

/** Applies one event; its trial copy goes to `pending`, for the caller to upsert (once per batch). */
function apply(store: StudyStore, event: LiveEvent, pending: LiveTrial[]): StudyStore {
  if (event.trial) pending.push(event.trial);
  const metrics = event.kind === 'TRIAL_REPORTED' || event.kind === 'TRIAL_FINISHED';
  return {
    ...store,
    seq: event.seq,
    status: event.status ?? store.status,
    failureReason: event.status ? (event.failureReason ?? null) : store.failureReason,
    metricsVersion: metrics ? store.metricsVersion + 1 : store.metricsVersion,
  };
}

export type StoreAction =
  | { type: 'events'; events: readonly LiveEvent[] }
  | { type: 'snapshot'; snapshot: Snapshot }
  /** The whole view was replaced (a new study id): start from its data. */
  | { type: 'reset'; snapshot: Snapshot };

export function storeReducer(store: StudyStore, action: StoreAction): StudyStore {
  switch (action.type) {
    case 'reset':
      return fromSnapshot(action.snapshot);
    case 'events': {
      const pending: LiveTrial[] = [];
      let next = store;
      for (const event of action.events) next = receive(next, event, pending);
      if (pending.length > 0) next = { ...next, trials: upsertTrials(next.trials, pending) };
      return contradicts(next) ? { ...next, stale: true, asks: next.asks + 1 } : next;
    }
    case 'snapshot':
      if (action.snapshot.partial && !store.partial) {
        // The first trials only, of a store that holds them all: never shown; newer, it says the store lags.
        return action.snapshot.seq > store.seq && !store.stale ? { ...store, stale: true } : store;
      }
      // Older than what the store shows (a server render replayed from the router's cache): nothing to learn.
      if (!store.stale && action.snapshot.seq < store.seq) return store;
      return settle(store, action.snapshot);
  }
}

/**
 * The server completes a study only once none of its trials is PENDING or RUNNING (lifecycle/scheduler.ts). A
 * store that events left COMPLETED with a trial still unfinished missed that trial's end somewhere (an event lost
 * as an API restarted, a copy kept by the rank rule): it reads the view again rather than show both. Snapshots are
 * not checked, so a server that said otherwise could not make the page read forever.
 */
function contradicts(store: StudyStore): boolean {
  return !store.stale && store.status === 'COMPLETED' && store.trials.some((t) => t.state === 'PENDING' || t.state === 'RUNNING');
}

function receive(store: StudyStore, event: LiveEvent, pending: LiveTrial[]): StudyStore {
  if (event.kind === 'SYNC') {
    // Nothing missed: the store is where the server is.
    if (event.seq === store.seq && !store.stale) return store;
    return { ...store, stale: true, asks: store.asks + 1 };
  }
  if (store.stale) {
    if (event.seq <= store.seq) return store;
    const held = store.held.length >= MAX_HELD ? store.held.slice(1) : store.held.slice();
    held.push(event);
    return { ...store, held };
  }
  if (event.seq <= store.seq) return store;
  if (event.seq === store.seq + 1) return apply(store, event, pending);
  return { ...store, stale: true, held: [event], asks: store.asks + 1 };
}

/** A snapshot replaces the trials and status; held events newer than it go on top, in order. */
function settle(store: StudyStore, snapshot: Snapshot): StudyStore {
  const partial = snapshot.partial ?? false;
  const pending: LiveTrial[] = [];
  const done = (s: StudyStore): StudyStore => (pending.length > 0 ? { ...s, trials: upsertTrials(s.trials, pending) } : s);
  let next: StudyStore = {
    seq: snapshot.seq,
    status: snapshot.status,
    failureReason: snapshot.failureReason,
    trials: [...snapshot.trials].sort((a, b) => a.number - b.number),
    // A partial snapshot over a partial store (a newer server render) is shown, and the whole one still read.
    stale: partial,
    held: [],
    metricsVersion: store.metricsVersion + 1,
    partial,
    asks: store.asks,
  };
  if (partial) return { ...next, held: store.held.filter((e) => e.seq > snapshot.seq) };
  const held = store.held.filter((e) => e.seq > snapshot.seq).sort((a, b) => a.seq - b.seq);
  for (const [i, event] of held.entries()) {
    if (event.seq === next.seq) continue; // a duplicate
    if (event.seq !== next.seq + 1) {
      // Still a hole above the snapshot: hold the rest and read again.
      return done({ ...next, stale: true, held: held.slice(i) });
    }
    next = apply(next, event, pending);
  }
  return done(next);
}
