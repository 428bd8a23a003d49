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
}

/** Held events stop growing here; past it the next snapshot is read again anyway. */
const MAX_HELD = 5_000;

const FINISHED: ReadonlySet<TrialState> = new Set(['COMPLETE', 'PRUNED', 'FAIL', 'CANCELLED']);

/** A trial copy's place in its life: later attempts first, then PENDING < RUNNING < finished. */
export function trialRank(trial: Pick<LiveTrial, 'attempt' | 'state'>): number {
  const state = FINISHED.has(trial.state) ? 2 : trial.state === 'RUNNING' ? 1 : 0;
  return trial.attempt * 3 + state;
}

/** Inserts or replaces `next`, keeping number order, unless the copy held is further along. */
export function upsertTrial(trials: readonly LiveTrial[], next: LiveTrial): LiveTrial[] {
  const index = trials.findIndex((t) => t.id === next.id);
  if (index >= 0) {
    const current = trials[index]!;
    // A finished trial stays finished whatever the attempt number says (a release never follows a finish).
    if (FINISHED.has(current.state) && !FINISHED.has(next.state)) return trials as LiveTrial[];
    if (trialRank(next) < trialRank(current)) return trials as LiveTrial[];
    const out = trials.slice();
    out[index] = next;
    return out;
  }
  const last = trials[trials.length - 1];
  if (!last || last.number < next.number) return [...trials, next];
  return [...trials, next].sort((a, b) => a.number - b.number);
}

export function fromSnapshot(snapshot: Snapshot): StudyStore {
  return {
    seq: snapshot.seq,
    status: snapshot.status,
    failureReason: snapshot.failureReason,
    trials: [...snapshot.trials].sort((a, b) => a.number - b.number),
    stale: false,
    held: [],
    metricsVersion: 0,
  };
}

function apply(store: StudyStore, event: LiveEvent): StudyStore {
  const trials = event.trial ? upsertTrial(store.trials, event.trial) : store.trials;
  const metrics = event.kind === 'TRIAL_REPORTED' || event.kind === 'TRIAL_FINISHED';
  return {
    ...store,
    seq: event.seq,
    trials,
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
      let next = store;
      for (const event of action.events) next = receive(next, event);
      return next;
    }
    case 'snapshot':
      // Older than what the store shows (a server render replayed from the router's cache): nothing to learn.
      if (!store.stale && action.snapshot.seq < store.seq) return store;
      return settle(store, action.snapshot);
  }
}

function receive(store: StudyStore, event: LiveEvent): StudyStore {
  if (event.kind === 'SYNC') {
    // Nothing missed: the store is where the server is.
    if (event.seq === store.seq && !store.stale) return store;
    return { ...store, stale: true };
  }
  if (store.stale) {
    if (event.seq <= store.seq) return store;
    const held = store.held.length >= MAX_HELD ? store.held.slice(1) : store.held.slice();
    held.push(event);
    return { ...store, held };
  }
  if (event.seq <= store.seq) return store;
  if (event.seq === store.seq + 1) return apply(store, event);
  return { ...store, stale: true, held: [event] };
}

/** A snapshot replaces the trials and status; held events newer than it go on top, in order. */
function settle(store: StudyStore, snapshot: Snapshot): StudyStore {
  let next: StudyStore = {
    seq: snapshot.seq,
    status: snapshot.status,
    failureReason: snapshot.failureReason,
    trials: [...snapshot.trials].sort((a, b) => a.number - b.number),
    stale: false,
    held: [],
    metricsVersion: store.metricsVersion + 1,
  };
  const held = store.held.filter((e) => e.seq > snapshot.seq).sort((a, b) => a.seq - b.seq);
  for (const [i, event] of held.entries()) {
    if (event.seq === next.seq) continue; // a duplicate
    if (event.seq !== next.seq + 1) {
      // Still a hole above the snapshot: hold the rest and read again.
      return { ...next, stale: true, held: held.slice(i) };
    }
    next = apply(next, event);
  }
  return next;
}
