import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StartOptions } from './args.ts';
import { webBuildVerdict } from './build.ts';
import { GraphqlClient, waitForApi } from './graphql.ts';
import { demoConcurrency, planStart, readStartState, runFirstStart, writeStartState, type StartState } from './first-start.ts';
import { takenPorts } from './ports.ts';
import { formatPinoLine, LinePrefixer, LineTail, prefixFor } from './prefix.ts';
import { shutdownOrder, signalAction, type ChildName } from './shutdown.ts';

export interface LauncherIo {
  /** One line of the launcher's own output (already without a trailing newline). */
  out: (line: string) => void;
  /** The environment children inherit. */
  env: Record<string, string | undefined>;
  /** Whether the launcher writes to a terminal: piped into a file, children are asked for plain text. */
  color: boolean;
}

interface Running {
  name: ChildName;
  child: ChildProcess;
  tail: LineTail;
  exited: Promise<number | null>;
  done: boolean;
}

/** How long each child may take to stop before it is killed: the runner may be finishing an epoch. */
const stopGraceMs: Record<ChildName, number> = { runner: 30_000, web: 10_000, api: 15_000 };
const nameWidth = 6;
const parentWatch = fileURLToPath(new URL('./parent-watch.mjs', import.meta.url));

export class Launcher {
  private readonly children = new Map<ChildName, Running>();
  private firstSignalAt: number | null = null;
  private stopping = false;
  private settle!: (code: number) => void;
  private readonly result = new Promise<number>((resolve) => (this.settle = resolve));
  private readonly repoRoot: string;
  private readonly tsxImport: string;

  constructor(
    private readonly options: StartOptions,
    private readonly io: LauncherIo,
    repoRoot: string,
  ) {
    this.repoRoot = repoRoot;
    // `node --import <tsx>` runs the TypeScript entry points directly: one process per child, so a signal
    // reaches the program itself rather than an npm wrapper.
    this.tsxImport = createRequire(path.join(repoRoot, 'package.json')).resolve('tsx');
  }

  /** `node` and the flags every child starts with: it stops itself if the launcher dies (parent-watch.mjs). */
  private node(...flags: string[]): string[] {
    return [process.execPath, '--import', parentWatch, ...flags];
  }

  private say(line: string): void {
    this.io.out(`${prefixFor('start', nameWidth)}${line}`);
  }

  get apiUrl(): string {
    return `http://${this.options.host}:${this.options.apiPort}/graphql`;
  }

  get webUrl(): string {
    return `http://localhost:${this.options.webPort}`;
  }

  /** Runs until a signal or a child's death; resolves with the exit code. */
  async run(): Promise<number> {
    process.on('SIGINT', () => this.onSignal('SIGINT'));
    process.on('SIGTERM', () => this.onSignal('SIGTERM'));
    // A closed terminal: stop as for Ctrl-C (by default SIGHUP would kill the launcher and leave the servers).
    process.on('SIGHUP', () => this.onSignal('SIGHUP'));
    // Whatever happens to the launcher, it must not leave servers behind.
    process.on('exit', () => this.killAll());
    this.start().catch((error: unknown) => {
      if (this.stopping) return;
      this.say(`cannot start: ${error instanceof Error ? error.message : String(error)}`);
      void this.stopAll(1);
    });
    return this.result;
  }

