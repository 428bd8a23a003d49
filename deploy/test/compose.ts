// The Compose path of docs/deploy.md ("With Podman/Docker Compose"), run as written: deploy/compose/compose.yaml
// brought up with podman-compose (or `docker compose` with CONTAINER_ENGINE=docker) on the images test-deploy.sh
// built. Postgres, the API and the dashboard first; the first account, its team, project and a RUNNER token through
// the dashboard's /graphql, as a browser would; then the runner with that token. Checks that a study completes,
// that the live view is fed, that /readyz, the metrics port and the dashboard answer, and that pg_dump works;
// then `down -v`, whatever happened. npm run test:compose, after npm run test:deploy (which installs podman-compose
// and leaves the :latest images; TB_DEPLOY_TAG picks other ones).
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { commandEnv, readDeployTestEnv } from './env.ts';
import { STUDY_CREATE, deployStudyInput, reporter, until } from './steps.ts';

const root = path.resolve(import.meta.dirname, '../..');
const { engine, compose, tag, keep, containersConf } = readDeployTestEnv();
const { say, check, seconds } = reporter('test:compose');
// The project gets its own name; the file is copied to a folder of its own, so that a deploy/compose/.env of
// this checkout is not read (both Compose implementations read the .env beside the file).
const project = 'tb-compose-test';
const work = mkdtempSync(path.join(tmpdir(), 'tb-compose-'));
const file = path.join(work, 'compose.yaml');
copyFileSync(path.join(root, 'deploy/compose/compose.yaml'), file);

const ports = { api: 4731, web: 4732, metrics: 4733 };
const api = `http://127.0.0.1:${ports.api}`;
const web = `http://127.0.0.1:${ports.web}`;
const metricsToken = randomBytes(16).toString('hex');
// What env.example asks for, with this test's ports; the runner's token is added once it exists.
const settings: Record<string, string> = {
  POSTGRES_PASSWORD: randomBytes(12).toString('hex'),
  TUNEBOARD_METRICS_TOKEN: metricsToken,
  TUNEBOARD_PUBLIC_URL: web,
  TUNEBOARD_API_WS_URL: `ws://127.0.0.1:${ports.api}/graphql`,
  SECURE_COOKIES: 'false',
  TUNEBOARD_RUNNER_TOKEN: '',
  TUNEBOARD_TAG: tag,
  TUNEBOARD_BIND_ADDRESS: '127.0.0.1',
  TUNEBOARD_API_HOST_PORT: String(ports.api),
  TUNEBOARD_WEB_HOST_PORT: String(ports.web),
  TUNEBOARD_METRICS_HOST_PORT: String(ports.metrics),
};
const engineEnv: Record<string, string> =
  engine === 'podman'
    ? { CONTAINERS_CONF: containersConf || path.join(root, 'deploy/test/containers.conf') }
    : {};

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): string {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    env: commandEnv({ ...engineEnv, ...extraEnv }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}${result.stderr}`.slice(-4000),
    );
  return result.stdout;
}
const composeRun = (...args: string[]) =>
  run(compose[0]!, [...compose.slice(1), '-p', project, '-f', file, ...args], settings);
/** The project's containers (both implementations label them as Docker Compose does). */
const containers = (service?: string) =>
  run(engine, [
    'ps',
    '-a',
    '--filter',
    `label=com.docker.compose.project=${project}`,
    ...(service ? ['--filter', `label=com.docker.compose.service=${service}`] : []),
    '--format',
    '{{.Names}}',
  ])
    .split('\n')
    .filter(Boolean);

function teardown(): void {
  try {
    composeRun('down', '-v', '-t', '5');
  } catch (error) {
    say(`down -v: ${String(error).slice(0, 300)}`);
  }
  // podman-compose 1.0 leaves the project's network behind.
  for (const args of [
    ['network', 'rm', '-f', `${project}_default`],
    ['volume', 'rm', '-f', `${project}_pgdata`],
  ])
    spawnSync(engine, args, { env: commandEnv(engineEnv), stdio: 'ignore' });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- results read deep without typing each
type Data = Record<string, any>;
/** A GraphQL request through the dashboard's /graphql, with the browser's Origin (the public URL). */
async function viaDashboard(query: string, variables: unknown, cookie?: string): Promise<Response> {
  return fetch(`${web}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: web, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
}
async function gql(query: string, variables: unknown, cookie: string): Promise<Data> {
  const body = (await (await viaDashboard(query, variables, cookie)).json()) as {
    data?: Data;
    errors?: unknown[];
  };
  if (body.errors?.length) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
  return body.data!;
}

