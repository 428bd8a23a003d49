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

/** The studyCreate mutation both deployment tests send (a small mlp on digits, random sampler, 2 at a time). */
export const STUDY_CREATE =
  'mutation($i: StudyCreateInput!) { studyCreate(input: $i) { study { id } userErrors { field message } } }';

/** The study both deployment tests create: `maxTrials` trials of `epochs` epochs each. */
export function deployStudyInput(projectId: string, name: string, maxTrials: number, epochs: number) {
  return {
    projectId,
    name,
    objectives: [{ name: 'val_accuracy', direction: 'MAXIMIZE' }],
    space: {
      units: { type: 'int', low: 8, high: 32 },
      learning_rate: { type: 'float', low: 0.001, high: 0.1, log: true },
      epochs: { type: 'categorical', choices: [epochs] },
    },
    sampler: { kind: 'random', seed: 7 },
    objective: { kind: 'template', template: 'mlp', dataset: 'digits', metric: 'val_accuracy' },
    budget: { maxTrials, maxParallel: 2 },
  };
}
