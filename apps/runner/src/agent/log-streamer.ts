// Streams one trial's log lines to the API's `trialLogAppend`: batched, bounded, in order.
import type { UserError } from './api.ts';
import { backoffDelay } from './backoff.ts';
import type { BackoffOptions } from './backoff.ts';
import { TransientApiError, errorMessage } from './graphql-client.ts';
import type { Logger } from './logger.ts';
import { Waiters } from './waiters.ts';

/** Where a line came from, as the API names it. */
export type LogStream = 'RUNNER' | 'STDOUT' | 'STDERR';

export interface WireLogLine {
  stream: LogStream;
  text: string;
}

/** The API's limits per `trialLogAppend` (apps/api/src/lifecycle/trial-log.ts). */
export const maxLinesPerAppend = 500;
export const maxLineBytes = 8_192;
export const maxAppendBytes = 256 * 1024;
/** Send what is waiting this often: a live log on the trial page, a request a second at most per trial. */
export const defaultLogFlushMs = 1_000;
/**
 * Bytes kept while the API is unreachable or slow. The API keeps only the last 1 MiB of a trial's log, so more
 * would be trimmed there anyway; the oldest lines go first and a note says how many.
 */
export const defaultMaxBufferedBytes = 1024 * 1024;

export interface LogStreamerOptions {
  /** One `trialLogAppend` call; throws TransientApiError when the API cannot be reached. */
  send(lines: WireLogLine[], signal: AbortSignal): Promise<{ accepted: number; userErrors: UserError[] }>;
  log: Logger;
  flushMs?: number;
  maxBufferedBytes?: number;
  backoff?: BackoffOptions;
}

/** U+0000 and unpaired surrogates: Postgres cannot store them (the API refuses them). */
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what is replaced
const UNSTORABLE = /[\u0000\uD800-\uDFFF]/gu;

/** A line as the API takes it: storable characters, no line break, at most `maxLineBytes` of UTF-8. */
export function wireText(text: string): string {
  let clean = text.replace(UNSTORABLE, '\uFFFD').replace(/\r/g, '');
  if (Buffer.byteLength(clean, 'utf8') > maxLineBytes) {
    const note = ' … (line cut)';
    // Cut on bytes, then drop a character split in half (it decodes as U+FFFD).
    clean = Buffer.from(clean, 'utf8').subarray(0, maxLineBytes - Buffer.byteLength(note) - 3).toString('utf8').replace(/\uFFFD$/u, '') + note;
  }
  return clean;
}

const bytesOf = (line: WireLogLine) => Buffer.byteLength(line.text, 'utf8') + 1;

/**
 * Lines wait here until the API acknowledged them; a batch that failed on the network is sent again after a
 * backoff, in order. A stale lease ends the stream (the trial is someone else's now); a batch the API refuses
 * is dropped with a warning (sending it again would fail forever).
 */
export class LogStreamer {
  private buffer: WireLogLine[] = [];
  private bufferedBytes = 0;
  private dropped = 0;
  private sending = false;
  private draining = false;
  private timer: NodeJS.Timeout | undefined;
  private failures = 0;
  private readonly waiters = new Waiters();
  private readonly closed = new AbortController();
  private readonly flushMs: number;
  private readonly maxBufferedBytes: number;
  /** The lease was refused: nothing more is sent. */
  lost = false;
  /** Lines the API stored. */
  acknowledged = 0;

  constructor(private readonly options: LogStreamerOptions) {
    this.flushMs = options.flushMs ?? defaultLogFlushMs;
    this.maxBufferedBytes = options.maxBufferedBytes ?? defaultMaxBufferedBytes;
  }

  /** Lines not yet acknowledged. */
  get pending(): number {
    return this.buffer.length;
  }

