import { sql } from 'drizzle-orm';
import type { Database, DbHandle } from '@tuneboard/db';
import type { Logger } from 'pino';
import type { StudyEventModel } from './mappers.ts';
import { hotQuery } from './lifecycle/hot-sql.ts';

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
/** Other losses of access (`AccessChange`): every replica re-checks or closes the sockets concerned. */
const ACCESS_CHANNEL = 'tb_access_changed';

/** A session ended (sign-out, deletion), or a user's membership of a team was removed or changed. */
export type AccessChange = { kind: 'session-ended'; sessionId: string } | { kind: 'membership-changed'; userId: string; teamId: string };

export interface StudyEventMessage extends StudyEventModel {
  teamId: string;
}

/** A study event as listeners receive it: numbered per study (1, 2, 3 … without gaps) when it was sent. */
export interface NumberedStudyEvent extends StudyEventMessage {
  seq: number;
}

export interface AvailableMessage {
  teamId: string;
  studyId: string;
  pending: number;
}

type Executor = Pick<Database, 'execute'>;

/**
 * Queues a study event on `db` (a transaction, or the database): sent when it commits, numbered by the study's
 * `event_seq` bumped in the same statement (the row stays locked until the commit, so numbers reach listeners in
 * order).
 */
export async function publishStudyEvent(db: Executor, message: StudyEventMessage): Promise<void> {
  await db.execute(sql`
    with bumped as (update study set event_seq = event_seq + 1 where id = ${message.studyId} returning event_seq)
    select pg_notify(${STUDY_CHANNEL}, '{"seq":' || bumped.event_seq || ',' || substr(${JSON.stringify(message)}, 2))
    from bumped`);
}

/**
 * The study's latest event sequence number, read after a subscriber was registered: events numbered up to it
 * are already reflected in what a client reads from now on, later ones will reach the subscriber.
 */
export async function studyEventSeq(db: Executor, studyId: string): Promise<number> {
  const result: unknown = await db.execute(sql`select event_seq from study where id = ${studyId}`);
  const rows = ((result as { rows?: unknown[] }).rows ?? result) as { event_seq: string | number }[];
  return Number(rows[0]?.event_seq ?? 0);
}

/** Tells every replica (this one included) that an API token was revoked. */
export async function publishTokenRevoked(db: Executor, tokenId: string): Promise<void> {
  await db.execute(sql`select pg_notify(${TOKEN_REVOKED_CHANNEL}, ${tokenId})`);
}

/** Tells every replica that a session ended: its open WebSocket connections close. */
export async function publishSessionEnded(db: Executor, sessionId: string): Promise<void> {
  await publishAccessChange(db, { kind: 'session-ended', sessionId });
}

/**
 * Tells every replica that a user's membership of a team was removed or its role changed: their open
 * subscriptions re-check access before the next event. Call it from every mutation that removes a member or
 * lowers a role, in the transaction that does it.
 */
export async function publishMembershipChanged(db: Executor, userId: string, teamId: string): Promise<void> {
  await publishAccessChange(db, { kind: 'membership-changed', userId, teamId });
}

async function publishAccessChange(db: Executor, change: AccessChange): Promise<void> {
  await db.execute(sql`select pg_notify(${ACCESS_CHANNEL}, ${JSON.stringify(change)})`);
}

/** A notification's payload stays under Postgres's limit (8,000 bytes); longer batches are split. */
const MAX_PAYLOAD = 7_600;
/** Room kept in each payload for the `"seq":N,` that the flush statement writes into each study event. */
const SEQ_ROOM = 24;
/**
 * One statement: numbers the study events (the study rows are locked in id order, so two replicas flushing at
 * once never deadlock, and bumped, so numbers are gap-free and reach listeners in order: the row lock holds until
 * this statement's commit, which is when its notifications are queued), then sends each chunk as one
 * notification. Events of a study that no longer exists are dropped.
 */
const FLUSH_SQL = `
  with ev as (
    select * from unnest($1::int[], $2::text[], $3::uuid[], $4::text[]) with ordinality as x(chunk, channel, study_id, msg, ord)
  ),
  locked as (
    select s.id from study s where s.id in (select study_id from ev where study_id is not null) order by s.id for update
  ),
  bumped as (
    update study s set event_seq = s.event_seq + c.n
    from (select study_id, count(*)::bigint as n from ev where study_id is not null group by study_id) c
    where s.id = c.study_id and s.id in (select id from locked)
    returning s.id, s.event_seq - c.n as base
  ),
  numbered as (
    select ev.chunk, ev.channel, ev.ord,
      case when ev.study_id is null then ev.msg
        else '{"seq":' || (b.base + row_number() over (partition by ev.study_id order by ev.ord)) || ',' || substr(ev.msg, 2)
      end as msg
    from ev left join bumped b on b.id = ev.study_id
  )
  select count(pg_notify(channel, payload))::int as sent from (
    select channel, '[' || string_agg(msg, ',' order by ord) || ']' as payload, min(ord) as first
    from numbered where msg is not null group by chunk, channel order by first
  ) p`;
