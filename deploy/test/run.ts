// `npm run test:deploy`, after deploy/test/test-deploy.sh built the images: plays deploy/k8s with Podman
// (Postgres, two API replicas, the dashboard, one runner), runs a study through the API, kills one API replica
// mid-study, and checks that the study completes with no trial lost, that the dashboard's live view is fed by
// the other replica, and that /readyz and /metrics answer. Tears everything down, whatever happened.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { readDeployTestEnv } from './env.ts';
import { podOf, readManifests, toYaml, workload, type K8sObject } from './play.ts';
import { STUDY_CREATE, deployStudyInput, reporter, until } from './steps.ts';

const root = path.resolve(import.meta.dirname, '../..');
const k8s = path.join(root, 'deploy/k8s');
const { engine, tag, keep } = readDeployTestEnv();
const network = 'tb-deploy-test';
const apiPorts = [4701, 4702];
const metricsPorts = [4711, 4712];
const runnerMetricsPort = 4721;
const webPort = 3701;
const { say, check, seconds } = reporter('test:deploy');
const podman = (...args: string[]) =>
  execFileSync(engine, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const work = mkdtempSync(path.join(tmpdir(), 'tb-deploy-'));
/** Plays pods on the test network, all answering to `alias` as a Service would. */
function play(file: string, pods: K8sObject[], alias: string): void {
  const yaml = path.join(work, file);
  writeFileSync(yaml, toYaml(pods));
  podman('kube', 'play', '--network', `${network}:alias=${alias}`, yaml);
}

const manifests = readManifests(
  ...['config.yaml', 'api.yaml', 'web.yaml', 'runner.yaml'].map((file) => path.join(k8s, 'base', file)),
  path.join(k8s, 'overlays/trial/postgres.yaml'),
);
const password = randomBytes(12).toString('hex');
const metricsToken = randomBytes(16).toString('hex');
const config = workload(manifests, 'ConfigMap', 'tuneboard').data as Record<string, string>;
const values: Record<string, string> = {
  ...Object.fromEntries(Object.entries(config).map(([key, value]) => [`tuneboard/${key}`, value])),
  'tuneboard/WEB_ORIGINS': `http://127.0.0.1:${webPort}`,
  'tuneboard/TUNEBOARD_API_WS_URL': `ws://127.0.0.1:${apiPorts[1]}/graphql`,
  'tuneboard-postgres/password': password,
  'tuneboard-database/url': `postgres://tuneboard:${password}@tuneboard-postgres:5432/tuneboard`,
  'tuneboard-metrics/token': metricsToken,
};
const images = Object.fromEntries(
  ['api', 'web', 'runner', 'postgres'].map((name) => [
    `localhost/tuneboard-${name}:latest`,
    `localhost/tuneboard-${name}:${tag}`,
  ]),
);
// Plain HTTP here: session cookies without the Secure flag, so the dashboard's cookie works over http://.
const apiEnv = { api: { SECURE_COOKIES: 'false', REAPER_INTERVAL_MS: '1000', LEASE_SECONDS: '20' } };

function teardown(): void {
  for (const pod of [
    'tuneboard-runner-0',
    'tuneboard-web-0',
    'tuneboard-api-0',
    'tuneboard-api-1',
    'tuneboard-postgres-0',
  ]) {
    try {
      podman('pod', 'rm', '-f', '-t', '5', pod);
    } catch {
      // not there
    }
  }
  try {
    podman('network', 'rm', '-f', network);
  } catch {
    // not there
  }
}

const api = (index: number) => `http://127.0.0.1:${apiPorts[index]}`;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- results read deep without typing each
async function gql<T = Record<string, any>>(
  index: number,
  query: string,
  variables: unknown,
  cookie?: string,
): Promise<T> {
  const response = await fetch(`${api(index)}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

async function main(): Promise<void> {
  teardown();
  podman('network', 'create', network);

  say('playing Postgres (StatefulSet tuneboard-postgres as pod tuneboard-postgres-0)');
  play(
    'postgres.yaml',
    [
      podOf(workload(manifests, 'StatefulSet', 'tuneboard-postgres'), 'tuneboard-postgres-0', {
        values,
        images,
      }),
    ],
    'tuneboard-postgres',
  );

  say('playing the API (Deployment tuneboard-api, 2 replicas)');
  const apiDeployment = workload(manifests, 'Deployment', 'tuneboard-api');
  check(apiDeployment.spec.replicas === 2, 'the API Deployment asks for 2 replicas');
  play(
    'api.yaml',
    [0, 1].map((i) =>
      podOf(apiDeployment, `tuneboard-api-${i}`, {
        values,
        images,
        env: apiEnv,
        hostPorts: {
          [`tuneboard-api-${i}/4000`]: apiPorts[i]!,
          [`tuneboard-api-${i}/9464`]: metricsPorts[i]!,
        },
      }),
    ),
    'tuneboard-api',
  );
  for (const i of [0, 1]) {
    await until(
      `replica ${i} /readyz`,
      async () => (await fetch(`${api(i)}/readyz`)).status === 200,
      120_000,
    );
  }
  say('both API replicas ready (database reachable, migrations applied)');
  check(
    ((await (await fetch(`${api(0)}/healthz`)).json()) as { ok?: boolean }).ok === true,
    '/healthz answers on replica 0',
  );

  say('playing the dashboard (Deployment tuneboard-web)');
  play(
    'web.yaml',
    [
      podOf(workload(manifests, 'Deployment', 'tuneboard-web'), 'tuneboard-web-0', {
        values,
        images,
        hostPorts: { 'tuneboard-web-0/3000': webPort },
      }),
    ],
    'tuneboard-web',
  );

  // The first account (sign-up is open until one exists), its team, project and a RUNNER token.
  const signUp = await fetch(`${api(0)}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($i: SignUpInput!) { signUp(input: $i) { user { id } userErrors { message } } }',
      variables: {
        i: { email: 'owner@deploy.test', name: 'Owner', password: 'correct horse battery staple' },
      },
    }),
  });
  const cookie = (signUp.headers.get('set-cookie') ?? '').split(';')[0]!;
  check(cookie.includes('='), 'signed up the first account through replica 0');
  const { teamCreate } = await gql<{ teamCreate: { team: { id: string } } }>(
    0,
    'mutation($i: TeamCreateInput!) { teamCreate(input: $i) { team { id } } }',
    { i: { name: 'Deploy', slug: 'deploy' } },
    cookie,
  );
  const { projectCreate } = await gql(
    1,
    'mutation($i: ProjectCreateInput!) { projectCreate(input: $i) { project { id } } }',
    { i: { teamId: teamCreate.team.id, name: 'Main', slug: 'main' } },
    cookie,
  );
  const { apiTokenCreate } = await gql(
    0,
    'mutation($i: ApiTokenCreateInput!) { apiTokenCreate(input: $i) { secret } }',
    { i: { teamId: teamCreate.team.id, name: 'runners', scope: 'RUNNER' } },
    cookie,
  );
  values['tuneboard-runner-token/token'] = apiTokenCreate.secret;

  const maxTrials = 16;
  const { studyCreate } = await gql(
    0,
    STUDY_CREATE,
    { i: deployStudyInput(projectCreate.project.id, 'Deploy test', maxTrials, 20) },
    cookie,
  );
  const studyId = studyCreate.study.id as string;
  say(`study created through replica 0: ${maxTrials} trials, 2 at a time`);

  // The dashboard's live view on each replica (the browser's WebSocket goes to an API replica directly): the one on
  // the replica that survives must keep receiving events.
  const events: { kind: string; at: number }[][] = [[], []];
  const lives = [0, 1].map((index) => {
    const client = createClient({
      url: `ws://127.0.0.1:${apiPorts[index]}/graphql`,
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers: { cookie } });
        }
      },
      retryAttempts: 0,
    });
    client.subscribe(
      { query: 'subscription($id: ID!) { studyEvents(studyId: $id) { kind } }', variables: { id: studyId } },
      {
        next: (event) =>
          events[index]!.push({
            kind: (event.data as { studyEvents: { kind: string } }).studyEvents.kind,
            at: Date.now(),
          }),
        error: () => {},
        complete: () => {},
      },
    );
    return client;
  });

  say('playing one runner (Deployment tuneboard-runner)');
  play(
    'runner.yaml',
    [
      podOf(workload(manifests, 'Deployment', 'tuneboard-runner'), 'tuneboard-runner-0', {
        values,
        images,
        hostPorts: { [`tuneboard-runner-0/9465`]: runnerMetricsPort },
      }),
    ],
    'tuneboard-runner',
  );

  const STUDY = `query($id: ID!) { study(id: $id) { status counts { pending running complete pruned fail total }
    trials(first: 50) { nodes { number state attempt } } } }`;
  type Study = {
    status: string;
    counts: {
      pending: number;
      running: number;
      complete: number;
      pruned: number;
      fail: number;
      total: number;
    };
    trials: { nodes: { number: number; state: string; attempt: number }[] };
  };
  const read = async (index: number) =>
    (await gql<{ study: Study }>(index, STUDY, { id: studyId }, cookie)).study;
  await until('two finished trials', async () => (await read(0)).counts.complete >= 2, 180_000);

  // The runner reaches the API by its service name, which answers with both replicas: kill the one that served
  // more of its reports, so that the runner certainly loses the replica it was talking to.
  const scrape = async (index: number) =>
    (
      await fetch(`http://127.0.0.1:${metricsPorts[index]}/metrics`, {
        headers: { authorization: `Bearer ${metricsToken}` },
      })
    ).text();
  const series = (text: string, name: string) =>
    Number(
      text
        .split('\n')
        .find((line) => line.startsWith(`${name} `))
        ?.split(' ')[1] ?? NaN,
    );
  const reports = await Promise.all(
    [0, 1].map(async (index) => series(await scrape(index), 'tuneboard_trial_reports_total') || 0),
  );
  const victim = reports[0]! >= reports[1]! ? 0 : 1;
  const survivor = 1 - victim;
  check(
    reports[victim]! >= 1,
    `replica ${victim} served the runner (${reports[victim]} reports; replica ${survivor}: ${reports[survivor]})`,
  );
  say(`killing API replica ${victim} mid-study (SIGKILL, no graceful shutdown)`);
  const killedAt = Date.now();
  podman('pod', 'kill', '--signal', 'KILL', `tuneboard-api-${victim}`);
  const atKill = await read(survivor);
  check(
    atKill.status === 'RUNNING' && atKill.counts.complete < maxTrials,
    `the study was still running when the replica died (${atKill.counts.complete}/${maxTrials} complete)`,
  );

  const done = await until(
    `the study to complete through replica ${survivor}`,
    async () => {
      const study = await read(survivor);
      return study.status === 'COMPLETED' ? study : undefined;
    },
    240_000,
  );
  const numbers = done.trials.nodes.map((trial) => trial.number).sort((a, b) => a - b);
  check(
    done.counts.total === maxTrials &&
      done.counts.complete + done.counts.pruned === maxTrials &&
      done.counts.fail === 0,
    `all ${maxTrials} trials ended COMPLETE, none failed: ${JSON.stringify(done.counts)}`,
  );
  check(
    numbers.join(',') === Array.from({ length: maxTrials }, (_, i) => i).join(','),
    `no trial lost: trial numbers 0..${maxTrials - 1}, each once`,
  );
  const finishedAfter = events[survivor]!.filter(
    (event) => event.at > killedAt && event.kind === 'TRIAL_FINISHED',
  ).length;
  check(
    finishedAfter >= 1,
    `the live view on replica ${survivor} received ${finishedAfter} TRIAL_FINISHED event(s) after replica ${victim} died`,
  );
  await Promise.all(lives.map((client) => client.dispose()));

  check((await fetch(`${api(survivor)}/readyz`)).status === 200, `/readyz of replica ${survivor} is 200`);
  check(
    (await fetch(`${api(survivor)}/metrics`)).status === 404,
    '/metrics is not served on the public API port',
  );
  const metricsUrl = `http://127.0.0.1:${metricsPorts[survivor]}/metrics`;
  check(
    (await fetch(metricsUrl)).status === 401,
    '/metrics on the metrics port refuses a scrape without the token',
  );
  const metrics = await (
    await fetch(metricsUrl, { headers: { authorization: `Bearer ${metricsToken}` } })
  ).text();
  const value = (series: string) =>
    Number(
      metrics
        .split('\n')
        .find((line) => line.startsWith(`${series} `))
        ?.split(' ')[1] ?? NaN,
    );
  check(
    value('tuneboard_trials_claimed_total') >= 1 && value('tuneboard_metric_points_total') >= 1,
    `replica ${survivor} counted claims (${value('tuneboard_trials_claimed_total')}) and points (${value('tuneboard_metric_points_total')})`,
  );
  check(!metrics.includes('Deploy test'), 'no study name in /metrics');
  const runnerMetrics = await (await fetch(`http://127.0.0.1:${runnerMetricsPort}/metrics`)).text();
  const complete = Number(
    /^tuneboard_runner_trials_total\{outcome="complete"\} (\d+)/m.exec(runnerMetrics)?.[1] ?? NaN,
  );
  check(
    complete >= 1 && /tuneboard_runner_info\{backend="[a-z-]+"/.test(runnerMetrics),
    `the runner's /metrics counts ${complete} completed trial(s) and names its backend`,
  );

  const page = await until(
    'the dashboard',
    async () => {
      const response = await fetch(`http://127.0.0.1:${webPort}/`);
      return response.status === 200 ? response : undefined;
    },
    60_000,
  );
  check(/<html/i.test(await page.text()), 'the dashboard serves its page');
  const viaWeb = await fetch(`http://127.0.0.1:${webPort}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      query: 'query($id: ID!) { study(id: $id) { status } }',
      variables: { id: studyId },
    }),
  });
  check(
    ((await viaWeb.json()) as { data?: { study?: { status?: string } } }).data?.study?.status === 'COMPLETED',
    "the dashboard's /graphql reaches the surviving API replica through the service name",
  );
  say(`passed in ${seconds().toFixed(0)} s`);
}

let failed = false;
try {
  await main();
} catch (error) {
  failed = true;
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  for (const pod of [
    'tuneboard-api-0',
    'tuneboard-api-1',
    'tuneboard-runner-0',
    'tuneboard-web-0',
    'tuneboard-postgres-0',
  ]) {
    const container = pod.replace(/-\d+$/, '').replace('tuneboard-', '');
    try {
      const logs = spawnSync(engine, ['logs', '--tail', '25', `${pod}-${container}`], { encoding: 'utf8' });
      process.stderr.write(`--- ${pod} (last lines)\n${logs.stdout}${logs.stderr}\n`);
    } catch {
      // no such container
    }
  }
} finally {
  if (!keep) teardown();
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