  private async start(): Promise<void> {
    const { options } = this;
    const usesPostgres = Boolean(this.io.env.DATABASE_URL);
    this.say(`Tuneboard: API on port ${options.apiPort}${options.web ? `, dashboard on port ${options.webPort}` : ' (no dashboard)'}, one runner`);
    this.say(usesPostgres ? 'database: DATABASE_URL (Postgres)' : `database: embedded PGlite in ${path.join(options.dataDir, 'pglite')}`);

    this.say('checking that the ports are free');
    const needs = [{ what: 'the API', port: options.apiPort, flag: '--api-port', envName: 'TUNEBOARD_API_PORT' }];
    if (options.web) needs.push({ what: 'the dashboard', port: options.webPort, flag: '--web-port', envName: 'TUNEBOARD_WEB_PORT' });
    const problems = await takenPorts(needs, options.host);
    if (problems.length > 0) throw new Error(problems.join('\n'));

    const webDir = path.join(this.repoRoot, 'apps', 'web');
    if (options.web) {
      const verdict = webBuildVerdict(webDir, options.webDistDir);
      if (verdict.stale) {
        this.say(`building the dashboard into apps/web/${options.webDistDir} (a minute or more; once until apps/web changes): ${verdict.reason}`);
        const code = await this.spawnChild('web', this.nextCommand('build'), webDir, this.webEnv(), 'build').exited;
        this.children.delete('web');
        if (this.stopping) return;
        if (code !== 0) throw new Error(`the dashboard build failed (exit ${code}); its output is above`);
        this.say('dashboard built');
      } else {
        this.say('the dashboard build is current');
      }
    }

    const state = readStartState(options.dataDir);
    const plan = planStart(state);
    this.say(
      plan.kind === 'first-start'
        ? 'first start: migrating the new database and starting the API (a few seconds)'
        : 'starting the API (migrations, if any, run first)',
    );
    const api = this.spawnChild('api', this.node('--import', this.tsxImport, 'src/main.ts'), path.join(this.repoRoot, 'apps', 'api'), {
      PORT: String(options.apiPort),
      HOST: options.host,
      WEB_ORIGINS: `http://localhost:${options.webPort},http://127.0.0.1:${options.webPort}`,
      ...(usesPostgres ? {} : { TUNEBOARD_DATA_DIR: path.join(options.dataDir, 'pglite') }),
    });
    await waitForApi(this.apiUrl, () => !api.done);
    if (this.stopping) return;
    this.say(`API ready at ${this.apiUrl}`);

    let current: StartState;
    let password: string | undefined;
    if (plan.kind === 'first-start') {
      for (const step of plan.steps) this.say(`plan: ${step}`);
      const created = await runFirstStart(new GraphqlClient(this.apiUrl), (line) => this.say(line));
      writeStartState(options.dataDir, created.state);
      current = created.state;
      password = created.password;
    } else {
      current = plan.state;
      this.say(`resuming: ${current.ownerEmail}'s demo study continues`);
    }
    if (this.stopping) return;

    if (options.web) {
      this.say('starting the dashboard');
      const web = this.spawnChild('web', this.nextCommand('start', '--port', String(options.webPort), '--hostname', options.host), webDir, this.webEnv());
      await this.waitForWeb(() => !web.done);
      if (this.stopping) return;
    }

    // The demo study is a template: the runner needs no --allow-commands. Command objectives run only when the
    // environment says so (TUNEBOARD_ALLOW_COMMANDS, passed through like the rest of this process's environment).
    const commands = this.io.env.TUNEBOARD_ALLOW_COMMANDS?.trim();
    this.say(`starting one runner (backend: auto; ${this.io.env.TUNEBOARD_CONCURRENCY ?? demoConcurrency} trials at a time; command objectives: ${commands ? `TUNEBOARD_ALLOW_COMMANDS=${commands}` : 'off'})`);
    this.spawnChild('runner', this.node('--import', this.tsxImport, 'src/cli.ts'), path.join(this.repoRoot, 'apps', 'runner'), {
      TUNEBOARD_API: this.apiUrl,
      TUNEBOARD_TOKEN: current.runnerToken,
      TUNEBOARD_NAME: 'local',
      TUNEBOARD_BACKEND: 'auto',
      // Two demo trials at a time, each in its own slot process (one core each); the caller's own setting wins.
      TUNEBOARD_CONCURRENCY: this.io.env.TUNEBOARD_CONCURRENCY ?? String(demoConcurrency),
    });

    this.banner(current, password);
    void this.watchFirstTrial(current);
  }

  private banner(state: StartState, password: string | undefined): void {
    const lines = [
      '',
      '────────────────────────────────────────────────────────────',
      ' Tuneboard is running',
      this.options.web ? ` dashboard  ${this.webUrl}` : ' dashboard  not started (--no-web)',
      ` API        ${this.apiUrl}`,
      this.options.web ? ` demo study ${this.webUrl}/studies/${encodeURIComponent(state.studyId)}` : ` demo study ${state.studyId}`,
    ];
    if (password) {
      lines.push(
        '',
        ` sign in at ${this.webUrl}/sign-in`,
        ` email      ${state.ownerEmail}`,
        ` password   ${password}`,
        ' (shown this once: note it down)',
      );
    } else {
      lines.push(` sign in as ${state.ownerEmail} with the password shown on the first start`);
    }
    lines.push(' Ctrl-C stops everything; the next npm start carries on', '────────────────────────────────────────────────────────────', '');
    for (const line of lines) this.io.out(line);
  }

  /** Says when the first trial of this start finishes, so a newcomer knows the dashboard has something to show. */
  private async watchFirstTrial(state: StartState): Promise<void> {
    const client = new GraphqlClient(this.apiUrl, state.runnerToken);
    const query = `query ($id: ID!) { study(id: $id) { status counts { complete pruned fail total } } }`;
    type Answer = { study: { status: string; counts: { complete: number; pruned: number; fail: number; total: number } } | null };
    const finished = (a: Answer) => (a.study ? a.study.counts.complete + a.study.counts.pruned + a.study.counts.fail : 0);
    try {
      const before = finished(await client.request<Answer>(query, { id: state.studyId }));
      this.say('waiting for the first trial of this start (the runner prints each epoch)');
      while (!this.stopping) {
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        if (this.stopping) return;
        const answer = await client.request<Answer>(query, { id: state.studyId });
        if (!answer.study) return;
        if (finished(answer) > before || answer.study.status !== 'RUNNING') {
          const c = answer.study.counts;
          this.say(`demo study ${answer.study.status}: ${c.complete} complete, ${c.pruned} pruned, ${c.fail} failed of ${c.total}`);
          return;
        }
      }
    } catch {
      // Only a courtesy message: the children's own output says what went wrong.
    }
  }