async function main(): Promise<void> {
  if (containers().length > 0) teardown(); // a previous run's, kept with TB_DEPLOY_KEEP or interrupted
  say(`${compose.join(' ')} up -d postgres api web (images :${tag})`);
  composeRun('up', '-d', 'postgres', 'api', 'web');
  const upAt = seconds();
  await until('the API /readyz', async () => (await fetch(`${api}/readyz`)).status === 200, 180_000);
  say(
    `the API is ready ${(seconds() - upAt).toFixed(0)} s after up (database reachable, migrations applied)`,
  );

  // Sign-up, team, project and RUNNER token, through the dashboard as the docs tell a newcomer to do.
  const signUp = await until(
    'the dashboard to forward a sign-up',
    async () => {
      const response = await viaDashboard(
        'mutation($i: SignUpInput!) { signUp(input: $i) { user { id } userErrors { message } } }',
        { i: { email: 'owner@compose.test', name: 'Owner', password: 'correct horse battery staple' } },
      );
      return response.status === 200 ? response : undefined;
    },
    60_000,
  );
  const cookie = (signUp.headers.get('set-cookie') ?? '').split(';')[0]!;
  check(cookie.includes('='), "signed up the first account through the dashboard's /graphql");
  const { teamCreate } = await gql(
    'mutation($i: TeamCreateInput!) { teamCreate(input: $i) { team { id } } }',
    { i: { name: 'Compose', slug: 'compose' } },
    cookie,
  );
  const { projectCreate } = await gql(
    'mutation($i: ProjectCreateInput!) { projectCreate(input: $i) { project { id } } }',
    { i: { teamId: teamCreate.team.id, name: 'Main', slug: 'main' } },
    cookie,
  );
  const { apiTokenCreate } = await gql(
    'mutation($i: ApiTokenCreateInput!) { apiTokenCreate(input: $i) { secret } }',
    { i: { teamId: teamCreate.team.id, name: 'runners', scope: 'RUNNER' } },
    cookie,
  );
  settings.TUNEBOARD_RUNNER_TOKEN = apiTokenCreate.secret;

  const maxTrials = 4;
  const { studyCreate } = await gql(
    STUDY_CREATE,
    { i: deployStudyInput(projectCreate.project.id, 'Compose test', maxTrials, 5) },
    cookie,
  );
  const studyId = studyCreate.study.id as string;
  say(`study created: ${maxTrials} trials, 2 at a time`);

  // The browser's live view: a WebSocket to TUNEBOARD_API_WS_URL from the public origin, with the session cookie.
  const finished: string[] = [];
  const live = createClient({
    url: settings.TUNEBOARD_API_WS_URL!,
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: { cookie, origin: web } });
      }
    },
    retryAttempts: 0,
  });
  live.subscribe(
    { query: 'subscription($id: ID!) { studyEvents(studyId: $id) { kind } }', variables: { id: studyId } },
    {
      next: (event) => finished.push((event.data as { studyEvents: { kind: string } }).studyEvents.kind),
      error: () => {},
      complete: () => {},
    },
  );

  say(`${compose.join(' ')} up -d runner (TUNEBOARD_RUNNER_TOKEN set)`);
  composeRun('up', '-d', 'runner');
  type Counts = { complete: number; pruned: number; fail: number; total: number };
  const done = await until(
    'the study to complete',
    async () => {
      const { study } = await gql(
        'query($id: ID!) { study(id: $id) { status counts { complete pruned fail total } } }',
        { id: studyId },
        cookie,
      );
      return study.status === 'COMPLETED' ? (study.counts as Counts) : undefined;
    },
    240_000,
  );
  check(
    done.total === maxTrials && done.complete + done.pruned === maxTrials && done.fail === 0,
    `the runner finished all ${maxTrials} trials, none failed: ${JSON.stringify(done)}`,
  );
  check(
    finished.filter((kind) => kind === 'TRIAL_FINISHED').length >= 1,
    `the live view received ${finished.filter((kind) => kind === 'TRIAL_FINISHED').length} TRIAL_FINISHED event(s)`,
  );
  await live.dispose();

  check((await fetch(`${api}/readyz`)).status === 200, '/readyz is 200');
  const metricsUrl = `http://127.0.0.1:${ports.metrics}/metrics`;
  check((await fetch(metricsUrl)).status === 401, 'the metrics port refuses a scrape without the token');
  const metrics = await (
    await fetch(metricsUrl, { headers: { authorization: `Bearer ${metricsToken}` } })
  ).text();
  const claimed = Number(/^tuneboard_trials_claimed_total (\d+)/m.exec(metrics)?.[1] ?? NaN);
  check(claimed >= maxTrials, `the metrics port counts ${claimed} claims`);

  const signIn = await fetch(`${web}/`, { redirect: 'manual' });
  check(
    signIn.status === 307 && signIn.headers.get('location')?.includes('/sign-in'),
    'the dashboard sends a visitor without a session to /sign-in',
  );
  const page = await until(
    "the study's page",
    async () => {
      const response = await fetch(`${web}/studies/${studyId}`, { headers: { cookie } });
      const html = await response.text();
      return response.status === 200 && html.includes('Compose test') ? html : undefined;
    },
    60_000,
  );
  check(/COMPLETED/i.test(page), "the dashboard serves the study's page, COMPLETED");

  const [postgres] = containers('postgres');
  const dump = execFileSync(engine, ['exec', postgres!, 'pg_dump', '-U', 'tuneboard', '-Fc', 'tuneboard'], {
    env: commandEnv(engineEnv),
    maxBuffer: 256 * 1024 * 1024,
  });
  check(
    dump.subarray(0, 5).toString() === 'PGDMP',
    `pg_dump in the postgres container gives a dump (${dump.length} bytes)`,
  );
  say(`passed in ${seconds().toFixed(0)} s`);
}

let failed = false;
try {
  await main();
} catch (error) {
  failed = true;
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  let names: string[] = [];
  try {
    names = containers();
  } catch {
    // no engine to ask
  }
  for (const name of names) {
    const logs = spawnSync(engine, ['logs', '--tail', '25', name], {
      encoding: 'utf8',
      env: commandEnv(engineEnv),
    });
    process.stderr.write(`--- ${name} (last lines)\n${logs.stdout}${logs.stderr}\n`);
  }
} finally {
  if (!keep) {
    const downAt = seconds();
    teardown();
    say(`down -v took ${(seconds() - downAt).toFixed(0)} s`);
  }
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
