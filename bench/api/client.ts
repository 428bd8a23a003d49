// The benchmarks' GraphQL client, shared by bench:api and bench:abuse: node:http over kept-alive connections, as
// the runner itself sends its requests (apps/runner/src/agent/graphql-client.ts); `fetch` cost these clients
// about five times the CPU a request.
import http from 'node:http';

export type Auth = { cookie?: string; token?: string };

/** A GraphQL answer as it came: data and errors. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- benchmarks read deep results without typing each
export type Answer<T = any> = { data?: T; errors?: { message?: string; extensions?: { code?: string } }[] };

const keepAlive = new http.Agent({ keepAlive: true });

/** POST /graphql; resolves to the whole answer. `payload` saves serialising a request sent many times. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see Answer
export function post<T = any>(url: string, query: string, variables: unknown, auth: Auth, payload = JSON.stringify({ query, variables })): Promise<Answer<T>> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      agent: keepAlive,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(payload),
        ...(auth.cookie ? { cookie: auth.cookie } : {}),
        ...(auth.token ? { authorization: `Bearer ${auth.token}` } : {}),
      },
    });
    request.once('error', reject);
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer<T>);
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      response.once('error', reject);
    });
    request.end(payload);
  });
}

/** POST /graphql and return `data`, throwing on any error. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see Answer
export async function gql<T = any>(url: string, query: string, variables: unknown, auth: Auth): Promise<T> {
  const body = await post<T>(url, query, variables, auth);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

/** The runner protocol's three operations, asking for what a simulated runner reads. */
export const CLAIM = `mutation($i: TrialClaimInput!) { trialClaim(input: $i) { leases { leaseToken trial { id } } } }`;
export const REPORT = `mutation($i: TrialReportInput!) { trialReport(input: $i) { accepted userErrors { code } } }`;
export const COMPLETE = `mutation($i: TrialCompleteInput!) { trialComplete(input: $i) { userErrors { code } } }`;

/**
 * A person signed up (`email`, `name`), with a team and a project slugged `bench`, a RUNNER token and `runners`
 * registered runners that accept commands: what every queue benchmark starts from.
 */
export async function benchTeam(url: string, person: { email: string; name: string }, runners: number) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($i: SignUpInput!) { signUp(input: $i) { user { id } } }',
      variables: { i: { ...person, password: 'bench password 1' } },
    }),
  });
  const user: Auth = { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0]! };
  const { teamCreate } = await gql(url, 'mutation { teamCreate(input: {name: "Bench", slug: "bench"}) { team { id } } }', {}, user);
  const teamId = teamCreate.team.id;
  const { projectCreate } = await gql(
    url,
    'mutation($t: ID!) { projectCreate(input: {teamId: $t, name: "Bench", slug: "bench"}) { project { id } } }',
    { t: teamId },
    user,
  );
  const { apiTokenCreate } = await gql(
    url,
    'mutation($t: ID!) { apiTokenCreate(input: {teamId: $t, name: "bench", scope: RUNNER}) { secret } }',
    { t: teamId },
    user,
  );
  const token: Auth = { token: apiTokenCreate.secret as string };
  const runnerIds: string[] = [];
  for (let i = 0; i < runners; i += 1) {
    const { runnerRegister } = await gql(
      url,
      'mutation($i: RunnerRegisterInput!) { runnerRegister(input: $i) { runner { id } } }',
      { i: { name: `bench-${i}`, host: 'bench', capabilities: { backend: 'none', gpus: 0, labels: [], acceptsCommands: true } } },
      token,
    );
    runnerIds.push(runnerRegister.runner.id);
  }
  return { user, token, runnerIds, projectId: projectCreate.project.id as string };
}

/**
 * A study (random-sampled unless `sampler` says otherwise) of `command` objectives (`true`: the runners are the benchmark) minimising `loss` over
 * `space`, created as `user` in the bench project; its id.
 */
export async function benchStudy(
  url: string,
  user: Auth,
  projectId: string,
  study: { name: string; space: Record<string, unknown>; maxParallel: number; maxTrials: number | null; sampler?: Record<string, unknown> },
): Promise<string> {
  const { studyCreate } = await gql(
    url,
    `mutation($i: StudyCreateInput!) { studyCreate(input: $i) { study { id } userErrors { message } } }`,
    {
      i: {
        projectId,
        name: study.name,
        objectives: [{ name: 'loss', direction: 'MINIMIZE' }],
        space: study.space,
        sampler: study.sampler ?? { kind: 'random', seed: 1 },
        objective: { kind: 'command', command: ['true'] },
        budget: { maxTrials: study.maxTrials, maxParallel: study.maxParallel },
      },
    },
    user,
  );
  return studyCreate.study.id as string;
}
