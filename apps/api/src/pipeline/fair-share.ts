import { GraphQLError, Kind, getOperationAST, type DocumentNode } from 'graphql';

/**
 * Each caller's fair share of the server's time. A query can be cheap by every static measure (its cost, its
 * lists) and still keep Postgres busy for the whole statement timeout: fifty sets of a hundred values over a
 * thousand trials, sent by four clients of one account in a loop, took the runners' queue from 505 to 85
 * trials/s on two cores. So every operation's wall time is charged to its caller (a user, an API token, or an
 * anonymous client's address) in a token bucket: a caller may spend `burstMs` at once and `msPerSecond` per
 * second after that; once the bucket is empty the next operation is refused with RATE_LIMITED and the seconds
 * until it refills, before any of it runs. Other callers are not affected.
 *
 * The runner protocol (claims, reports, finishes) is never charged: it is the work the server exists for, it
 * runs on its own pool, and a busy runner fleet must not lock itself out. Neither are signing up and in: they
 * have limits of their own (hashing slots, back-off per account and address), and every anonymous person who
 * signs in through the dashboard's proxy shares one address, so charging them would let one attacker keep
 * everyone out. Subscriptions are not charged either (their events are the server's own work); their set-up is
 * bounded by the socket caps. `UNCHARGED_FIELDS` lists the root mutation fields.
 */
export const UNCHARGED_FIELDS: ReadonlySet<string> = new Set([
  'runnerRegister',
  'trialClaim',
  'trialReport',
  'trialComplete',
  'trialFail',
  'trialPrune',
  'trialRelease',
  'trialLogAppend',
  'signIn',
  'signUp',
]);

/**
 * Charged operations of one caller running at once; more wait their turn (their wait is not charged). The bucket
 * alone admitted every request that arrived while it was positive, so eight heavy queries sent together all ran
 * and held the server eight times the burst.
 */
export const MAX_IN_FLIGHT = 4;
/** A caller's operations waiting for a place at most; past it one is refused with RATE_LIMITED at once. */
export const MAX_WAITING = 32;

export interface FairShareOptions {
  /** Sustained server time a caller may use per second of wall time (ms); 0 turns the limit off. */
  msPerSecond: number;
  /** Server time a caller may use at once (ms), the bucket's size. */
  burstMs: number;
  /** The clock, for tests. */
  now?: () => number;
}

interface Bucket {
  /** Milliseconds of server time left; negative once an operation overran it. */
  tokens: number;
  at: number;
}

/** Most callers tracked at once; beyond it the fullest buckets (idle callers) are forgotten first. */
const MAX_TRACKED = 10_000;
/** A refusal is answered after this long (or the wait, if shorter): a client looping on refusals slows down. */
const TARPIT_MS = 1_000;
/** Refusals held back at once per caller; past it they are answered at once (a held one costs a socket). */
const TARPIT_HELD = 8;

export class FairShare {
  private readonly buckets = new Map<string, Bucket>();
  private readonly held = new Map<string, number>();
  private readonly running = new Map<string, number>();
  private readonly queued = new Map<string, (() => void)[]>();
  private readonly now: () => number;

