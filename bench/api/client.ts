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
