/** Bytes of a failed trial's error kept (UTF-8): enough for a message and a stack trace or stderr tail. */
export const MAX_TRIAL_ERROR_BYTES = 8 * 1024;
/** Of those, the start kept when an error is cut: the message; the rest is its end (a traceback's last lines). */
const HEAD_BYTES = 2 * 1024;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Index of the first byte of the character that holds byte `index` (UTF-8 continuation bytes are 10xxxxxx). */
function charStart(bytes: Buffer, index: number): number {
  let at = index;
  while (at > 0 && at < bytes.length && (bytes[at]! & 0xc0) === 0x80) at -= 1;
  return at;
}

/**
 * A runner's `trialFail` error as it is stored: any text a runner sends (a program's stderr, a crash's stack)
 * is accepted, but Postgres text cannot hold U+0000 or lone surrogates (replaced by U+FFFD), and at most
 * `MAX_TRIAL_ERROR_BYTES` are kept: its start and its end, with a note of how much was cut between them.
 */
export function boundedTrialError(error: string): string {
  const clean = error.replaceAll('\u0000', '\uFFFD').replace(LONE_SURROGATE, '\uFFFD');
  const bytes = Buffer.from(clean, 'utf8');
  if (bytes.length <= MAX_TRIAL_ERROR_BYTES) return clean;
  const headEnd = charStart(bytes, HEAD_BYTES);
  // The note's length with the largest count it can show, so the result never exceeds the limit.
  const note = (cut: number) => `\n… (${cut} bytes cut) …\n`;
  const tailBytes = MAX_TRIAL_ERROR_BYTES - headEnd - Buffer.byteLength(note(bytes.length));
  let tailStart = bytes.length - tailBytes;
  while (tailStart < bytes.length && (bytes[tailStart]! & 0xc0) === 0x80) tailStart += 1;
  return `${bytes.subarray(0, headEnd).toString('utf8')}${note(tailStart - headEnd)}${bytes.subarray(tailStart).toString('utf8')}`;
}
