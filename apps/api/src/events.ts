import { sql } from 'drizzle-orm';
import type { Database, DbHandle } from '@tuneboard/db';
import type { StudyEventModel } from './mappers.ts';

/**
 * Live events over Postgres LISTEN/NOTIFY (PGlite too): every API replica on one database LISTENs once
 * per channel and fans each payload out to its own subscribers, so a runner connected to replica A hears
 * about trials created by replica B. NOTIFY sent inside a transaction is delivered only if it commits.
 */
export const STUDY_CHANNEL = 'tb_study_events';
export const AVAILABLE_CHANNEL = 'tb_trials_available';
/** Ids of revoked API tokens: every replica drops them from its token cache. */
const TOKEN_REVOKED_CHANNEL = 'tb_api_token_revoked';

export interface StudyEventMessage extends StudyEventModel {
  teamId: string;
}

export interface AvailableMessage {
  teamId: string;
  studyId: string;
  pending: number;
}

type Executor = Pick<Database, 'execute'>;

/** Queues a study event on `db` (a transaction, or the database): sent when it commits. */
export async function publishStudyEvent(db: Executor, message: StudyEventMessage): Promise<void> {
  await db.execute(sql`select pg_notify(${STUDY_CHANNEL}, ${JSON.stringify(message)})`);
}

export async function publishAvailable(db: Executor, message: AvailableMessage): Promise<void> {
  await db.execute(sql`select pg_notify(${AVAILABLE_CHANNEL}, ${JSON.stringify(message)})`);
}

/** Tells every replica (this one included) that an API token was revoked. */
export async function publishTokenRevoked(db: Executor, tokenId: string): Promise<void> {
  await db.execute(sql`select pg_notify(${TOKEN_REVOKED_CHANNEL}, ${tokenId})`);
}

/** Subscribers' queues stop growing here: a client that cannot keep up loses its oldest events. */
const MAX_QUEUED = 1_000;

export class EventHub {
  private readonly studySubscribers = new Set<(message: StudyEventMessage) => void>();
  private readonly availableSubscribers = new Set<(message: AvailableMessage) => void>();
  private readonly revocationSubscribers = new Set<(tokenId: string) => void>();
  private stops: (() => Promise<void>)[] = [];

  constructor(private readonly handle: Pick<DbHandle, 'listen'>) {}

  async start(): Promise<void> {
    this.stops.push(
      await this.handle.listen(STUDY_CHANNEL, (payload) => {
        const message = JSON.parse(payload) as StudyEventMessage;
        for (const deliver of this.studySubscribers) deliver(message);
      }),
      await this.handle.listen(AVAILABLE_CHANNEL, (payload) => {
        const message = JSON.parse(payload) as AvailableMessage;
        for (const deliver of this.availableSubscribers) deliver(message);
      }),
      await this.handle.listen(TOKEN_REVOKED_CHANNEL, (tokenId) => {
        for (const deliver of this.revocationSubscribers) deliver(tokenId);
      }),
    );
  }

  async stop(): Promise<void> {
    const stops = this.stops;
    this.stops = [];
    // One after another: they share one LISTEN connection, and node-postgres warns about queued queries.
    for (const stop of stops) await stop().catch(() => undefined);
  }

  /** Calls `onRevoked` with the id of every API token revoked by any replica; returns the unsubscribe. */
  onTokenRevoked(onRevoked: (tokenId: string) => void): () => void {
    this.revocationSubscribers.add(onRevoked);
    return () => this.revocationSubscribers.delete(onRevoked);
  }

  studyEvents(filter: (message: StudyEventMessage) => boolean): AsyncIterableIterator<StudyEventMessage> {
    return iterate(this.studySubscribers, filter);
  }

  trialsAvailable(filter: (message: AvailableMessage) => boolean): AsyncIterableIterator<AvailableMessage> {
    return iterate(this.availableSubscribers, filter);
  }
}

function iterate<T>(subscribers: Set<(message: T) => void>, filter: (message: T) => boolean): AsyncIterableIterator<T> {
  const queue: T[] = [];
  let wake: ((result: IteratorResult<T>) => void) | undefined;
  let done = false;
  const deliver = (message: T): void => {
    if (done || !filter(message)) return;
    if (wake) {
      const resolve = wake;
      wake = undefined;
      resolve({ value: message, done: false });
      return;
    }
    queue.push(message);
    if (queue.length > MAX_QUEUED) queue.shift();
  };
  subscribers.add(deliver);
  const finish = (): Promise<IteratorResult<T>> => {
    done = true;
    subscribers.delete(deliver);
    queue.length = 0;
    wake?.({ value: undefined, done: true });
    wake = undefined;
    return Promise.resolve({ value: undefined, done: true });
  };
  return {
    next() {
      if (queue.length > 0) return Promise.resolve({ value: queue.shift() as T, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (wake = resolve));
    },
    return: finish,
    throw(error?: unknown) {
      void finish();
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
