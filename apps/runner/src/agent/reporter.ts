import type { MetricPoint } from '../objectives/metrics.ts';
import { maxPointsPerReport, toWireValue } from './api.ts';
import type { ReportReply, WirePoint } from './api.ts';
import { backoffDelay, sleep } from './backoff.ts';
import type { BackoffOptions } from './backoff.ts';
import { TransientApiError, errorMessage } from './graphql-client.ts';
import type { Logger } from './logger.ts';
import { Waiters } from './waiters.ts';

/** Send a batch when this many points are waiting... */
export const defaultBatchPoints = 200;
/** ...or when the oldest waiting point is this old. A 30-epoch template trial makes ~30 round trips, a
 * command printing 10 k steps a second makes ~2 a second instead of 10 k. */
export const defaultFlushMs = 500;
/** Points kept while the API is unreachable; the oldest go first (about 10 MB of JSON). */
export const defaultMaxBuffered = 100_000;

export interface ReporterOptions {
  /** One `trialReport` call; throws TransientApiError when the API cannot be reached. */
  send(points: WirePoint[], signal: AbortSignal): Promise<ReportReply>;
  /** Lease duration: with nothing to send, an empty report renews it every `leaseMs / 3`. */
  leaseMs: number;
  /** The lease is gone (STALE_LEASE) or the API refused the runner: stop the trial, report nothing more. */
  onLost(reason: string): void;
  log: Logger;
  batchPoints?: number;
  flushMs?: number;
  maxBuffered?: number;
  backoff?: BackoffOptions;
}

/**
 * Streams one trial's metric points to `trialReport` in batches and keeps its lease alive. Points stay in the
 * buffer until the API acknowledged them; a failed batch goes back to the front and is re-sent after an
 * exponential backoff (re-sending is harmless: points are keyed by trial, attempt, key and step).
 */
export class MetricReporter {
  private buffer: WirePoint[] = [];
  private sending = false;
  private forceDrain = false;
  private heartbeatDue = false;
  private flushTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private inFlight = 0;
  private dropped = 0;
  private readonly waiters = new Waiters();
  private readonly closed = new AbortController();
  private readonly batchPoints: number;
  private readonly flushMs: number;
  private readonly maxBuffered: number;
  private readonly heartbeatMs: number;
  /** Sticky: once the pruner said stop, the trial stops. */
  shouldPrune = false;
  /** The lease was refused: nothing more is sent. */
  lost = false;
  /** Points the API acknowledged (newly stored or already there). */
  acknowledged = 0;

  constructor(private readonly options: ReporterOptions) {
    this.batchPoints = Math.min(options.batchPoints ?? defaultBatchPoints, maxPointsPerReport);
    this.flushMs = options.flushMs ?? defaultFlushMs;
    this.maxBuffered = options.maxBuffered ?? defaultMaxBuffered;
    this.heartbeatMs = Math.max(100, Math.floor(options.leaseMs / 3));
    this.scheduleHeartbeat();
  }

  /** Points waiting for an acknowledgement (including a batch in flight). */
  get pending(): number {
    return this.buffer.length + this.inFlight;
  }

  push(points: MetricPoint[]): void {
    if (this.lost || this.closed.signal.aborted || points.length === 0) return;
    for (const point of points) this.buffer.push({ key: point.key, step: point.step, value: toWireValue(point.value) });
    const excess = this.buffer.length + this.inFlight - this.maxBuffered;
    if (excess > 0) {
      this.buffer.splice(0, Math.min(excess, this.buffer.length));
      if (this.dropped === 0) {
        this.options.log.warn(`metric buffer full (${this.maxBuffered} points while the API is unreachable): dropping the oldest points`);
      }
      this.dropped += excess;
    }
    if (this.buffer.length >= this.batchPoints) this.kick();
    else this.flushTimer ??= setTimeout(() => {
      this.flushTimer = undefined;
      this.kick();
    }, this.flushMs);
  }

  /**
   * Sends everything buffered, retrying through network failures until it is acknowledged, the lease is lost,
   * or `signal` aborts. True when nothing is left unsent.
   */
  async flush(signal?: AbortSignal): Promise<boolean> {
    this.forceDrain = true;
    this.kick();
    await this.waitWhile(() => this.sending || this.buffer.length > 0, signal);
    this.forceDrain = false;
    return !this.lost && this.pending === 0;
  }

  /**
   * For the attempt's last request: waits for a report in flight (and its retries), then closes the reporter
   * and hands over what is left unsent, at most one report's worth (more is sent first, as `flush` does), to go
   * out with the end of the attempt. Undefined when the lease was lost.
   */
  async takeRest(signal?: AbortSignal): Promise<WirePoint[] | undefined> {
    if (this.buffer.length > maxPointsPerReport) await this.flush(signal);
    await this.waitWhile(() => this.sending, signal);
    if (this.lost) return undefined;
    const rest = lastPerStep(this.buffer.splice(0, maxPointsPerReport));
    this.close();
    return rest;
  }