  /** Queues `text` (split at line breaks; blank lines skipped) to go out within `flushMs`. */
  push(stream: LogStream, text: string): void {
    if (this.lost || this.closed.signal.aborted) return;
    for (const part of text.split('\n')) {
      if (part.trim() === '') continue;
      const line = { stream, text: wireText(part) };
      this.buffer.push(line);
      this.bufferedBytes += bytesOf(line);
    }
    while (this.bufferedBytes > this.maxBufferedBytes && this.buffer.length > 1) {
      // Never the batch in flight: it is at the front only between a failure and its retry, and then it is oldest.
      const gone = this.buffer.shift()!;
      this.bufferedBytes -= bytesOf(gone);
      this.dropped += 1;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.kick();
    }, this.flushMs);
  }

  /** Sends everything waiting now and waits for it (or for `signal`); true when nothing is left. */
  async flush(signal?: AbortSignal): Promise<boolean> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.draining = true;
    this.kick();
    while ((this.sending || this.buffer.length > 0) && !this.lost && !this.closed.signal.aborted && !signal?.aborted) {
      await this.waiters.wait(signal);
    }
    this.draining = false;
    return !this.lost && this.buffer.length === 0;
  }

  /**
   * For the attempt's last request: waits for a send in flight, sends all but one batch's worth, then closes and
   * hands over the rest to travel with the end of the attempt (the end revokes the lease, so nothing after it
   * could be appended). Empty when the lease was lost.
   */
  async takeRest(signal?: AbortSignal): Promise<WireLogLine[]> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.sending && !signal?.aborted) await this.waiters.wait();
    if (this.buffer.length > maxLinesPerAppend || this.bufferedBytes > maxAppendBytes) await this.flush(signal);
    const rest = this.lost ? [] : this.nextBatch();
    this.close();
    return rest;
  }

  /** Stops sending; what is left is given up. */
  close(): void {
    clearTimeout(this.timer);
    this.closed.abort();
    this.wake();
  }

  private wake(): void {
    this.waiters.wakeAll();
  }

  private kick(): void {
    if (this.sending || this.lost || this.closed.signal.aborted || this.buffer.length === 0) return;
    this.sending = true;
    void this.pump().finally(() => {
      this.sending = false;
      this.wake();
    });
  }

  /** The next batch: up to `maxLinesPerAppend` lines and `maxAppendBytes` bytes, oldest first. */
  private nextBatch(): WireLogLine[] {
    if (this.dropped > 0) {
      const note = { stream: 'RUNNER' as const, text: `[${this.dropped} older log lines dropped while the API was unreachable]` };
      this.buffer.unshift(note);
      this.bufferedBytes += bytesOf(note);
      this.dropped = 0;
    }
    let bytes = 0;
    let count = 0;
    while (count < this.buffer.length && count < maxLinesPerAppend) {
      const next = bytesOf(this.buffer[count]!);
      if (bytes + next > maxAppendBytes) break;
      bytes += next;
      count += 1;
    }
    return this.buffer.slice(0, count);
  }

  private async pump(): Promise<void> {
    while (!this.lost && !this.closed.signal.aborted && this.buffer.length > 0) {
      const batch = this.nextBatch();
      let reply: { accepted: number; userErrors: UserError[] };
      try {
        reply = await this.options.send(batch, this.closed.signal);
      } catch (error) {
        if (this.closed.signal.aborted) return;
        if (!(error instanceof TransientApiError)) {
          this.options.log.warn(`the API refused ${batch.length} log lines: ${errorMessage(error)}`);
          this.take(batch.length);
          continue;
        }
        const delay = backoffDelay(this.failures, this.options.backoff);
        this.failures += 1;
        // Retried by the timer, not here: lines pushed meanwhile join the next batch.
        clearTimeout(this.timer);
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.kick();
        }, delay);
        return;
      }
      this.failures = 0;
      if (reply.userErrors.some((e) => e.code === 'STALE_LEASE')) {
        this.lost = true;
        this.buffer = [];
        this.bufferedBytes = 0;
        return;
      }
      if (reply.userErrors.length > 0) {
        this.options.log.warn(`the API refused ${batch.length} log lines: ${reply.userErrors.map((e) => e.message).join('; ')}`);
      } else {
        this.acknowledged += reply.accepted;
      }
      this.take(batch.length);
      // A chatty program is still one request per `flushMs`, unless a full batch waits or a flush asked for all.
      if (!this.draining && this.buffer.length < maxLinesPerAppend) {
        if (this.buffer.length > 0) {
          this.timer ??= setTimeout(() => {
            this.timer = undefined;
            this.kick();
          }, this.flushMs);
        }
        return;
      }
    }
  }

  private take(count: number): void {
    for (const line of this.buffer.splice(0, count)) this.bufferedBytes -= bytesOf(line);
  }
}