/** Default of how long queued hot-path events may wait to be sent together. */
export const EVENT_FLUSH_MS = 20;

/** What the trial queue needs of the hub: sending its events soon after they happened. */
export type EventQueue = Pick<EventHub, 'queueStudyEvent' | 'queueAvailable'>;

/** Subscribers' queues stop growing here: a client that cannot keep up loses its oldest events. */
const MAX_QUEUED = 1_000;

export class EventHub {
  private readonly studySubscribers = new Set<(message: NumberedStudyEvent) => void>();
  private readonly availableSubscribers = new Set<(message: AvailableMessage) => void>();
  private readonly revocationSubscribers = new Set<(tokenId: string) => void>();
  private readonly accessSubscribers = new Set<(change: AccessChange) => void>();
  private stops: (() => Promise<void>)[] = [];
  private queued: { channel: string; message: string; studyId: string | null }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly handle: Pick<DbHandle, 'listen' | 'db'>,
    private readonly options: { flushMs?: number; log?: Pick<Logger, 'warn'> } = {},
  ) {}

  /** Sends a study event within `flushMs`, with others queued meanwhile; call after the change committed. */
  queueStudyEvent(message: StudyEventMessage): void {
    this.enqueue(STUDY_CHANNEL, JSON.stringify(message), message.studyId);
  }

  /** Tells runners within `flushMs` that a study has pending trials; call after they were committed. */
  queueAvailable(message: AvailableMessage): void {
    this.enqueue(AVAILABLE_CHANNEL, JSON.stringify(message), null);
  }

  private enqueue(channel: string, message: string, studyId: string | null): void {
    this.queued.push({ channel, message, studyId });
    this.timer ??= setTimeout(() => void this.flush(), this.options.flushMs ?? EVENT_FLUSH_MS).unref();
  }

  /** Sends every queued event now: one statement, one notification per channel (split when long). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.queued;
    this.queued = [];
    if (batch.length === 0) return this.flushing;
    // Rows in queue order, each with the chunk (one notification) it goes into.
    const chunks: number[] = [];
    const channels: string[] = [];
    const studyIds: (string | null)[] = [];
    const messages: string[] = [];
    let chunk = 0;
    for (const channel of new Set(batch.map((event) => event.channel))) {
      let size = 2;
      let count = 0;
      for (const event of batch) {
        if (event.channel !== channel) continue;
        const bytes = Buffer.byteLength(event.message) + 1 + (event.studyId ? SEQ_ROOM : 0);
        if (count > 0 && size + bytes > MAX_PAYLOAD) {
          chunk += 1;
          size = 2;
          count = 0;
        }
        chunks.push(chunk);
        channels.push(channel);
        studyIds.push(event.studyId);
        messages.push(event.message);
        size += bytes;
        count += 1;
      }
      chunk += 1;
    }
    const send = () => hotQuery(this.handle.db, 'tb_events_flush', FLUSH_SQL, [chunks, channels, studyIds, messages]);
    // Sent in order, one flush after another: subscribers see events in the order they were queued. Tried twice:
    // a lost flush would leave no gap in the numbers for a client to notice.
    this.flushing = this.flushing.then(() =>
      send()
        .catch(send)
        .then(
          () => undefined,
          (error: unknown) => this.options.log?.warn({ err: error, events: batch.length }, 'live events could not be sent'),
        ),
    );
    return this.flushing;
  }

  async start(): Promise<void> {
    this.stops.push(
      await this.handle.listen(STUDY_CHANNEL, (payload) => {
        for (const message of messagesOf<NumberedStudyEvent>(payload)) {
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
      await this.handle.listen(ACCESS_CHANNEL, (payload) => {
        for (const change of messagesOf<AccessChange>(payload)) {
          for (const deliver of this.accessSubscribers) deliver(change);
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

  /** Calls `onChange` with every session ended and membership changed on any replica; returns the unsubscribe. */
  onAccessChanged(onChange: (change: AccessChange) => void): () => void {
    this.accessSubscribers.add(onChange);
    return () => this.accessSubscribers.delete(onChange);
  }

  studyEvents(filter: (message: NumberedStudyEvent) => boolean): AsyncIterableIterator<NumberedStudyEvent> {
    return iterate(this.studySubscribers, filter);
  }

  trialsAvailable(filter: (message: AvailableMessage) => boolean): AsyncIterableIterator<AvailableMessage> {
    return iterate(this.availableSubscribers, filter);
  }
}

/** `source` with `first` delivered before anything it holds. */
export function startingWith<T>(first: T, source: AsyncIterableIterator<T>): AsyncIterableIterator<T> {
  let sent = false;
  return {
    next() {
      if (sent) return source.next();
      sent = true;
      return Promise.resolve({ value: first, done: false });
    },
    return: () => source.return?.() ?? Promise.resolve({ value: undefined, done: true }),
    throw: (error?: unknown) => source.throw?.(error) ?? Promise.reject(error),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
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
