import { sql } from 'drizzle-orm';
import type { Database, DbHandle } from '@tuneboard/db';
import type { Logger } from 'pino';
import type { StudyEventModel } from './mappers.ts';
import { hotQuery } from './queue/hot-sql.ts';

/**
 * Live events over Postgres LISTEN/NOTIFY (PGlite too): every API replica on one database LISTENs once
 * per channel and fans each payload out to its own subscribers, so a runner connected to replica A hears
 * about trials created by replica B. A payload is one message or a JSON array of them.
 *
 * Two ways to send. `publish…(tx, …)` inside a transaction: delivered only if it commits (study changes,
 * rare). The runner protocol's hot path (claims, reports, finished and new trials, several a trial) queues
 * its events on the hub after its statement committed (`EventHub.queue…`), and the hub sends what gathered
 * as ONE notification every `flushMs`: a NOTIFY in the writing transaction takes Postgres's database-wide
 * notify lock until the commit is on disk and signals every listener, which serialised the queue's commits.
 * The price: events queued in the last `flushMs` before a crash of this process are not sent (the data is
 * stored; dashboards re-read on reconnect and runners also poll).
 */
export const STUDY_CHANNEL = 'tb_study_events';
export const AVAILABLE_CHANNEL = 'tb_trials_available';
/** Ids of revoked API tokens: every replica drops them from its token cache. */
const TOKEN_REVOKED_CHANNEL = 'tb_api_token_revoked';
/** A user's role in a team changed or ended: subscriptions of that user re-check their access. */
const MEMBERSHIP_CHANGED_CHANNEL = 'tb_membership_changed';

export interface MembershipChangedMessage {
  teamId: string;
  userId: string;
}

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

/** Tells every replica (this one included) that an API token was revoked. */
export async function publishTokenRevoked(db: Executor, tokenId: string): Promise<void> {
  await db.execute(sql`select pg_notify(${TOKEN_REVOKED_CHANNEL}, ${tokenId})`);
}

/** Tells every replica (this one included) that a user's membership of a team changed or was removed. */
export async function publishMembershipChanged(db: Executor, message: MembershipChangedMessage): Promise<void> {
  await db.execute(sql`select pg_notify(${MEMBERSHIP_CHANGED_CHANNEL}, ${JSON.stringify(message)})`);
}

/** A notification's payload stays under Postgres's limit (8,000 bytes); longer batches are split. */
const MAX_PAYLOAD = 7_600;
const FLUSH_SQL = 'select count(pg_notify(c, p))::int as sent from unnest($1::text[], $2::text[]) as x(c, p)';
/** Default of how long queued hot-path events may wait to be sent together. */
export const EVENT_FLUSH_MS = 20;

/** What the trial queue needs of the hub: sending its events soon after they happened. */
export type EventQueue = Pick<EventHub, 'queueStudyEvent' | 'queueAvailable'>;

/** Subscribers' queues stop growing here: a client that cannot keep up loses its oldest events. */
const MAX_QUEUED = 1_000;

export class EventHub {
  private readonly studySubscribers = new Set<(message: StudyEventMessage) => void>();
  private readonly availableSubscribers = new Set<(message: AvailableMessage) => void>();
  private readonly revocationSubscribers = new Set<(tokenId: string) => void>();
  private readonly membershipSubscribers = new Set<(message: MembershipChangedMessage) => void>();
  private stops: (() => Promise<void>)[] = [];
  private queued: { channel: string; message: string }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly handle: Pick<DbHandle, 'listen' | 'db'>,
    private readonly options: { flushMs?: number; log?: Pick<Logger, 'warn'> } = {},
  ) {}

  /** Sends a study event within `flushMs`, with others queued meanwhile; call after the change committed. */
  queueStudyEvent(message: StudyEventMessage): void {
    this.enqueue(STUDY_CHANNEL, JSON.stringify(message));
  }

  /** Tells runners within `flushMs` that a study has pending trials; call after they were committed. */
  queueAvailable(message: AvailableMessage): void {
    this.enqueue(AVAILABLE_CHANNEL, JSON.stringify(message));
  }

  private enqueue(channel: string, message: string): void {
    this.queued.push({ channel, message });
    this.timer ??= setTimeout(() => void this.flush(), this.options.flushMs ?? EVENT_FLUSH_MS).unref();
  }

  /** Sends every queued event now: one statement, one notification per channel (split when long). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.queued;
    this.queued = [];
    if (batch.length === 0) return this.flushing;
    const channels: string[] = [];
    const payloads: string[] = [];
    for (const channel of new Set(batch.map((event) => event.channel))) {
      let parts: string[] = [];
      let size = 2;
      const close = () => {
        channels.push(channel);
        payloads.push(`[${parts.join(',')}]`);
        parts = [];
        size = 2;
      };
      for (const event of batch) {
        if (event.channel !== channel) continue;
        const bytes = Buffer.byteLength(event.message) + 1;
        if (parts.length > 0 && size + bytes > MAX_PAYLOAD) close();
        parts.push(event.message);
        size += bytes;
      }
      close();
    }
    // Sent in order, one flush after another: subscribers see events in the order they were queued.
    this.flushing = this.flushing.then(() =>
      hotQuery(this.handle.db, 'tb_events_flush', FLUSH_SQL, [channels, payloads]).then(
        () => undefined,
        (error: unknown) => this.options.log?.warn({ err: error, events: batch.length }, 'live events could not be sent'),
      ),
    );
    return this.flushing;
  }

  async start(): Promise<void> {
    this.stops.push(
      await this.handle.listen(STUDY_CHANNEL, (payload) => {
        for (const message of messagesOf<StudyEventMessage>(payload)) {
          for (const deliver of this.studySubscribers) deliver(message);
        }
      }),
      await this.handle.listen(AVAILABLE_CHANNEL, (payload) => {
        for (const message of messagesOf<AvailableMessage>(payload)) {
          for (const deliver of this.availableSubscribers) deliver(message);
        }
      }),
      await this.handle.listen(TOKEN_REVOKED_CHANNEL, (tokenId) => {
        for (const deliver of this.revocationSubscribers) deliver(tokenId);
      }),
      await this.handle.listen(MEMBERSHIP_CHANGED_CHANNEL, (payload) => {
        for (const message of messagesOf<MembershipChangedMessage>(payload)) {
          for (const deliver of this.membershipSubscribers) deliver(message);
        }
      }),
    );
  }

  /** Sends what is queued, then stops listening. */
  async stop(): Promise<void> {
    await this.flush();
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

  /** Calls `onChanged` for every membership changed or removed on any replica; returns the unsubscribe. */
  onMembershipChanged(onChanged: (message: MembershipChangedMessage) => void): () => void {
    this.membershipSubscribers.add(onChanged);
    return () => this.membershipSubscribers.delete(onChanged);
  }

  studyEvents(filter: (message: StudyEventMessage) => boolean): AsyncIterableIterator<StudyEventMessage> {
    return iterate(this.studySubscribers, filter);
  }

  trialsAvailable(filter: (message: AvailableMessage) => boolean): AsyncIterableIterator<AvailableMessage> {
    return iterate(this.availableSubscribers, filter);
  }
}

/** A payload holds one message or an array of them (a batch from `EventHub.flush`). */
function messagesOf<T>(payload: string): T[] {
  const parsed = JSON.parse(payload) as T | T[];
  return Array.isArray(parsed) ? parsed : [parsed];
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
