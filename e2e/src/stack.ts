// The real Tuneboard stack for a browser test or a benchmark: the API (PGlite in a fresh folder), the built
// dashboard (`next start`), and runners on demand. Everything is a child process, stopped by `stop()`.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { webBuildVerdict } from '@tuneboard/start/build';
import { freePort, freePorts } from '@tuneboard/start/ports';
import { env } from './env.ts';
import { postGraphQL, type GraphQLAuth } from './graphql.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const webDir = path.join(root, 'apps', 'web');

export type { GraphQLAuth };

export interface Stack {
  apiUrl: string;
  webUrl: string;
  /** POST to the API; throws on GraphQL errors. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, auth?: GraphQLAuth): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read deep results
  /** Stops the API (its WebSockets close, events of its last moments are lost) and starts it again on the same data. */
  restartApi(): Promise<void>;
  /** Creates a RUNNER token for the team (as the signed-in user) and starts a runner process with it; `kill()` ends it with SIGKILL (a crash, no goodbye). */
  startRunner(teamId: string, auth: GraphQLAuth, options?: { concurrency?: number; name?: string }): Promise<{ kill(): Promise<void> }>;
  stop(): Promise<void>;
}

export interface Child {
  name: string;
  process: ChildProcess;
  output: string[];
}

function start(name: string, command: string, args: string[], cwd: string, extraEnv: Record<string, string>): Child {
  const child = spawn(command, args, { cwd, env: { ...env.base, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output.push(text);
    if (output.length > 400) output.shift();
    if (env.verbose) process.stderr.write(`[${name}] ${text}`);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return { name, process: child, output };
}

async function waitFor(what: Child, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (what.process.exitCode !== null) {
      throw new Error(`${what.name} exited with code ${what.process.exitCode}:\n${what.output.join('').slice(-4000)}`);
    }
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what.name} was not ready after ${timeoutMs} ms:\n${what.output.join('').slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Whether any process of the group `pgid` still runs (a group leader's children outlive it for a moment). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Stops a child and everything it started (it leads its own process group), politely first. Returns once the
 * whole group is gone, not when the leader exits: `tsx` exits before the Node process it started, and an API
 * restarted in that moment finds its PGlite folder still locked by the old one.
 */
async function stopChild(child: Child): Promise<void> {
  const pid = child.process.pid;
  if (pid === undefined) return;
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
    } catch {
      // Already gone.
    }
  };
  if (child.process.exitCode === null && child.process.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.process.once('exit', () => resolve()));
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  const deadline = Date.now() + 10_000;
  while (groupAlive(pid)) {
    if (Date.now() > deadline) signal('SIGKILL');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Builds the dashboard when its build (apps/web/<NEXT_DIST_DIR>, `.next` by default) is missing or older than a
 * source, with the launcher's rule, or when `force` asks. The build does not depend on the API address, so
 * `npm test` builds it once first (turbo's `@tuneboard/web#build`) and every stack here and every `npm start` in
 * a test reuses it.
 */
export async function ensureWebBuild(options: { force?: boolean } = {}): Promise<void> {
  const verdict = webBuildVerdict(webDir, env.distDir);
  if (!verdict.stale && !options.force) return;
  const reason = verdict.stale ? verdict.reason : 'a rebuild was asked for';
  process.stdout.write(`e2e: building the dashboard into apps/web/${env.distDir} (${reason}; a few minutes on a busy machine)…\n`);
  const build = start('next build', bin('next'), ['build'], webDir, { NEXT_DIST_DIR: env.distDir, NEXT_TELEMETRY_DISABLED: '1' });
  const code = await new Promise<number | null>((resolve) => build.process.once('exit', resolve));
  if (code !== 0) throw new Error(`next build failed with code ${code}:\n${build.output.join('').slice(-6000)}`);
  process.stdout.write('e2e: dashboard built\n');
}

/** Serves the dashboard's build against the API at `apiUrl` (forwarded by the dashboard at request time). */
export async function startWeb(apiUrl: string, port?: number): Promise<{ url: string; child: Child; stop(): Promise<void> }> {
  await ensureWebBuild();
  const webPort = port ?? (await freePort());
  const url = `http://127.0.0.1:${webPort}`;
  const child = start('web', bin('next'), ['start', '--port', String(webPort), '--hostname', '127.0.0.1'], webDir, {
    NEXT_DIST_DIR: env.distDir,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    TUNEBOARD_API_URL: apiUrl,
    TUNEBOARD_API_WS_URL: apiUrl.replace(/^http/, 'ws'),
  });
  try {
    await waitFor(child, async () => (await fetch(`${url}/sign-in`)).status < 500, 90_000);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { url, child, stop: () => stopChild(child) };
}

export interface StackOptions {
  /** More settings for the API (e.g. a short LEASE_SECONDS), over the test stack's own. */
  apiEnv?: Record<string, string>;
}

/** Starts the API on a fresh PGlite folder and the dashboard; runners start later, once a team exists. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const [apiPort, webPort] = (await freePorts(2)) as [number, number];
  const apiUrl = `http://127.0.0.1:${apiPort}/graphql`;
  const webUrl = `http://127.0.0.1:${webPort}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tb-e2e-pglite-'));
  const children: Child[] = [];

  const startApi = () =>
    start('api', bin('tsx'), ['src/main.ts'], path.join(root, 'apps', 'api'), {
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
      TUNEBOARD_DATA_DIR: dataDir,
      WEB_ORIGINS: `${webUrl},http://localhost:${webPort}`,
      LOG_LEVEL: 'warn',
      REAPER_INTERVAL_MS: '1000',
      // Tests sign people up through the dashboard; by default only the first account could sign up without an invitation.
      TUNEBOARD_SIGNUP_POLICY: 'open',
      ...options.apiEnv,
    });
  const apiReady = (child: Child) =>
    waitFor(
      child,
      async () => (await fetch(apiUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' })).ok,
      90_000,
    );
  let api = startApi();
  children.push(api);
  const stop = async () => {
    for (const child of children.reverse()) await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await apiReady(api);
    const web = await startWeb(apiUrl, webPort);
    children.push(web.child);
  } catch (error) {
    await stop();
    throw error;
  }

  const gql: Stack['gql'] = (query, variables, auth) => postGraphQL(apiUrl, query, variables, auth);

  return {
    apiUrl,
    webUrl,
    gql,
    async restartApi() {
      await stopChild(api);
      const next = startApi();
      children[children.indexOf(api)] = next;
      api = next;
      await apiReady(api);
    },
    async startRunner(teamId, auth, runnerOptions = {}) {
      const { apiTokenCreate } = await gql(
        'mutation($i: ApiTokenCreateInput!) { apiTokenCreate(input: $i) { secret userErrors { message } } }',
        { i: { teamId, name: `e2e-runner-${children.length}`, scope: 'RUNNER' } },
        auth,
      );
      if (!apiTokenCreate.secret) throw new Error(`apiTokenCreate failed: ${JSON.stringify(apiTokenCreate.userErrors)}`);
      const runner = start(
        'runner',
        bin('tsx'),
        ['src/cli.ts', '--api', apiUrl, '--token', apiTokenCreate.secret, '--concurrency', String(runnerOptions.concurrency ?? 2), '--name', runnerOptions.name ?? `e2e-${children.length}`],
        path.join(root, 'apps', 'runner'),
        { TUNEBOARD_LOG_LEVEL: 'warn' },
      );
      children.push(runner);
      return {
        async kill() {
          const pid = runner.process.pid;
          if (pid === undefined) return;
          try {
            process.kill(-pid, 'SIGKILL');
          } catch {
            // Already gone.
          }
          await stopChild(runner);
        },
      };
    },
    stop,
  };
}

/** The API session cookie a signed-in browser holds, as a request header. */
export function cookieHeader(cookies: readonly { name: string; value: string }[]): string {
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Creates a study through the API (`input` is a StudyCreateInput) and returns its id; throws with the userErrors when refused. */
export async function createStudy(stack: Stack, input: Record<string, unknown>, auth: GraphQLAuth): Promise<string> {
  const { studyCreate } = await stack.gql(
    'mutation($i: StudyCreateInput!) { studyCreate(input: $i) { study { id } userErrors { message } } }',
    { i: input },
    auth,
  );
  if (!studyCreate.study) throw new Error(`studyCreate refused: ${JSON.stringify(studyCreate.userErrors)}`);
  return studyCreate.study.id as string;
}
