import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runnerApi, type ClaimedTrial } from './api.ts';
import { memoryLogger } from './logger.ts';
import { TrialRun, type RunObjective } from './trial-run.ts';

/** A runner API over a recorded stand-in: every request's operation and variables, answered as the API would. */
function recordingApi(answers: { staleFromRequest?: number } = {}) {
  const sent: { query: string; variables: Record<string, unknown> }[] = [];
  const api = runnerApi(async <T>(query: string, variables?: Record<string, unknown>) => {
    sent.push({ query, variables: variables ?? {} });
    const stale = answers.staleFromRequest !== undefined && sent.length >= answers.staleFromRequest;
    const errors = stale ? [{ message: 'the lease is not yours', code: 'STALE_LEASE' }] : [];
    const reply: Record<string, unknown> = {};
    if (query.includes('trialLogAppend(')) reply.trialLogAppend = { accepted: 1, userErrors: errors };
    if (query.includes('trialReport(')) reply.trialReport = { shouldPrune: false, leaseExpiresAt: null, accepted: 1, userErrors: errors };
    for (const field of ['trialComplete', 'trialFail', 'trialPrune', 'trialRelease']) {
      if (query.includes(`${field}(`)) reply[field] = { trial: stale ? null : { id: 'T1', state: 'COMPLETE' }, userErrors: errors };
    }
    return reply as T;
  });
  return { api, sent };
}

const lease: ClaimedTrial = {
  leaseToken: '6f1c0e43-3c55-4f5e-9d52-9a3c2f0a8b11',
  leaseExpiresAt: new Date(Date.now() + 60_000).toISOString(),
  trial: {
    id: 'T1',
    number: 1,
    attempt: 0,
    params: { x: 1 },
    study: { id: 'S1', name: 'probe', objective: { kind: 'command', command: ['true'] }, objectives: [{ name: 'loss', direction: 'MINIMIZE' }] },
  },
};

const threeSteps: RunObjective = async (_spec, _params, options) => {
  for (let step = 0; step < 3; step += 1) await options.onMetrics?.([{ key: 'loss', step, value: 1 / (step + 1) }]);
  return { state: 'COMPLETE', values: [0.25] };
};

function run(api: ReturnType<typeof recordingApi>['api']) {
  return new TrialRun({ lease, slot: 0, api, log: memoryLogger(), backend: 'cpu', gpus: 0, exit: new AbortController().signal, runObjective: threeSteps });
}

describe('TrialRun', () => {
  it('sends the last points and the end of the attempt in one request, points first', async () => {
    const { api, sent } = recordingApi();
    expect(await run(api).done).toEqual({ kind: 'finished', state: 'COMPLETE' });
    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request!.query.indexOf('trialReport(')).toBeGreaterThanOrEqual(0);
    expect(request!.query.indexOf('trialReport(')).toBeLessThan(request!.query.indexOf('trialComplete('));
    expect(request!.variables).toMatchObject({
      report: { trialId: 'T1', leaseToken: lease.leaseToken, columns: { keys: ['loss', 'loss', 'loss'], steps: [0, 1, 2], values: [1, 0.5, 1 / 3] } },
      input: { trialId: 'T1', leaseToken: lease.leaseToken, values: [0.25] },
    });
  });

  it("streams the trial's log: the claim, each step and the end travel with the end of the attempt, before it", async () => {
    const { api, sent } = recordingApi();
    const chatty: RunObjective = async (spec, params, options) => {
      options.log?.('stdout says hi', 'STDOUT');
      options.log?.('stderr warns', 'STDERR');
      return threeSteps(spec, params, options);
    };
    const trial = new TrialRun({ lease, slot: 0, api, log: memoryLogger(), backend: 'cpu', gpus: 0, exit: new AbortController().signal, runObjective: chatty });
    expect(await trial.done).toEqual({ kind: 'finished', state: 'COMPLETE' });
    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request!.query.indexOf('trialLogAppend(')).toBeLessThan(request!.query.indexOf('trialComplete('));
    const { lines } = request!.variables.log as { lines: { stream: string; text: string }[] };
    expect(lines.map((l) => l.stream)).toEqual(['RUNNER', 'STDOUT', 'STDERR', 'RUNNER', 'RUNNER']);
    expect(lines[0]!.text).toMatch(/^claimed \(study probe, slot 0\): \{"x":1\}$/);
    expect(lines.slice(1, 3).map((l) => l.text)).toEqual(['stdout says hi', 'stderr warns']);
    // The first step's progress (a command's steps come at most once a second, and these came at once), then the end.
    expect(lines[3]!.text).toMatch(/^trial 1 · probe · step 0 · loss=1/);
    expect(lines[4]!.text).toMatch(/^objective returned COMPLETE after /);
  });

  it('takes a stale lease refusing those last points as a lost trial', async () => {
    const { api } = recordingApi({ staleFromRequest: 1 });
    expect(await run(api).done).toMatchObject({ kind: 'lost' });
  });

  it('fails a command trial it was handed without --allow-commands, with the reason, never starting it', async () => {
    const marker = path.join(mkdtempSync(path.join(tmpdir(), 'tb-refuse-')), 'ran');
    const script = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`;
    const command = { kind: 'command', command: [process.execPath, '-e', script], metric: 'loss' };
    const handed = { ...lease, trial: { ...lease.trial, study: { ...lease.trial.study, objective: command } } };
    for (const commands of [undefined, { accept: true as const, programs: ['python3'] }]) {
      const { api, sent } = recordingApi();
      // The real objective runner: the API should never have handed this trial over, and the runner checks anyway.
      const refusing = new TrialRun({ lease: handed, slot: 0, api, log: memoryLogger(), backend: 'cpu', gpus: 0, exit: new AbortController().signal, commands });
      await refusing.done;
      const fail = sent.find((request) => request.query.includes('trialFail('));
      const error = (fail?.variables.input as { error: string } | undefined)?.error;
      expect(error).toMatch(commands ? /does not allow the program .* its --allow-commands list is python3/ : /does not accept command objectives; start it with --allow-commands/);
    }
    expect(existsSync(marker)).toBe(false);
  });
});
