// npm run bench:python [-- --trials 300 --rounds 3 --db postgres --client DIR]
// `study.optimize` of the Python client on a trivial objective with 1 and 8 jobs against the API, beside Optuna's
// `study.optimize` with its RDB storage on the same Postgres server, in the same run; prints trials per second.
// Goal (issue #20): at 8 jobs, at least 5× Optuna's trials/s. Postgres needs TEST_DATABASE_URL (throw-away
// databases are created and dropped). Both sides run in Debian's /usr/bin/python3 (python3-optuna). Asserts nothing.
// The machine is shared: the two sides alternate for `--rounds` rounds and each keeps its best round (a fresh study
// every run, on both sides), and the CPU milliseconds per trial of each side's Python process, and of the API
// process for Tuneboard, are printed beside the wall-clock figures (Postgres's own CPU is in neither).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setupTeam, startTestApi } from '@tuneboard/api/testing';
import { testDatabases } from '@tuneboard/db/testing';

const { values: flags } = parseArgs({
  options: {
    trials: { type: 'string', default: '300' },
    rounds: { type: 'string', default: '3' },
    db: { type: 'string', default: 'postgres' },
    python: { type: 'string', default: '/usr/bin/python3' },
    // Another copy of clients/python to time (an older version, for a before/after under the same conditions).
    client: { type: 'string' },
  },
});
const trials = Number(flags.trials);
const rounds = Math.max(1, Number(flags.rounds));
const log = (line: string) => process.stdout.write(`${line}\n`);
const script = fileURLToPath(new URL('./optimize.py', import.meta.url));
const clientDir = flags.client ?? fileURLToPath(new URL('../../clients/python', import.meta.url));

interface Run {
  trials: number;
  seconds: number;
  /** CPU seconds of the Python process (all its threads). */
  cpu: number;
  /** CPU seconds of this process (the API) during the run: Tuneboard's runs only. */
  apiCpu?: number;
  optuna?: string;
  calls?: Record<string, number>;
}

function python(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(flags.python, ['-B', script, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(stdout.trim().split('\n').at(-1)!))
        : reject(new Error(`${flags.python} exited ${code}:\n${stderr}`)),
    );
  });
}

const target = testDatabases.find((t) => t.name === flags.db);
if (!target || target.name !== 'postgres') {
  throw new Error(
    'bench:python compares against Optuna on the same Postgres: set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres',
  );
}
const handle = await target.create();
const optunaDb = await target.createEmpty();
const api = await startTestApi(handle);
try {
  const team = await setupTeam(api, 'bench');
  const { apiTokenCreate } = await api.gql(
    'mutation($i: ApiTokenCreateInput!) { apiTokenCreate(input: $i) { secret } }',
    { i: { teamId: team.teamId, name: 'bench', scope: 'WRITE' } },
    team.user,
  );
  const { viewer } = await api.gql('{ viewer { tokenTeam { slug } } }', {}, { token: apiTokenCreate.secret });
  const project = `${viewer.tokenTeam.slug}/main`;
  const storage = optunaDb.url.replace(/^postgres:/, 'postgresql:');
  // Optuna creates its tables on first use: a warm-up study, so the timed runs do not include it.
  await python(['optuna', storage, '2', '1']);
  log(
    `bench:python — ${trials} trials a run, trivial objective, random sampling, best of ${rounds} alternating rounds; API in-process on Postgres, clients in ${flags.python}`,
  );
  log(
    'jobs | Tuneboard trials/s | Optuna RDB trials/s | ratio  | CPU ms a trial: Tuneboard client + API | Optuna client',
  );
  const best = (runs: Run[]) => runs.reduce((a, b) => (b.trials / b.seconds > a.trials / a.seconds ? b : a));
  const perTrial = (seconds: number, run: Run) => ((seconds * 1000) / Math.max(run.trials, 1)).toFixed(2);
  for (const jobs of [1, 8]) {
    const tbRuns: Run[] = [];
    const opRuns: Run[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const cpuBefore = process.cpuUsage();
      const tb = await python([
        'tuneboard',
        api.server.url,
        apiTokenCreate.secret as string,
        project,
        String(trials),
        String(jobs),
        clientDir,
      ]);
      const cpu = process.cpuUsage(cpuBefore);
      tbRuns.push({ ...tb, apiCpu: (cpu.user + cpu.system) / 1e6 });
      opRuns.push(await python(['optuna', storage, String(trials), String(jobs)]));
    }
    const tb = best(tbRuns);
    const op = best(opRuns);
    const tbRate = tb.trials / tb.seconds;
    const opRate = op.trials / op.seconds;
    const rates = (runs: Run[]) => runs.map((r) => (r.trials / r.seconds).toFixed(1)).join(', ');
    log(
      `${String(jobs).padStart(4)} | ${tbRate.toFixed(1).padStart(18)} | ${opRate.toFixed(1).padStart(19)} | ${`${(tbRate / opRate).toFixed(2)}×`.padEnd(6)} | ${`${perTrial(tb.cpu, tb)} + ${perTrial(tb.apiCpu!, tb)}`.padStart(38)} | ${perTrial(op.cpu, op)}`,
    );
    log(
      `       rounds, trials/s: Tuneboard ${rates(tbRuns)}; Optuna ${rates(opRuns)} (Optuna ${op.optuna}; ${tb.trials} and ${op.trials} complete)`,
    );
    if (tb.calls)
      log(
        `       Tuneboard requests: ${Object.entries(tb.calls)
          .map(([name, n]) => `${name} ${n}`)
          .join(', ')}`,
      );
  }
} finally {
  await api.close();
  await handle.close();
  await optunaDb.drop();
}
