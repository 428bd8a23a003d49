import { parseObjectiveSpec } from '@tuneboard/contract';
import type { BackendChoice } from '../backend/devices.ts';
import type {
  ModelEvaluationClaimMutation,
  ModelEvaluationClaimMutationVariables,
  ModelEvaluationFinishMutation,
  ModelEvaluationFinishMutationVariables,
} from '../generated/graphql.ts';
import { modelFolder, prepared } from '../objectives/run-objective.ts';
import { EVALUATION_CLAIM, EVALUATION_FINISH } from './documents.ts';
import { backoffDelay, jittered, sleep } from './backoff.ts';
import { errorMessage } from './graphql-client.ts';
import type { Request } from './graphql-client.ts';
import type { Logger } from './logger.ts';
import { Wakeup } from './waiters.ts';

export type EvaluationLease = ModelEvaluationClaimMutation['modelEvaluationClaim']['leases'][number];

/** Bytes of a saved model's file the runner downloads at most (the API's default file limit is 200 MB). */
const maxModelBytes = 512 * 1024 * 1024;

/**
 * "Evaluate on test" on the runner: claims one queued evaluation at a time (`modelEvaluationClaim`, with a lease),
 * downloads the trial's saved model from the URLs the API signed, evaluates it on the study's test split (the same
 * split and standardisation as its trials: `prepared`) and reports the `test_*` figures, or the error, with the
 * lease token. A runner that dies mid-way reports nothing: the lease expires and the next claim takes the job.
 * Evaluations are short (a forward pass over the test rows), so the lease is not renewed.
 */
export class EvaluationWorker {
  constructor(
    private readonly request: Request,
    /** The API's GraphQL URL: a relative download URL is on its origin. */
    private readonly apiUrl: string,
    private readonly options: { backend: BackendChoice; log: Logger },
  ) {}

  private readonly wakeup = new Wakeup();

  /** A new job may wait ("trials available"), or the runner stops: claim now. */
  wake(): void {
    this.wakeup.request();
  }

  /**
   * Claims and runs jobs one at a time until `signal` aborts, on `wake()` and a slow poll (`pollMs`, jittered). Not
   * counted against the trial slots: an evaluation is one forward pass over the test rows. A job this runner dies
   * on is claimed again by another once its lease expires. Claim errors back off (1 s to 1 min).
   */
  async loop(runnerId: () => string, studyId: string | undefined, pollMs: number, signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      this.wakeup.clear();
      let ran = false;
      try {
        ran = await this.runOnce(runnerId(), studyId, signal);
        failures = 0;
      } catch (error) {
        if (signal.aborted) break;
        failures += 1;
        const delay = backoffDelay(failures - 1, { initialMs: 1_000, maxMs: 60_000 });
        if (failures === 1 || failures % 10 === 0) this.options.log.warn(`evaluation claim failed (${failures}×): ${errorMessage(error)}; retrying in ${(delay / 1000).toFixed(1)} s`);
        await sleep(delay, signal);
        continue;
      }
      if (ran || this.wakeup.pending) continue;
      await this.wakeup.wait(jittered(pollMs));
    }
  }

  /** Claims and runs one evaluation (of `studyId` only, for a runner started for one study); false when none was waiting. */
  async runOnce(runnerId: string, studyId: string | undefined, signal?: AbortSignal): Promise<boolean> {
    const variables: ModelEvaluationClaimMutationVariables = { input: { runnerId, studyId, limit: 1 } };
    const { modelEvaluationClaim } = await this.request<ModelEvaluationClaimMutation>(EVALUATION_CLAIM, variables, signal);
    const [lease] = modelEvaluationClaim.leases;
    if (!lease) return false;
    await this.run(lease, signal);
    return true;
  }

  /** Evaluates one claimed job and reports the outcome; never throws for the job's own failures. */
  async run(lease: EvaluationLease, signal?: AbortSignal): Promise<void> {
    const { log } = this.options;
    const { evaluation } = lease;
    const label = `evaluation of trial ${evaluation.trial.number} (attempt ${evaluation.attempt})`;
    log.info(`${label}: evaluating its saved model on the test split`);
    let input: ModelEvaluationFinishMutationVariables['input'];
    try {
      const figures = await this.evaluate(lease, signal);
      input = { id: evaluation.id, leaseToken: lease.leaseToken, metrics: Object.entries(figures).map(([key, value]) => ({ key, value })) };
      log.info(`${label}: test_accuracy ${figures.test_accuracy.toFixed(4)}, test_loss ${figures.test_loss.toFixed(4)} on ${figures.test_rows} rows`);
    } catch (error) {
      if (signal?.aborted) return; // Shutting down: the lease expires and another runner takes the job.
      input = { id: evaluation.id, leaseToken: lease.leaseToken, error: errorMessage(error) };
      log.warn(`${label} failed: ${errorMessage(error)}`);
    }
    const variables: ModelEvaluationFinishMutationVariables = { input };
    const { modelEvaluationFinish } = await this.request<ModelEvaluationFinishMutation>(EVALUATION_FINISH, variables, signal);
    if (modelEvaluationFinish.userErrors.length > 0) log.warn(`${label}: the API refused the result: ${modelEvaluationFinish.userErrors.map((e) => e.message).join('; ')}`);
  }

  private async evaluate(lease: EvaluationLease, signal?: AbortSignal) {
    const { trial } = lease.evaluation;
    const spec = parseObjectiveSpec(trial.study.objective);
    if (spec.kind !== 'template') throw new Error(`only template studies' models are evaluated; this study's objective is a ${spec.kind}`);
    const fileUrl = (name: string) => {
      const found = trial.artifacts.find((a) => a.name === `${modelFolder}/${name}` && a.state === 'READY' && a.downloadUrl);
      if (!found) throw new Error(`the trial's saved model has no ${modelFolder}/${name} (deleted since the evaluation was asked for?)`);
      return new URL(found.downloadUrl!, this.apiUrl);
    };
    const urls = [fileUrl('model.json'), fileUrl('weights.bin')];
    // TensorFlow.js is imported by the first job, not with the runner (../objectives/run-objective.ts).
    const [{ selectBackend }, { evaluateSavedModel }] = await Promise.all([import('../backend/select-backend.ts'), import('../train/evaluate-model.ts')]);
    await selectBackend(this.options.backend, { log: (line) => this.options.log.info(line) });
    const [modelJson, weights] = await Promise.all(urls.map((url) => download(url, signal)));
    const data = await prepared(spec);
    return evaluateSavedModel({ modelJson: modelJson!, weights: weights! }, data);
  }
}

async function download(url: URL, signal?: AbortSignal): Promise<Uint8Array> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`downloading ${url.pathname.split('/').at(-1)} answered ${response.status}`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > maxModelBytes) throw new Error(`a model file of ${length} bytes is over the runner's limit of ${maxModelBytes}`);
  return new Uint8Array(await response.arrayBuffer());
}
