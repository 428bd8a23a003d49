import { stat } from 'node:fs/promises';
import path from 'node:path';
import { artifactName, filesUnder } from './artifact-files.ts';
import type { BackendChoice } from '../backend/devices.ts';
import { loadPreparedData } from '../train/prepare.ts';
import type { DataSource, PreparedData } from '../train/prepare.ts';
import type { EpochMetrics } from '../train/train.ts';
import { runCommand } from './command.ts';
import type { TrialContext } from './command.ts';
import { checkCommand, refuseCommands } from './command-policy.ts';
import type { CommandPolicy } from './command-policy.ts';
import { inheritedEnv } from './env.ts';
import type { MetricPoint, MetricsDecision, OnMetrics } from './metrics.ts';
import { objectiveMetrics, parseObjectiveSpec } from '@tuneboard/contract';
import type { CommandObjectiveSpec, TemplateObjectiveSpec } from '@tuneboard/contract';

export interface RunObjectiveOptions {
  /** Receives metric points as they are produced; may answer `'prune'` (e.g. the API's `shouldPrune`). */
  onMetrics?: OnMetrics;
  /** Aborting stops the trial (state PRUNED, stoppedBy 'signal'): shutdown, lost lease, cancelled study. */
  signal?: AbortSignal;
  /** Trial seed: weights, shuffling, dropout (templates); TUNEBOARD_SEED (commands). */
  seed?: number;
  /** Training backend for templates; default `auto`. Chosen once per process. */
  backend?: BackendChoice;
  /** Lines about the trial: runner notes (no stream) and a command's output (`STDOUT`, `STDERR`). */
  log?: (line: string, stream?: 'STDOUT' | 'STDERR') => void;
  /** Trial identity passed to command objectives as TUNEBOARD_* variables. */
  context?: TrialContext;
  /** Extra environment for command objectives, e.g. `deviceEnvForSlot(slot, gpus)`. */
  env?: Record<string, string>;
  /** Which command objectives may run (`--allow-commands`); default none: they fail with a clear error. */
  commands?: CommandPolicy;
}

export interface ObjectiveResult {
  state: 'COMPLETE' | 'FAIL' | 'PRUNED';
  /** Objective values in the spec's metric order: COMPLETE always, PRUNED when known. */
  values?: number[];
  error?: string;
  stoppedBy?: 'pruner' | 'signal';
  /** End-of-trial figures that are not objectives: parameter count, training time, backend, … */
  summary?: Record<string, number | string>;
  /** Files to attach to the trial (uploaded by the runner before it reports the end). */
  artifacts?: ObjectiveArtifact[];
}

/** A file of the trial: its local path, its name on the trial, and whether it is part of a saved model. */
export interface ObjectiveArtifact {
  path: string;
  name: string;
  kind: 'MODEL' | 'FILE';
}

/** The folder of a template's saved model inside the trial's artifact folder, and its artifacts' name prefix. */
export const modelFolder = 'model';

const preparedCache = new Map<string, Promise<PreparedData>>();
const preparedCacheSize = 4;

/** Split and standardised data, kept for the next trials of the same study (same source, split and seed). */
export function prepared(spec: TemplateObjectiveSpec): Promise<PreparedData> {
  const source: DataSource = spec.csv ? { csv: spec.csv } : { dataset: spec.dataset! };
  const key = JSON.stringify([source, spec.template, spec.split, spec.splitSeed]);
  let entry = preparedCache.get(key);
  if (!entry) {
    entry = loadPreparedData(source, spec.template, { split: spec.split, splitSeed: spec.splitSeed ?? 0 });
    preparedCache.set(key, entry);
    entry.catch(() => preparedCache.delete(key));
    if (preparedCache.size > preparedCacheSize) preparedCache.delete(preparedCache.keys().next().value!);
  }
  return entry;
}