  constructor(private readonly options: FairShareOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  get enabled(): boolean {
    return this.options.msPerSecond > 0;
  }

  /** Throws RATE_LIMITED when `principal` has used up its share; otherwise the operation may run. */
  admit(principal: string): void {
    if (!this.enabled) return;
    const bucket = this.refilled(principal);
    if (bucket.tokens > 0) return;
    const seconds = Math.max(1, Math.ceil((1 - bucket.tokens) / this.options.msPerSecond));
    throw new GraphQLError(
      `Too much server time for this caller: over ${this.options.burstMs} ms at once or ${this.options.msPerSecond} ms a second; try again in ${seconds} s.`,
      { extensions: { code: 'RATE_LIMITED', retryAfterSeconds: seconds, http: { status: 429 } } },
    );
  }

  /**
   * Waits before a refusal is sent (a tarpit): up to a second, never longer than the caller must wait anyway,
   * and only for a few refusals of a caller at a time. A client that loops on its refusals then sends about one
   * request a second per connection instead of hundreds, each of which costs a body to parse and a session to
   * look up, at no cost to the server but a waiting socket.
   */
  async tarpit(principal: string, retryAfterSeconds: number): Promise<void> {
    const held = this.held.get(principal) ?? 0;
    if (held >= TARPIT_HELD) return;
    this.held.set(principal, held + 1);
    try {
      await new Promise((resolve) => setTimeout(resolve, Math.min(TARPIT_MS, retryAfterSeconds * 1000)));
    } finally {
      const left = (this.held.get(principal) ?? 1) - 1;
      if (left > 0) this.held.set(principal, left);
      else this.held.delete(principal);
    }
  }

  /**
   * Takes one of `principal`'s {@link MAX_IN_FLIGHT} places, waiting (first come, first served) while they are
   * all taken; resolves to the function that gives it back (calling it again does nothing). Throws RATE_LIMITED
   * when {@link MAX_WAITING} of its operations already wait. With the fair share off, never waits.
   */
  async enter(principal: string): Promise<() => void> {
    if (!this.enabled) return () => {};
    const running = this.running.get(principal) ?? 0;
    if (running < MAX_IN_FLIGHT) {
      this.running.set(principal, running + 1);
    } else {
      const queue = this.queued.get(principal) ?? [];
      if (queue.length >= MAX_WAITING) {
        throw new GraphQLError(`Too many operations of this caller at once: ${MAX_IN_FLIGHT} running and ${MAX_WAITING} waiting; try again in 1 s.`, {
          extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 1, http: { status: 429 } },
        });
      }
      this.queued.set(principal, queue);
      // The place is handed over by the operation that leaves: `running` stays counted for it.
      await new Promise<void>((resolve) => queue.push(resolve));
    }
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.leave(principal);
    };
  }

  /** Operations of `principal` running and waiting now (tests). */
  inFlight(principal: string): { running: number; waiting: number } {
    return { running: this.running.get(principal) ?? 0, waiting: this.queued.get(principal)?.length ?? 0 };
  }

  private leave(principal: string): void {
    const queue = this.queued.get(principal);
    const next = queue?.shift();
    if (queue && queue.length === 0) this.queued.delete(principal);
    if (next) {
      next();
      return;
    }
    const running = (this.running.get(principal) ?? 1) - 1;
    if (running > 0) this.running.set(principal, running);
    else this.running.delete(principal);
  }

  /** Charges `ms` of server time to `principal`. */
  charge(principal: string, ms: number): void {
    if (!this.enabled || !(ms > 0)) return;
    const bucket = this.refilled(principal);
    bucket.tokens -= ms;
    if (this.buckets.size > MAX_TRACKED) this.forgetIdle();
  }

  /** Milliseconds left to `principal` now (the burst when unknown). */
  remaining(principal: string): number {
    return this.refilled(principal).tokens;
  }

  private refilled(principal: string): Bucket {
    const now = this.now();
    let bucket = this.buckets.get(principal);
    if (!bucket) {
      bucket = { tokens: this.options.burstMs, at: now };
      this.buckets.set(principal, bucket);
      return bucket;
    }
    bucket.tokens = Math.min(this.options.burstMs, bucket.tokens + ((now - bucket.at) / 1000) * this.options.msPerSecond);
    bucket.at = now;
    return bucket;
  }

  /** Drops the buckets that have refilled: a caller seen again starts with a full one, as it would have. */
  private forgetIdle(): void {
    for (const principal of [...this.buckets.keys()]) {
      if (this.refilled(principal).tokens >= this.options.burstMs) this.buckets.delete(principal);
    }
  }
}

/**
 * Whether an operation is charged: queries and mutations are, unless every root field is one of
 * `UNCHARGED_FIELDS`; subscriptions are not.
 */
export function isCharged(document: DocumentNode, operationName: string | null | undefined): boolean {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation === 'subscription') return false;
  if (operation.operation === 'query') return true;
  return !operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && (UNCHARGED_FIELDS.has(selection.name.value) || selection.name.value === '__typename'),
  );
}
