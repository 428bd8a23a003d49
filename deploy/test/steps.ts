// What the deployment tests (run.ts: the Kubernetes manifests; compose.ts: the Compose file) share: a log line with
// the seconds since the start, a named check that stops the run, and waiting for a condition.

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `say` prints `[label  Ns] line`; `check` says `ok: what` or throws `FAILED: what`. */
export function reporter(label: string) {
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  const say = (line: string) =>
    process.stdout.write(`[${label} ${seconds().toFixed(0).padStart(3)}s] ${line}\n`);
  const check = (ok: unknown, what: string): void => {
    if (!ok) throw new Error(`FAILED: ${what}`);
    say(`ok: ${what}`);
  };
  return { say, check, seconds };
}

/** Polls `probe` every 500 ms until it returns a value (not undefined or false); errors count as not yet. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? ` (${String(last)})` : ''}`,
      );
    await sleep(500);
  }
}
