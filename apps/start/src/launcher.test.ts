// The launcher end to end without the dashboard: a real API on a temporary PGlite folder and a real runner.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readStartState } from './first-start.ts';
import { GraphqlClient } from './graphql.ts';
import { freePort } from './ports.ts';

const main = path.join(path.dirname(fileURLToPath(import.meta.url)), 'main.ts');
const tsx = createRequire(import.meta.url).resolve('tsx');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tb-start-it-'));
let current: ChildProcess | undefined;

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function launch(apiPort: number): Started {
  const child = spawn(process.execPath, ['--import', tsx, main, '--no-web', '--data-dir', dataDir, '--api-port', String(apiPort)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  current = child;
  let text = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, started: Started): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (started.child.exitCode !== null) throw new Error(`the launcher exited while waiting for ${what}:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const signIn = `mutation ($input: SignInInput!) { signIn(input: $input) { user { email } userErrors { message } } }`;
const studyQuery = `query ($id: ID!) {
  study(id: $id) { name status counts { complete pruned } trials(first: 100, filter: { states: [COMPLETE, PRUNED] }) { nodes { number state values } } }
  viewer { teams { id } }
}`;
type StudyAnswer = {
  study: { name: string; status: string; counts: { complete: number; pruned: number }; trials: { nodes: { number: number; state: string; values: number[] | null }[] } };
  viewer: { teams: { id: string }[] };
};

afterAll(async () => {
  // SIGINT, not SIGKILL: the launcher's children run in their own process groups and only it stops them.
  if (current && current.exitCode === null) {
    const child = current;
    await new Promise((resolve) => {
      child.on('close', resolve);
      child.kill('SIGINT');
    });
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start without the dashboard', () => {
  let password = '';
  let finishedBefore: { number: number; state: string; values: number[] | null }[] = [];

  it('creates the owner and a running demo study, and stops cleanly on SIGINT', async () => {
    const port = await freePort();
    const started = launch(port);
    password = await until('the printed password', () => started.output().match(/password {3}(\S+)/)?.[1], started);
    const state = readStartState(dataDir);
    expect(state).not.toBeNull();

    const client = new GraphqlClient(`http://127.0.0.1:${port}/graphql`);
    const answer = await client.request<{ signIn: { user: { email: string } | null } }>(signIn, {
      input: { email: state!.ownerEmail, password },
    });
    expect(answer.signIn.user?.email).toBe(state!.ownerEmail);

    const first = await client.request<StudyAnswer>(studyQuery, { id: state!.studyId });
    expect(first.study.name).toBe('Digits MLP');
    expect(first.study.status).toBe('RUNNING');

    // The runner trains the demo: wait for a finished trial so the restart has something to keep.
    finishedBefore = await until(
      'a finished trial',
      async () => {
        const now = await client.request<StudyAnswer>(studyQuery, { id: state!.studyId });
        return now.study.trials.nodes.length > 0 ? now.study.trials.nodes : undefined;
      },
      started,
    );
    expect(started.output()).toContain('runner │');

    started.child.kill('SIGINT');
    expect(await started.exited).toBe(0);
    expect(started.output()).toMatch(/stopping runner[\s\S]*stopping api/);
  });

  it('resumes on the next start with every finished trial and no second account', async () => {
    expect(finishedBefore.length).toBeGreaterThan(0);
    const port = await freePort();
    const started = launch(port);
    await until('the ready banner', () => (started.output().includes('Tuneboard is running') ? true : undefined), started);
    expect(started.output()).toContain('resuming');
    expect(started.output()).not.toContain('creating the owner account');
    expect(started.output()).not.toMatch(/password {3}/);

    const state = readStartState(dataDir)!;
    const client = new GraphqlClient(`http://127.0.0.1:${port}/graphql`);
    const answer = await client.request<{ signIn: { user: { email: string } | null } }>(signIn, {
      input: { email: state.ownerEmail, password },
    });
    expect(answer.signIn.user?.email).toBe(state.ownerEmail);
    const after = await client.request<StudyAnswer>(studyQuery, { id: state.studyId });
    expect(after.viewer.teams).toHaveLength(1);
    const kept = new Map(after.study.trials.nodes.map((t) => [t.number, t]));
    for (const trial of finishedBefore) expect(kept.get(trial.number)).toEqual(trial);

    started.child.kill('SIGINT');
    expect(await started.exited).toBe(0);
  });
  it('leaves no server behind when the launcher itself is killed: its children stop on their own', async () => {
    const port = await freePort();
    const started = launch(port);
    await until('the runner started', () => (started.output().includes('starting one runner') ? true : undefined), started);
    const client = new GraphqlClient(`http://127.0.0.1:${port}/graphql`);
    await client.request('{ __typename }');
    // SIGKILL: the launcher cannot stop anything. Its children notice they were re-parented and stop themselves.
    started.child.kill('SIGKILL');
    await started.exited;
    const portFree = async () => {
      try {
        await client.request('{ __typename }');
        return undefined;
      } catch {
        return true;
      }
    };
    for (let waited = 0; (await portFree()) === undefined; waited += 500) {
      if (waited > 60_000) throw new Error(`the API still answers on port ${port} a minute after its launcher was killed`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    // The API released the data folder too: the next start opens it.
    const again = launch(await freePort());
    await until('the second start', () => (again.output().includes('resuming:') ? true : undefined), again);
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  });
});
