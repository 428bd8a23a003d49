// npm run bench:runner-http [-- --requests 2000 --sparse 60]
// What one GraphQL request costs a runner: `fetch` (undici, web streams), node:http with a kept-alive connection
// (apps/runner/src/agent/graphql-client.ts), and that client on the runner's network thread
// (apps/runner/src/network/threaded-client.ts, what the runner uses), each sending a trialReport-sized request
// to a stand-in server in ANOTHER process (so only the client is counted). Two patterns: back to back (warm: the
// JIT has everything hot) and sparse (a request every 20 ms after work that evicts the caches, as between a
// runner's reports while it trains). Prints, per request, the CPU of the whole process and the time this
// thread's event loop was busy with it (`performance.eventLoopUtilization`): the part the training thread pays.
// Asserts nothing about time.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createThreadedGraphQLClient } from '@tuneboard/runner';

const { values: flags } = parseArgs({
  options: { requests: { type: 'string', default: '2000' }, sparse: { type: 'string', default: '60' } },
});
const requests = Number(flags.requests);
const sparse = Number(flags.sparse);
const log = (line: string) => process.stdout.write(`${line}\n`);

const SERVER = `
  const http = require('node:http');
  const body = JSON.stringify({ data: { trialReport: { accepted: 12, shouldPrune: false, leaseExpiresAt: '2026-12-02T14:00:00.000Z', userErrors: [] } } });
  http.createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(body); }); })
    .listen(0, '127.0.0.1', function () { process.stdout.write(String(this.address().port) + '\\n'); });`;

const query = 'mutation($i: TrialReportInput!) { trialReport(input: $i) { accepted shouldPrune leaseExpiresAt userErrors { code message } } }';
function payload(points: number): Record<string, unknown> {
  return { i: { trialId: 'VHJpYWw6MTIz', leaseToken: '6f1c0e43-3c55-4f5e-9d52-9a3c2f0a8b11', points: Array.from({ length: points }, (_, step) => ({ key: 'val_loss', step, value: Math.random() })) } };
}

async function main() {
  const server = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => server.stdout.once('data', (chunk) => resolve(String(chunk).trim())));
  const url = `http://127.0.0.1:${port}/graphql`;
  const agent = new http.Agent({ keepAlive: true });
  const threaded = createThreadedGraphQLClient({ url, token: 'tb_bench' });
  const clients: Record<string, (variables: Record<string, unknown>) => Promise<unknown>> = {
    fetch: async (variables) => {
      const body = JSON.stringify({ query, variables });
      const timeout = AbortSignal.timeout(30_000);
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer tb_bench' },
        body,
        signal: AbortSignal.any([new AbortController().signal, timeout]),
      });
      return JSON.parse(await response.text());
    },
    'node:http': (variables) =>
      new Promise((resolve, reject) => {
        const body = JSON.stringify({ query, variables });
        const request = http.request(url, {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: 'Bearer tb_bench' },
        });
        request.once('error', reject);
        request.once('response', (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.once('end', () => resolve(JSON.parse(text)));
        });
        request.end(body);
      }),
    'node:http on the network thread': (variables) => threaded.request(query, variables),
  };
  const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
  const junk = new Float64Array(4_000_000);
  const rows: string[] = [];
  try {
    // Two rounds of each, alternating, so neither side is always first.
    for (const round of [1, 2]) {
      for (const [name, send] of Object.entries(clients)) {
        for (let i = 0; i < 100; i += 1) await send(payload(12));
        let start = process.cpuUsage();
        let loop = performance.eventLoopUtilization();
        for (let i = 0; i < requests; i += 1) await send(payload(12));
        const warm = cpuMs(process.cpuUsage(start)) / requests;
        const warmThread = performance.eventLoopUtilization(loop).active / requests;
        let spent = 0;
        let busy = 0;
        for (let i = 0; i < sparse; i += 1) {
          for (let j = 0; j < junk.length; j += 1) junk[j] = junk[j]! * 0.5 + j;
          await new Promise((resolve) => setTimeout(resolve, 20));
          const variables = payload(120);
          start = process.cpuUsage();
          loop = performance.eventLoopUtilization();
          await send(variables);
          busy += performance.eventLoopUtilization(loop).active;
          spent += cpuMs(process.cpuUsage(start));
        }
        rows.push(`| ${round} | ${name} | ${warm.toFixed(3)} | ${warmThread.toFixed(3)} | ${(spent / sparse).toFixed(3)} | ${(busy / sparse).toFixed(3)} |`);
      }
    }
  } finally {
    await threaded.close();
    server.kill();
  }
  log(`bench:runner-http — ${requests} back-to-back requests (12 points) and ${sparse} sparse ones (120 points) per client and round`);
  log('');
  log('| round | client | back to back: CPU ms a request, all threads | this thread busy, ms | sparse: CPU ms, all threads | this thread busy, ms |');
  log('| --- | --- | ---: | ---: | ---: | ---: |');
  for (const row of rows) log(row);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:runner-http failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