  /** Stops the timers and any retry; unsent points are given up. */
  close(): void {
    clearTimeout(this.flushTimer);
    clearTimeout(this.heartbeatTimer);
    this.closed.abort();
    this.wakeWaiters();
    if (this.dropped > 0) this.options.log.warn(`${this.dropped} metric points were dropped while the API was unreachable`);
  }

  /** Waits while `busy()` holds, the lease is kept and neither the reporter nor `signal` is closed. */
  private async waitWhile(busy: () => boolean, signal: AbortSignal | undefined): Promise<void> {
    while (busy() && !this.lost && !this.closed.signal.aborted && !signal?.aborted) {
      await this.waiters.wait(signal);
    }
  }

  private wakeWaiters(): void {
    this.waiters.wakeAll();
  }

  private scheduleHeartbeat(): void {
    clearTimeout(this.heartbeatTimer);
    if (this.lost || this.closed.signal.aborted) return;
    this.heartbeatTimer = setTimeout(() => {
      this.heartbeatDue = true;
      this.kick();
    }, this.heartbeatMs);
  }

  private kick(): void {
    if (this.sending || this.lost || this.closed.signal.aborted) return;
    this.sending = true;
    void this.pump().finally(() => {
      this.sending = false;
      this.wakeWaiters();
    });
  }

  private lose(reason: string): void {
    if (this.lost) return;
    this.lost = true;
    this.buffer = [];
    clearTimeout(this.flushTimer);
    clearTimeout(this.heartbeatTimer);
    this.options.onLost(reason);
  }

  private async pump(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    while (!this.lost && !this.closed.signal.aborted) {
      // A kick always sends what is there: the flush timer fired, a batch filled up, a heartbeat is due.
      if (this.buffer.length === 0 && !this.heartbeatDue) break;
      const batch = lastPerStep(this.buffer.splice(0, maxPointsPerReport));
      this.inFlight = batch.length;
      this.heartbeatDue = false;
      let reply: ReportReply;
      try {
        reply = await this.options.send(batch, this.closed.signal);
      } catch (error) {
        this.buffer.unshift(...batch);
        this.inFlight = 0;
        if (!(error instanceof TransientApiError) || this.closed.signal.aborted) {
          if (!this.closed.signal.aborted) this.lose(errorMessage(error));
          return;
        }
        const delay = backoffDelay(this.failures, this.options.backoff);
        if (this.failures === 0 || this.failures % 10 === 0) {
          this.options.log.warn(`${errorMessage(error)}; keeping ${this.buffer.length} points, retrying in ${(delay / 1000).toFixed(1)} s`);
        }
        this.failures += 1;
        this.heartbeatDue = true;
        await sleep(delay, this.closed.signal);
        continue;
      }
      this.inFlight = 0;
      if (this.failures > 0) this.options.log.info(`the API answers again: re-sent, ${this.buffer.length} points still waiting`);
      this.failures = 0;
      const stale = reply.userErrors.find((e) => e.code === 'STALE_LEASE');
      if (stale) return this.lose(stale.message);
      if (reply.userErrors.length > 0) {
        // A bad batch (a malformed key, say) is dropped: re-sending it would fail forever.
        this.options.log.warn(`the API refused ${batch.length} metric points: ${reply.userErrors.map((e) => e.message).join('; ')}`);
      } else {
        this.acknowledged += batch.length;
      }
      if (reply.shouldPrune) this.shouldPrune = true;
      this.scheduleHeartbeat();
      this.wakeWaiters();
      // Keep going only while a full batch (or a requested drain) is waiting; a partial batch waits for the timer.
      if (this.buffer.length >= this.batchPoints || (this.forceDrain && this.buffer.length > 0)) continue;
      if (this.buffer.length > 0) {
        this.flushTimer ??= setTimeout(() => {
          this.flushTimer = undefined;
          this.kick();
        }, this.flushMs);
      }
      break;
    }
  }
}

/**
 * A batch with one point per key and step, the last one given (a program that prints a step twice corrected it):
 * the API refuses a batch holding one key and step with two values.
 */
export function lastPerStep(batch: WirePoint[]): WirePoint[] {
  const last = new Map<string, number>();
  batch.forEach((point, i) => last.set(`${point.key}\u0000${point.step}`, i));
  return last.size === batch.length ? batch : batch.filter((point, i) => last.get(`${point.key}\u0000${point.step}`) === i);
}