  private async waitForWeb(alive: () => boolean): Promise<void> {
    for (;;) {
      if (!alive() || this.stopping) return;
      try {
        await fetch(`http://${this.options.host}:${this.options.webPort}/`, { redirect: 'manual' });
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    }
  }

  private nextCommand(...args: string[]): string[] {
    const nextBin = createRequire(path.join(this.repoRoot, 'apps', 'web', 'package.json')).resolve('next/dist/bin/next');
    return this.node(nextBin, ...args);
  }

  private webEnv(): Record<string, string> {
    // Browsers open the live WebSocket to the API themselves; on the host name of the dashboard's URL
    // (localhost), so the session cookie the dashboard set travels with it.
    return {
      TUNEBOARD_API_URL: this.apiUrl,
      TUNEBOARD_API_WS_URL: `ws://localhost:${this.options.apiPort}/graphql`,
      NEXT_DIST_DIR: this.options.webDistDir,
      NEXT_TELEMETRY_DISABLED: '1',
    };
  }

  private spawnChild(name: ChildName, command: string[], cwd: string, extraEnv: Record<string, string>, label: string = name): Running {
    const [program, ...args] = command as [string, ...string[]];
    // Each child leads its own process group: Ctrl-C in the terminal reaches only the launcher, which then
    // stops the children in order (and a group signal also reaches Next's worker processes).
    const child = spawn(program, args, {
      cwd,
      env: { ...this.io.env, ...extraEnv, INIT_CWD: cwd, ...(this.io.color ? {} : { NO_COLOR: '1' }) },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const tail = new LineTail(20);
    const format = name === 'api' ? formatPinoLine : (line: string) => line;
    const emit = (line: string) => {
      tail.push(line);
      this.io.out(line);
    };
    const stdout = new LinePrefixer(prefixFor(label, nameWidth), emit, format);
    const stderr = new LinePrefixer(prefixFor(label, nameWidth), emit, format);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => stdout.write(chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => stderr.write(chunk));
    const running: Running = {
      name,
      child,
      tail,
      done: false,
      exited: new Promise((resolve) => {
        child.on('error', (error) => {
          emit(`${prefixFor(label, nameWidth)}could not start: ${error.message}`);
          running.done = true;
          resolve(null);
        });
        child.on('close', (code, signal) => {
          stdout.flush();
          stderr.flush();
          running.done = true;
          resolve(code ?? (signal ? 128 : null));
        });
      }),
    };
    this.children.set(name, running);
    void running.exited.then((code) => {
      if (this.stopping || label === 'build' || this.children.get(name) !== running) return;
      this.say(`${label} exited unexpectedly (exit ${code}); its last lines:`);
      for (const line of tail.get()) this.io.out(`  ${line}`);
      void this.stopAll(1);
    });
    return running;
  }

  private onSignal(signal: NodeJS.Signals): void {
    const action = signalAction(this.firstSignalAt, Date.now());
    if (action === 'echo') return;
    if (action === 'kill') {
      this.say(`${signal} again: killing every process now`);
      this.killAll();
      process.exit(130);
    }
    this.firstSignalAt = Date.now();
    this.say(`${signal}: stopping the runner, then the dashboard, then the API (send it again to kill at once)`);
    void this.stopAll(0);
  }

  private async stopAll(code: number): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    const running = [...this.children.values()].filter((r) => !r.done).map((r) => r.name);
    for (const name of shutdownOrder(running)) {
      const entry = this.children.get(name);
      if (!entry || entry.done) continue;
      this.say(`stopping ${name}`);
      signalGroup(entry.child, 'SIGTERM');
      const timer = setTimeout(() => {
        this.say(`${name} did not stop within ${stopGraceMs[name] / 1000} s: killing it`);
        signalGroup(entry.child, 'SIGKILL');
      }, stopGraceMs[name]);
      await entry.exited;
      clearTimeout(timer);
    }
    this.say(code === 0 ? 'stopped; everything is saved' : 'stopped');
    this.settle(code);
  }

  private killAll(): void {
    for (const entry of this.children.values()) if (!entry.done) signalGroup(entry.child, 'SIGKILL');
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // Already gone.
    }
  }
}
