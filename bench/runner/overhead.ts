// npm run bench:runner-overhead [-- --trials 4 --epochs 40 --parallel 2 --blocks 1 --network-thread on --profile FILE]
// The runner's own overhead: a study of digits-MLP trials run by the real runner loop against a real API
// (its own process, on embedded PGlite in a temporary folder), beside the same trials run by calling the
// objective directly in this process (ABBA rounds). On a 2-core machine that whole-loop difference is dominated
// by the co-located API slowing the wasm training, so each block ends with a stand-in round that measures the
// runner itself: the real loop and API, with busy work in place of training (see `standIn`), against the same
// stand-in trials alone. What the runner adds — claiming, batching and sending metrics, heartbeats,
// completing, waiting for the next claim — is the time its thread spent not working on the trial.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createStudy, setupTeam, type TestApi } from '@tuneboard/api/testing';
import { postGraphQL, type GraphQLAuth } from '@tuneboard/e2e/graphql';
import { startApiProcess } from '../api/process.ts';
import { RunnerAgent, createLogger } from '@tuneboard/runner';
import type { RunObjective } from '@tuneboard/runner';
import { runObjective } from '@tuneboard/runner/objectives';
import type { MetricPoint, ObjectiveResult } from '@tuneboard/runner/objectives';

const { values: flags } = parseArgs({
  options: {
    trials: { type: 'string', default: '4' },
    epochs: { type: 'string', default: '40' },
    // The study's maxParallel. With 1, the next trial exists only once the previous one is complete (its result
    // feeds the sampler), so nothing can be claimed ahead; 2 is the usual setting for a one-slot runner.
    parallel: { type: 'string', default: '2' },
    /** ABBA blocks (loop, direct, direct, loop) run one after the other; each gives its own overhead. */
    blocks: { type: 'string', default: '1' },
    /** `off`: the runner makes its requests on the training thread instead of its network thread (AgentOptions.networkThread). */
    'network-thread': { type: 'string', default: 'on' },
    /** A file: the stand-in rounds are CPU-profiled (this process only) into it, for Chrome's DevTools. */
    profile: { type: 'string' },
  },
});
const trials = Number(flags.trials);
const epochs = Number(flags.epochs);
const parallel = Number(flags.parallel);
const blocks = Math.max(1, Number(flags.blocks));
const networkThread = flags['network-thread'] !== 'off';
const log = (line: string) => process.stdout.write(`${line}\n`);

const objective = { kind: 'template', template: 'mlp', dataset: 'digits' };
const space = {
  learning_rate: { type: 'float', low: 0.001, high: 0.01, log: true },
  units: { type: 'categorical', choices: [64, 128] },
  epochs: { type: 'categorical', choices: [epochs] },
};

function cpuOf(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1e6;
}

