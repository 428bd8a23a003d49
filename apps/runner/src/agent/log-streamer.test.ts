import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TransientApiError } from './graphql-client.ts';
import { LogStreamer, maxAppendBytes, maxLineBytes, maxLinesPerAppend, wireText, type WireLogLine } from './log-streamer.ts';
import { memoryLogger } from './logger.ts';

type Reply = { accepted: number; userErrors: { message: string; code: string }[] };

function harness(reply: (batch: WireLogLine[]) => Promise<Reply> = async (batch) => ({ accepted: batch.length, userErrors: [] }), maxBufferedBytes?: number) {
  const batches: WireLogLine[][] = [];
  const warnings: string[] = [];
  const streamer = new LogStreamer({
    log: memoryLogger(warnings),
    backoff: { random: () => 0 },
    ...(maxBufferedBytes ? { maxBufferedBytes } : {}),
    send: (batch) => {
      batches.push(batch);
      return reply(batch);
    },
  });
  return { streamer, batches, warnings };
}

describe('LogStreamer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gathers lines for a second and sends them as one batch, in order, split at line breaks and without blank lines', async () => {
    const { streamer, batches } = harness();
    streamer.push('RUNNER', 'claimed');
    streamer.push('STDOUT', 'one\n\ntwo\r');
    streamer.push('STDERR', '   ');
    await vi.advanceTimersByTimeAsync(999);
    expect(batches).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(batches).toEqual([
      [
        { stream: 'RUNNER', text: 'claimed' },
        { stream: 'STDOUT', text: 'one' },
        { stream: 'STDOUT', text: 'two' },
      ],
    ]);
    expect(streamer.acknowledged).toBe(3);
    streamer.close();
  });

  it('keeps every batch within the API limits: 500 lines, 256 KiB, 8 KiB a line', async () => {
    const { streamer, batches } = harness();
    for (let i = 0; i < 1_200; i += 1) streamer.push('STDOUT', `line ${i}`);
    streamer.push('STDOUT', 'z'.repeat(20_000));
    for (let i = 0; i < 40; i += 1) streamer.push('STDOUT', 'y'.repeat(8_000));
    expect(await streamer.flush()).toBe(true);
    for (const batch of batches) {
      expect(batch.length).toBeLessThanOrEqual(maxLinesPerAppend);
      expect(batch.reduce((sum, line) => sum + Buffer.byteLength(line.text) + 1, 0)).toBeLessThanOrEqual(maxAppendBytes);
      for (const line of batch) expect(Buffer.byteLength(line.text)).toBeLessThanOrEqual(maxLineBytes);
    }
    const sent = batches.flat();
    expect(sent).toHaveLength(1_241);
    expect(sent.slice(0, 1_200).map((l) => l.text)).toEqual(Array.from({ length: 1_200 }, (_, i) => `line ${i}`));
    expect(sent[1_200]!.text.endsWith('… (line cut)')).toBe(true);
    streamer.close();
  });

  it('makes text storable: U+0000 and lone surrogates become U+FFFD, a cut never splits a character', () => {
    expect(wireText('a\u0000b\uD800c')).toBe('a\uFFFDb\uFFFDc');
    const cut = wireText('é'.repeat(10_000));
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(maxLineBytes);
    expect(cut).toMatch(/^é+ … \(line cut\)$/);
  });

  it('sends a batch again after a network failure, in order, with what came meanwhile', async () => {
    let down = true;
    const { streamer, batches } = harness(async (batch) => {
      if (down) throw new TransientApiError('connection refused');
      return { accepted: batch.length, userErrors: [] };
    });
    streamer.push('RUNNER', 'a');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(batches).toHaveLength(1);
    down = false;
    streamer.push('RUNNER', 'b');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(batches.at(-1)!.map((l) => l.text)).toEqual(['a', 'b']);
    expect(streamer.pending).toBe(0);
    streamer.close();
  });

  it('keeps at most its byte budget while the API is away, dropping the oldest lines and saying how many', async () => {
    let down = true;
    const { streamer, batches } = harness(async (batch) => {
      if (down) throw new TransientApiError('connection refused');
      return { accepted: batch.length, userErrors: [] };
    }, 1_000);
    for (let i = 0; i < 100; i += 1) streamer.push('STDOUT', `line ${String(i).padStart(3, '0')} ${'x'.repeat(40)}`);
    down = false;
    expect(await streamer.flush()).toBe(true);
    const sent = batches.at(-1)!;
    expect(sent[0]!.text).toMatch(/^\[\d+ older log lines dropped while the API was unreachable\]$/);
    expect(sent.at(-1)!.text.startsWith('line 099')).toBe(true);
    expect(sent.slice(1).reduce((sum, l) => sum + Buffer.byteLength(l.text) + 1, 0)).toBeLessThanOrEqual(1_000);
    streamer.close();
  });

  it('stops for good on a stale lease, and drops a batch the API refuses with a warning', async () => {
    const refusing = harness(async () => ({ accepted: 0, userErrors: [{ message: 'a line must have 1 to 8192 bytes', code: 'INVALID' }] }));
    refusing.streamer.push('RUNNER', 'x');
    expect(await refusing.streamer.flush()).toBe(true);
    expect(refusing.warnings.join('\n')).toContain('the API refused 1 log lines');
    const stale = harness(async () => ({ accepted: 0, userErrors: [{ message: 'not yours', code: 'STALE_LEASE' }] }));
    stale.streamer.push('RUNNER', 'x');
    expect(await stale.streamer.flush()).toBe(false);
    expect(stale.streamer.lost).toBe(true);
    stale.streamer.push('RUNNER', 'y');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(stale.batches).toHaveLength(1);
  });
});