function finitePoints(step: number, values: Record<string, number>): MetricPoint[] {
  return Object.entries(values)
    .filter(([, value]) => Number.isFinite(value))
    .map(([key, value]) => ({ key, step, value }));
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function runTemplate(spec: TemplateObjectiveSpec, params: Record<string, unknown>, options: RunObjectiveOptions): Promise<ObjectiveResult> {
  const log = options.log ?? (() => {});
  // TensorFlow.js is imported by the first template trial, not with the runner: a runner of commands never loads it.
  const [{ selectBackend }, { trainTemplate }, { saveTemplateModel }] = await Promise.all([
    import('../backend/select-backend.ts'),
    import('../train/train.ts'),
    import('../train/save-model.ts'),
  ]);
  const backend = await selectBackend(options.backend ?? 'auto', { log });
  const data = await prepared(spec);
  const artifactDir = options.context?.artifactDir;
  let saved: ObjectiveArtifact[] = [];
  let pruned = false;
  const report = async (points: MetricPoint[]): Promise<MetricsDecision> => (points.length > 0 ? options.onMetrics?.(points) : undefined);
  const result = await trainTemplate({
    template: spec.template,
    data,
    params,
    seed: options.seed,
    signal: options.signal,
    native: backend.native,
    // The test split stays untouched while the study runs: "Evaluate on test" reads it for a saved model on demand.
    evaluateTest: false,
    // The trained model is saved only when every epoch ran; whether the trial is COMPLETE is decided below.
    onTrained: artifactDir
      ? async (model) => {
          const files = await saveTemplateModel(model, path.join(artifactDir, modelFolder), { template: spec.template, data });
          saved = files.map((file) => ({ path: path.join(artifactDir, modelFolder, file), name: `${modelFolder}/${file}`, kind: 'MODEL' as const }));
        }
      : undefined,
    onEpoch: async (step, metrics: EpochMetrics) => {
      const decision = await report(finitePoints(step, { ...metrics }));
      if (decision === 'prune') {
        pruned = true;
        return 'stop';
      }
      return 'continue';
    },
  });
  const last = result.last;
  const summary: Record<string, number> = {
    num_parameters: result.numParameters,
    train_seconds: result.trainSeconds,
    epochs: result.epochs,
  };
  // End-of-trial figures go out once, at the last epoch's step, under their own keys: visible, never selected on.
  if (result.epochs > 0 && result.stoppedBy !== 'signal') await report(finitePoints(result.epochs, summary));
  const available: Record<string, number | undefined> = {
    val_accuracy: last?.val_accuracy,
    val_loss: last?.val_loss,
    num_parameters: result.numParameters,
    train_seconds: result.trainSeconds,
  };
  const names = objectiveMetrics(spec);
  const values = names.map((name) => available[name]);
  const known = values.every((v): v is number => v !== undefined && Number.isFinite(v));
  const full = { ...summary, backend: backend.name };
  if (result.stoppedBy === 'signal') return { state: 'PRUNED', stoppedBy: 'signal', values: known ? values : undefined, summary: full };
  if (pruned) return { state: 'PRUNED', stoppedBy: 'pruner', values: known ? values : undefined, summary: full };
  if (!known) {
    const bad = names.filter((_, i) => !Number.isFinite(values[i]));
    return { state: 'FAIL', error: `training diverged: ${bad.join(', ')} is not a finite number (try a lower learning_rate)`, summary: full };
  }
  return { state: 'COMPLETE', values, summary: full, ...(saved.length > 0 ? { artifacts: saved } : {}) };
}

async function runCommandObjective(spec: CommandObjectiveSpec, params: Record<string, unknown>, options: RunObjectiveOptions): Promise<ObjectiveResult> {
  const env = { ...options.env, ...spec.env };
  // Checked here, not only by the API's claim: a runner never trusts the API to keep commands away from it.
  const runnerPath = inheritedEnv().PATH;
  const allowed = checkCommand(options.commands ?? refuseCommands, spec.command[0]!, {
    cwd: path.resolve(spec.cwd ?? '.'),
    commandPath: env.PATH ?? runnerPath,
    runnerPath,
  });
  if ('error' in allowed) return { state: 'FAIL', error: allowed.error };
  const result = await runCommand({
    command: spec.command,
    executable: allowed.program,
    cwd: spec.cwd,
    env,
    params,
    metrics: objectiveMetrics(spec),
    context: { ...options.context, seed: options.context?.seed ?? options.seed },
    onMetrics: options.onMetrics,
    signal: options.signal,
    killGraceSeconds: spec.killGraceSeconds,
    timeoutSeconds: spec.timeoutSeconds,
    log: options.log,
  });
  const { state, values, error, stoppedBy, final } = result;
  const artifacts = await commandArtifacts(options.context?.artifactDir, result.artifacts ?? [], options.log);
  return { state, values, error, stoppedBy, summary: final, ...(artifacts.length > 0 ? { artifacts } : {}) };
}

/**
 * A command's files: everything it wrote under TUNEBOARD_ARTIFACT_DIR (named by their path there) and each file it
 * named with `{"artifact": "path"}` (named by its file name); a named file that is missing is noted in the log.
 */
async function commandArtifacts(dir: string | undefined, printed: string[], log: RunObjectiveOptions['log']): Promise<ObjectiveArtifact[]> {
  const found: ObjectiveArtifact[] = [];
  const names = new Set<string>();
  const add = (file: string, name: string) => {
    if (!name || names.has(name)) return;
    names.add(name);
    found.push({ path: file, name, kind: 'FILE' });
  };
  if (dir) for (const relative of await filesUnder(dir)) add(path.join(dir, relative), artifactName(relative));
  for (const file of printed) {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) {
      log?.(`artifact ${JSON.stringify(file)} is not a file: not uploaded`);
      continue;
    }
    add(file, artifactName(path.basename(file)));
  }
  return found;
}

/**
 * Runs one trial of a study: a template (train on a dataset) or a command. The single entry the runner loop
 * calls. Never throws: invalid specs or parameters, missing files and crashes come back as `state: 'FAIL'`
 * with a message, so a bad trial never takes the runner down.
 */
export async function runObjective(spec: unknown, params: Record<string, unknown>, options: RunObjectiveOptions = {}): Promise<ObjectiveResult> {
  try {
    const parsed = parseObjectiveSpec(spec);
    if (options.signal?.aborted) return { state: 'PRUNED', stoppedBy: 'signal' };
    if (parsed.kind === 'client') {
      // The API never hands these to a runner process (apps/api/src/lifecycle/claim.ts); a study copied by hand could still get here.
      return { state: 'FAIL', error: 'a `client` objective is evaluated by the client that asks for its trials, not by a runner' };
    }
    return parsed.kind === 'template' ? await runTemplate(parsed, params, options) : await runCommandObjective(parsed, params, options);
  } catch (error) {
    return { state: 'FAIL', error: errorMessage(error) };
  }
}