/** User + system CPU seconds of a process or thread (Linux /proc; 0 elsewhere). */
function cpuSeconds(pid: number | undefined, file = `/proc/${pid}/stat`): number {
  try {
    const fields = fs.readFileSync(file, 'utf8').split(') ')[1]!.split(' ');
    // Fields 14 and 15 of proc(5) (utime, stime), counted after the command name: indexes 11 and 12.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds of this process's main thread (JavaScript, wasm) and of all its other threads (GC, libuv). */
function threadCpu(): { main: number; others: number } {
  const totals = { main: 0, others: 0 };
  try {
    for (const tid of fs.readdirSync('/proc/self/task')) {
      const seconds = cpuSeconds(Number(tid), `/proc/self/task/${tid}/stat`);
      if (Number(tid) === process.pid) totals.main += seconds;
      else totals.others += seconds;
    }
  } catch {
    // Not Linux: the totals stay 0 and only process.cpuUsage() is printed.
  }
  return totals;
}

interface Phase {
  wall: number;
  cpu: number;
  main: number;
  others: number;
}

v8.setFlagsFromString('--expose-gc');
/** A full collection before each timed phase, so that no phase pays for the garbage of the one before it. */
const collectGarbage = vm.runInNewContext('gc') as () => void;

/** Wall time, process CPU and per-thread CPU of `run`. */
async function measure(run: () => Promise<unknown>): Promise<Phase> {
  const threads = threadCpu();
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  await run();
  const wall = (performance.now() - t0) / 1000;
  const cpuSpent = cpuOf(process.cpuUsage(cpu));
  const after = threadCpu();
  return { wall, cpu: cpuSpent, main: after.main - threads.main, others: after.others - threads.others };
}

type TrialNode = { number: number; params: Record<string, unknown>; state: string; startedAt: string; finishedAt: string; durationSeconds: number };

async function main(): Promise<void> {
  log(`bench:runner-overhead — ${trials} digits-MLP trials of ${epochs} epochs, maxParallel ${parallel}, one slot, backend wasm, API on embedded PGlite, requests ${networkThread ? 'on the runner\'s network thread' : 'on the training thread'}`);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tuneboard-overhead-'));
  const child = await startApiProcess({ PORT: '0', LOG_LEVEL: 'info', TUNEBOARD_DATA_DIR: path.join(folder, 'pglite') });
  const { url } = child;
  const graphql = (query: string, variables: unknown, auth?: GraphQLAuth) => postGraphQL(url, query, variables, auth);
  const api = { server: { url }, gql: graphql } as unknown as TestApi;
  try {
    const team = await setupTeam(api, 'overhead');
    // Warm the backend and the data cache first, so neither side pays for them in the timed part.
    // Whole trials of both sizes, so the JIT has compiled the training loops before either side is timed.
    for (const units of [64, 128]) await runObjective(objective, { learning_rate: 0.003, units, epochs }, { backend: 'wasm', seed: 1 });

    /** One study run to completion by a fresh one-slot RunnerAgent, training with `objectiveFn`. */
    async function loopStudy(round: number, objectiveFn: RunObjective = runObjective) {
      const study = await createStudy(api, team, {
        objectives: [{ name: 'val_accuracy', direction: 'MAXIMIZE' }],
        space,
        objective,
        // The same sampler seed in both rounds: both studies draw the same parameters.
        sampler: { kind: 'random', seed: 11 },
        budget: { maxTrials: trials, maxParallel: parallel },
      });
      // The loop's objective calls, timed: the gaps between them are the slot's idle time.
      const calls: { start: number; end: number }[] = [];
      const timed: RunObjective = async (spec, params, options) => {
        const call = { start: performance.now(), end: 0 };
        calls.push(call);
        const result = await objectiveFn(spec, params, options);
        call.end = performance.now();
        return result;
      };
      const agent = new RunnerAgent({
        runObjective: timed,
        api: api.server.url,
        token: team.runnerAuth.token,
        concurrency: 1,
        backend: 'wasm',
        labels: [],
        name: `overhead-${round}`,
        logLevel: 'warn',
        pollMs: 7_500,
        shutdownMs: 5_000,
        networkThread,
        log: createLogger('warn'),
      });
      collectGarbage();
      await agent.start();
      // After registration and the first connections: one-time costs of a runner that then lives for hours.
      const apiCpuBefore = cpuSeconds(child.pid);
      // Watch the agent in-process, not by asking the API: a status query every 50 ms cost this process and the
      // API about as much CPU as the runner's own reports (earlier versions of this bench did that).
      const phase = await measure(async () => {
        while (agent.outcomes.length < trials) await new Promise((resolve) => setTimeout(resolve, 50));
        await agent.stop();
      });
      const apiCpu = cpuSeconds(child.pid) - apiCpuBefore;
      const { study: done } = await api.gql(
        'query($id: ID!) { study(id: $id) { status trials(first: 500) { nodes { number params state startedAt finishedAt durationSeconds } } } }',
        { id: study.id },
        team.user,
      );
      if (done.status !== 'COMPLETED') throw new Error(`the study is ${done.status} after ${trials} trials, not COMPLETED`);
      const nodes = (done.trials.nodes as TrialNode[]).sort((a, b) => a.number - b.number);
      // The study's wall time as the API saw it: first claim to last completion.
      const wall = (Math.max(...nodes.map((n) => Date.parse(n.finishedAt))) - Math.min(...nodes.map((n) => Date.parse(n.startedAt)))) / 1000;
      const inLoop = calls.reduce((a, c) => a + (c.end - c.start), 0) / 1000;
      const gaps = calls.slice(1).map((c, i) => c.start - calls[i]!.end);
      // The study's first claim → its first objective call, and its last objective return → its last completion
      // (the API's clock and this process's are the same machine's).
      const startLag = (performance.timeOrigin + calls[0]!.start - Math.min(...nodes.map((n) => Date.parse(n.startedAt)))) / 1000;
      const endLag = (Math.max(...nodes.map((n) => Date.parse(n.finishedAt))) - (performance.timeOrigin + calls.at(-1)!.end)) / 1000;
      return { phase: { ...phase, wall }, nodes, inLoop, gaps, apiCpu, startLag, endLag };
    }

    /** What one direct trial produced and when: the stand-in objective replays it (see `standIn`). */
    type Recording = { emissions: { at: number; points: MetricPoint[] }[]; durationMs: number; result: ObjectiveResult };
    const recordings = new Map<string, Recording>();
    const direct = (nodes: TrialNode[]) => {
      collectGarbage();
      return measure(async () => {
        for (const node of nodes) {
          const recording: Recording = { emissions: [], durationMs: 0, result: { state: 'FAIL' } };
          const t0 = performance.now();
          recording.result = await runObjective(objective, node.params, {
            backend: 'wasm',
            seed: node.number,
            onMetrics: (points) => void recording.emissions.push({ at: performance.now() - t0, points }),
          });
          recording.durationMs = performance.now() - t0;
          recordings.set(JSON.stringify(node.params), recording);
        }
      });
    };

    /**
     * The stand-in's "training": integer arithmetic in registers, in 10-ms slices with an event-loop turn between
     * them as train.ts yields (`yieldEveryMs`). Unlike wasm training it touches no memory, so the API busy on the
     * other core does not slow it (measured: a 200-million-step loop took the same time with a `while (true)`
     * process beside it), and unlike timers it keeps the thread busy, so the runner's work waits for a turn
     * between slices and lengthens the trial by exactly what it costs — as it would during real training.
     */
    function spin(steps: number): number {
      let x = 1;
      for (let i = 0; i < steps; i += 1) x = (Math.imul(x, 1664525) + 1013904223) | 0;
      return x;
    }
    // The results go somewhere, so the compiler cannot drop the loop.
    let _sink = 0;
    spin(20_000_000);
    const spinStart = performance.now();
    _sink ^= spin(100_000_000);
    /** Steps of `spin` a millisecond on this machine. */
    const stepsPerMs = 100_000_000 / (performance.now() - spinStart);
    const sliceSteps = Math.round(10 * stepsPerMs);
    let sinceYield = 0;
    /**
     * Milliseconds spent inside `spin` so far. The machine's speed drifts by several per cent between rounds
     * (two rounds of the same stand-in trials alone took 4.81 and 5.08 s), so the overhead is measured as the
     * time *not* spent spinning: the runner's work, the event-loop turns, garbage collection.
     */
    let spinMs = 0;
    async function busy(ms: number): Promise<void> {
      let left = Math.max(0, Math.round(ms * stepsPerMs));
      while (left > 0) {
        const steps = Math.min(left, sliceSteps - sinceYield);
        const t0 = performance.now();
        _sink ^= spin(steps);
        spinMs += performance.now() - t0;
        left -= steps;
        sinceYield += steps;
        if (sinceYield >= sliceSteps) {
          sinceYield = 0;
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    }

    /**
     * A stand-in objective that trains nothing: it does the same amount of busy work (see `busy`) as the direct
     * call with these parameters took, handing the runner that call's metric points after the same amounts of
     * work, then returns the same result. Run by the real loop against the real API, and alone, it shows what the
     * runner adds to a trial's wall time — claiming, batching and sending, heartbeats, completing, waiting for
     * the next claim — with nothing for the co-located API to slow down.
     */
    const standIn: RunObjective = async (_spec, params, options) => {
      const recording = recordings.get(JSON.stringify(params));
      if (!recording) throw new Error(`no direct run recorded for ${JSON.stringify(params)}`);
      let at = 0;
      for (const emission of recording.emissions) {
        await busy(emission.at - at);
        at = emission.at;
        if (options.signal?.aborted) return { state: 'PRUNED', stoppedBy: 'signal' };
        if ((await options.onMetrics?.(emission.points)) === 'prune') return { state: 'PRUNED', stoppedBy: 'pruner' };
      }
      await busy(recording.durationMs - at);
      return recording.result;
    };

    type LoopRound = Awaited<ReturnType<typeof loopStudy>>;
    function report(first: LoopRound, direct1: Phase, direct2: Phase, second: LoopRound) {
      const sameParams = JSON.stringify(first.nodes.map((n) => n.params)) === JSON.stringify(second.nodes.map((n) => n.params));
      if (!sameParams) log('note: the two studies drew different parameters; the loop rounds are not the same work as the direct ones');

      const n = first.nodes.length;
      const mean = (a: Phase, b: Phase): Phase => ({ wall: (a.wall + b.wall) / 2, cpu: (a.cpu + b.cpu) / 2, main: (a.main + b.main) / 2, others: (a.others + b.others) / 2 });
      const loop = mean(first.phase, second.phase);
      const plain = mean(direct1, direct2);
      const gaps = [...first.gaps, ...second.gaps];
      const idle = gaps.reduce((a, b) => a + b, 0) / 1000;
      const row = (what: string, a: number, b: number, c: number, d: number) => log(`| ${what} | ${a.toFixed(2)} | ${b.toFixed(2)} | ${c.toFixed(2)} | ${d.toFixed(2)} |`);
      log('');
      log(`${n} trials a round (${first.nodes.filter((t) => t.state === 'COMPLETE').length} and ${second.nodes.filter((t) => t.state === 'COMPLETE').length} complete), rounds in the order loop 1, direct 1, direct 2, loop 2`);
      log('');
      log('| seconds | loop 1 | direct 1 | direct 2 | loop 2 |');
      log('| --- | ---: | ---: | ---: | ---: |');
      row('wall: loop = first claim to last completion (API timestamps); direct = the calls', first.phase.wall, direct1.wall, direct2.wall, second.phase.wall);
      row('CPU of this process (process.cpuUsage)', first.phase.cpu, direct1.cpu, direct2.cpu, second.phase.cpu);
      row('  of which its main thread (JavaScript and wasm)', first.phase.main, direct1.main, direct2.main, second.phase.main);
      row('  of which its other threads (GC helpers, libuv)', first.phase.others, direct1.others, direct2.others, second.phase.others);
      log('');
      log(`objective calls inside the loop (training while reporting): ${first.inLoop.toFixed(2)} s and ${second.inLoop.toFixed(2)} s`);
      log(`API process CPU meanwhile (it shares the machine's cores with the training): ${first.apiCpu.toFixed(2)} s and ${second.apiCpu.toFixed(2)} s`);
      log(`mean idle gap of the slot between two trials (objective returned → next objective called): ${(idle / Math.max(1, gaps.length)).toFixed(3)} s`);
      log(`  each gap, ms, sorted: ${[...gaps].sort((a, b) => a - b).map((g) => g.toFixed(0)).join(' ')}`);
      log('');
      log(
        `runner overhead (means of the two rounds): ${(100 * (loop.wall - plain.wall) / loop.wall).toFixed(2)} % of the study's wall time, ` +
          `${(1000 * (loop.wall - plain.wall) / n).toFixed(0)} ms a trial; goal < 1 %`,
      );
      log(
        `runner CPU overhead: ${(100 * (loop.cpu - plain.cpu) / plain.cpu).toFixed(2)} % (${(1000 * (loop.cpu - plain.cpu) / n).toFixed(0)} ms a trial), ` +
          `main thread ${(100 * (loop.main - plain.main) / Math.max(plain.main, 1e-9)).toFixed(2)} %; ` +
          `spread between the two rounds of a side: loop ${(1000 * Math.abs(first.phase.cpu - second.phase.cpu) / n).toFixed(0)} ms, ` +
          `direct ${(1000 * Math.abs(direct1.cpu - direct2.cpu) / n).toFixed(0)} ms a trial; ` +
          `slot idle between trials: ${(100 * idle / (first.phase.wall + second.phase.wall)).toFixed(2)} % of the wall time`,
      );
      return {
        wall: (100 * (loop.wall - plain.wall)) / loop.wall,
        cpu: (100 * (loop.cpu - plain.cpu)) / plain.cpu,
        main: (100 * (loop.main - plain.main)) / Math.max(plain.main, 1e-9),
        idle: (100 * idle) / (first.phase.wall + second.phase.wall),
      };
    }

    // ABBA: loop, direct, direct, loop. A fixed "loop first, direct after" order charged the loop with whatever
    // drifts over a run (JIT tiering still going on, heap growth, other people's jobs starting or ending);
    // a balanced order cancels a linear drift, and the spread between the two rounds of a side shows the noise.
    // Several blocks show how far one block's figure moves from the next.
    const perBlock: { wall: number; cpu: number; main: number; idle: number }[] = [];
    const ownPerBlock: { own: number; trial: number; ends: number }[] = [];

    /**
     * The runner's own overhead, from a round of the loop with the stand-in objective, over the study's wall time
     * (the API's first claim to its last completion): the trials' lengthening (time inside the objective calls
     * not spent spinning, with the runner − alone: the runner's work between the slices), the slot's gaps
     * between trials, and the study's first claim and last completion, which a runner working through a long
     * study pays once.
     */
    function reportOwn(round: LoopRound & { spun: number }, alone: Phase & { calls: number; spun: number; rounds: number[] }) {
      const n = round.nodes.length;
      const wall = round.phase.wall;
      // Time inside the objective calls not spent spinning, with the runner and without it.
      const busyElsewhere = round.inLoop - round.spun;
      const aloneElsewhere = alone.calls - alone.spun;
      const inTrials = busyElsewhere - aloneElsewhere;
      const gaps = round.gaps.reduce((a, b) => a + b, 0) / 1000;
      const ends = round.startLag + round.endLag;
      const own = inTrials + gaps + ends;
      const pct = (seconds: number) => `${((100 * seconds) / wall).toFixed(2)} %`;
      const perTrial = (seconds: number) => `${((1000 * seconds) / n).toFixed(1)} ms a trial`;
      log('');
      log(
        `stand-in round (the loop running busy work in place of the direct trials, no training): ${n} trials, wall ${wall.toFixed(2)} s ` +
          `(API timestamps), objective calls ${round.inLoop.toFixed(2)} s of which spinning ${round.spun.toFixed(2)} s; the same trials alone ` +
          `${alone.rounds.map((t) => t.toFixed(2)).join(' and ')} s, not spinning ${(1000 * aloneElsewhere / n).toFixed(1)} ms a trial ` +
          `(with the runner ${(1000 * busyElsewhere / n).toFixed(1)} ms); API process CPU ${round.apiCpu.toFixed(2)} s`,
      );
      log(
        `runner's own overhead: ${pct(own)} of the study's wall time (${perTrial(own)}): inside the trials ${pct(inTrials)} (${perTrial(inTrials)}), ` +
          `gaps between trials ${pct(gaps)}, the study's first claim and last completion ${pct(ends)} ` +
          `(${(1000 * round.startLag).toFixed(0)} + ${(1000 * round.endLag).toFixed(0)} ms); per trial (inside + gaps) ${pct(inTrials + gaps)}; goal < 1 %`,
      );
      return { own: (100 * own) / wall, trial: (100 * (inTrials + gaps)) / wall, ends: (100 * ends) / wall };
    }

    /** The stand-in trials without the runner, one after the other, watched by the same 50 ms loop as a round of the loop. */
    async function standInAlone(nodes: TrialNode[]): Promise<Phase & { calls: number }> {
      collectGarbage();
      let done = false;
      // The calls are timed one by one, as the loop's are: the watcher notices the end up to 50 ms late.
      let calls = 0;
      const phase = await measure(async () => {
        const trials = (async () => {
          for (const node of nodes) {
            const t0 = performance.now();
            await standIn(objective, node.params, { onMetrics: () => undefined });
            calls += performance.now() - t0;
          }
          done = true;
        })();
        while (!done) await new Promise((resolve) => setTimeout(resolve, 50));
        await trials;
      });
      return { ...phase, calls: calls / 1000 };
    }
    /** `run`, CPU-profiled into `--profile` (with the block's number before the extension) when it is given. */
    async function profiled<T>(run: () => Promise<T>, block: number): Promise<T> {
      if (!flags.profile) return run();
      const session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 250 });
      await session.post('Profiler.start');
      try {
        return await run();
      } finally {
        const { profile } = await session.post('Profiler.stop');
        const file = flags.profile.replace(/(\.cpuprofile)?$/, `-${block + 1}.cpuprofile`);
        fs.writeFileSync(file, JSON.stringify(profile));
        log(`CPU profile of the stand-in round: ${file}`);
        session.disconnect();
      }
    }
    for (let k = 0; k < blocks; k += 1) {
      if (blocks > 1) log(`block ${k + 1} of ${blocks}`);
      const first = await loopStudy(2 * k + 1);
      const direct1 = await direct(first.nodes);
      const direct2 = await direct(first.nodes);
      const second = await loopStudy(2 * k + 2);
      perBlock.push(report(first, direct1, direct2, second));
      /** Runs a round and adds the seconds its stand-in trials spent spinning. */
      const spinning = async <T,>(run: () => Promise<T>): Promise<T & { spun: number }> => {
        const before = spinMs;
        const result = await run();
        return { ...result, spun: (spinMs - before) / 1000 };
      };
      const alone1 = await spinning(() => standInAlone(first.nodes));
      const standInRound = await spinning(() => profiled(() => loopStudy(2 * k + 3, standIn), k));
      const alone2 = await spinning(() => standInAlone(first.nodes));
      const alone = {
        wall: (alone1.wall + alone2.wall) / 2,
        cpu: (alone1.cpu + alone2.cpu) / 2,
        main: (alone1.main + alone2.main) / 2,
        others: (alone1.others + alone2.others) / 2,
        spun: (alone1.spun + alone2.spun) / 2,
        calls: (alone1.calls + alone2.calls) / 2,
        rounds: [alone1.wall, alone2.wall],
      };
      ownPerBlock.push(reportOwn(standInRound, alone));
    }
    if (blocks > 1) {
      const avg = (f: (b: (typeof perBlock)[number]) => number) => perBlock.reduce((a, b) => a + f(b), 0) / perBlock.length;
      const range = (f: (b: (typeof perBlock)[number]) => number) =>
        `${Math.min(...perBlock.map(f)).toFixed(2)} … ${Math.max(...perBlock.map(f)).toFixed(2)}`;
      log('');
      log(`over ${blocks} blocks: wall overhead ${avg((b) => b.wall).toFixed(2)} % (blocks ${range((b) => b.wall)}), ` +
        `CPU ${avg((b) => b.cpu).toFixed(2)} % (${range((b) => b.cpu)}), main thread ${avg((b) => b.main).toFixed(2)} % (${range((b) => b.main)}), ` +
        `slot idle ${avg((b) => b.idle).toFixed(2)} % of the wall time`);
      const ownAvg = (f: (b: (typeof ownPerBlock)[number]) => number) => ownPerBlock.reduce((a, b) => a + f(b), 0) / ownPerBlock.length;
      log(`over ${blocks} stand-in rounds: runner's own overhead ${ownAvg((b) => b.own).toFixed(2)} % ` +
        `(${Math.min(...ownPerBlock.map((b) => b.own)).toFixed(2)} … ${Math.max(...ownPerBlock.map((b) => b.own)).toFixed(2)}): per trial ` +
        `${ownAvg((b) => b.trial).toFixed(2)} % (${Math.min(...ownPerBlock.map((b) => b.trial)).toFixed(2)} … ${Math.max(...ownPerBlock.map((b) => b.trial)).toFixed(2)}), ` +
        `the study's first claim and last completion ${ownAvg((b) => b.ends).toFixed(2)} %; goal < 1 %`);
    }
  } finally {
    await child.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:runner-overhead failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
