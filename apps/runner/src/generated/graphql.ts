/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** What an artifact is. */
export type ArtifactKind =
  /** Any other file a trial attached: kept until deleted. */
  | 'FILE'
  /** A saved model (a template's `model.json` and weights): kept only for the study's best trials (`Study.keepModels`). */
  | 'MODEL';

/** Where an artifact's upload stands. */
export type ArtifactState =
  /** Stored, with its SHA-256 verified (`artifactUploadComplete`). */
  | 'READY'
  /** Begun (`artifactUploadBegin`): its bytes are being sent to the store. */
  | 'UPLOADING';

/** Input of `artifactUploadBegin`. */
export type ArtifactUploadBeginInput = {
  /** Its media type (default `application/octet-stream`). */
  contentType?: string | null | undefined;
  /** MODEL or FILE (default FILE). */
  kind?: ArtifactKind | null | undefined;
  /** The lease token from `trialClaim`: a runner uploads only for a trial it holds. People with write access leave it out. */
  leaseToken?: string | null | undefined;
  /** Its path inside the trial: 1 to 255 characters, segments of letters, digits, `.`, `_` and `-` separated by `/` (no `..`). An artifact of the same name is replaced. */
  name: string;
  /** Lower-case hex SHA-256 of the bytes: checked when the upload completes. */
  sha256: string;
  /** Bytes, at most `TUNEBOARD_ARTIFACT_MAX_FILE_BYTES` (default 200 MB); the trial's artifacts together at most `TUNEBOARD_ARTIFACT_MAX_TRIAL_BYTES` (default 1 GB). */
  size: number;
  /** The trial. */
  trialId: string;
};

/** Input of `artifactUploadComplete`. */
export type ArtifactUploadCompleteInput = {
  /** The artifact from `artifactUploadBegin`. */
  id: string;
  /** The lease token, as for `artifactUploadBegin`. */
  leaseToken?: string | null | undefined;
};

/** Whether to minimise or maximise an objective. */
export type Direction =
  /** Larger is better. */
  | 'MAXIMIZE'
  /** Smaller is better. */
  | 'MINIMIZE';

/** A figure of an evaluation, sent by the runner. */
export type EvaluationMetricInput = {
  /** Starts with `test_`; letters, digits, _ . / -. */
  key: string;
  /** The value. */
  value: number | string;
};

/** Metric points as columns: point i is (`keys[i]`, `steps[i]`, `values[i]`). */
export type MetricColumnsInput = {
  /** Each point's metric name (letters, digits, _ . / -). */
  keys: Array<string>;
  /** Each point's step (>= 0): an epoch, a batch, whatever the objective counts. */
  steps: Array<number>;
  /** Each point's value; NaN and ±Infinity allowed. */
  values: Array<number | string>;
};

/** One metric value of a report. */
export type MetricPointInput = {
  /** Metric name. */
  key: string;
  /** Step (epoch or iteration). */
  step: number;
  /** Value; may be NaN or ±Infinity. */
  value: number | string;
};

/** Input of `modelEvaluationClaim` (runners). */
export type ModelEvaluationClaimInput = {
  /** Most evaluations to claim (1 to 8, default 1). */
  limit?: number | null | undefined;
  /** The registered runner. */
  runnerId: string;
  /** Only this study's evaluations (a runner started for one study); default: any of the team's. */
  studyId?: string | null | undefined;
};

/** Input of `modelEvaluationFinish` (runners): `metrics` when it worked, `error` when it did not. */
export type ModelEvaluationFinishInput = {
  /** Why it failed (at most 2,000 characters kept). */
  error?: string | null | undefined;
  /** The evaluation. */
  id: string;
  /** The lease token from `modelEvaluationClaim`. */
  leaseToken: string;
  /** The `test_*` figures (1 to 20). */
  metrics?: Array<EvaluationMetricInput> | null | undefined;
};

/** Where a model evaluation ("Evaluate on test") stands. */
export type ModelEvaluationState =
  /** Evaluated: `metrics` holds the `test_*` figures, also stored on the trial as single points (step 0). */
  | 'DONE'
  /** The evaluation failed: `error` says why. */
  | 'FAILED'
  /** Waiting for a runner. */
  | 'QUEUED'
  /** A runner holds it (its lease expires if the runner dies; then another runner claims it again). */
  | 'RUNNING';

/** What a runner is: a process that trains trials, or a client that evaluates trials it asks for itself. */
export type RunnerKind =
  /**
   * A client such as the Python client's `study.ask()`: handed only trials of studies whose objective is
   * `{"kind": "client"}`, and workers never get those.
   */
  | 'CLIENT'
  /** A runner process (`npm run runner`): handed the trials of `template` and (if it accepts them) `command` studies. */
  | 'WORKER';

/** Input of `runnerRegister`. */
export type RunnerRegisterInput = {
  /**
   * Backend, gpus, labels, and anything else worth showing. `acceptsCommands` (a boolean, default false) and
   * `allowedPrograms` (null or up to 64 program names or absolute paths) say which `command` objectives it runs.
   */
  capabilities: unknown;
  /** Host name. */
  host: string;
  /**
   * WORKER (default) or CLIENT: a client is handed only trials of `client` studies. Stored as
   * `capabilities.kind` (`"worker"` or `"client"`), whatever `capabilities` says.
   */
  kind?: RunnerKind | null | undefined;
  /** Name, unique in the team; registering the same name again updates it. */
  name: string;
};

/** Input of `trialClaim`. */
export type TrialClaimInput = {
  /**
   * How many trials to claim at most (default 1). A claim answers what is available, up to this and up to 64 a
   * claim (a larger limit claims 64), so fewer leases than asked is normal; below 1 counts as 1.
   */
  limit?: number | null | undefined;
  /** The claiming runner. */
  runnerId: string;
  /** Only from this study; default any running study of the token's team. */
  studyId?: string | null | undefined;
};

/** Input of `trialComplete`. */
export type TrialCompleteInput = {
  /** Constraint values (≤ 0 is feasible), at most 50. */
  constraints?: Array<number | string> | null | undefined;
  /** The lease token. */
  leaseToken: string;
  /** The trial. */
  trialId: string;
  /** One value per study objective; a NaN fails the trial. */
  values: Array<number | string>;
};

/** Input of `trialFail`. */
export type TrialFailInput = {
  /** What went wrong; kept up to 8 KiB (longer text is cut, with a note saying so). */
  error: string;
  /** The lease token. */
  leaseToken: string;
  /** The trial. */
  trialId: string;
};

/** Input of `trialLogAppend`: up to 500 lines, 256 KiB in all. */
export type TrialLogAppendInput = {
  /** The lease token from `trialClaim`: only the runner holding the trial writes its log. */
  leaseToken: string;
  /** The lines, oldest first. */
  lines: Array<TrialLogLineInput>;
  /** The trial. */
  trialId: string;
};

/** A line a runner sends. */
export type TrialLogLineInput = {
  /** Where it came from (default RUNNER). */
  stream?: TrialLogStream | null | undefined;
  /** The line without its newline: 1 to 8,192 bytes of UTF-8. */
  text: string;
};

/** Where a trial's log line came from. */
export type TrialLogStream =
  /** The runner, about the trial (claimed, epochs, the end). */
  | 'RUNNER'
  /** A command objective's standard error. */
  | 'STDERR'
  /** A command objective's standard output (lines that are not metric lines). */
  | 'STDOUT';

/** Input of `trialPrune`. */
export type TrialPruneInput = {
  /** The lease token. */
  leaseToken: string;
  /** The trial. */
  trialId: string;
};

/** Input of `trialRelease`. */
export type TrialReleaseInput = {
  /** The lease token. */
  leaseToken: string;
  /** The trial. */
  trialId: string;
};

/** Input of `trialReport`: a batch of up to 1,000 points; re-sending a batch changes nothing. */
export type TrialReportInput = {
  /**
   * Points to store as three lists of equal length (point i is `keys[i]`, `steps[i]`, `values[i]`): the same
   * points as `points` for a quarter of the API's work to read them; what runners send.
   */
  columns?: MetricColumnsInput | null | undefined;
  /** The lease token from `trialClaim`. */
  leaseToken: string;
  /** Points to store as objects (may be empty: a heartbeat). Give `points` or `columns`, not both. */
  points?: Array<MetricPointInput> | null | undefined;
  /** The trial. */
  trialId: string;
};

/** Where a trial stands. */
export type TrialState =
  /** Withdrawn before it ran (study stopped). */
  | 'CANCELLED'
  /** Finished with values. */
  | 'COMPLETE'
  /** Failed (error, NaN objective, or too many lost leases). */
  | 'FAIL'
  /** Waiting for a runner. */
  | 'PENDING'
  /** Stopped early by the pruner. */
  | 'PRUNED'
  /** A runner holds its lease. */
  | 'RUNNING';

export type RunnerRegisterMutationVariables = Exact<{
  input: RunnerRegisterInput;
}>;


export type RunnerRegisterMutation = { runnerRegister: { runner: { id: string, name: string } | null, userErrors: Array<{ message: string, code: string }> } };

export type RunnerStudyQueryVariables = Exact<{
  id: string;
}>;


export type RunnerStudyQuery = { study: { id: string, name: string, objective: unknown } | null };

export type TrialClaimMutationVariables = Exact<{
  input: TrialClaimInput;
}>;


export type TrialClaimMutation = { trialClaim: { leases: Array<{ leaseToken: string, leaseExpiresAt: string, trial: { id: string, number: number, attempt: number, params: unknown, study: { id: string, name: string, objective: unknown, objectives: Array<{ name: string, direction: Direction }> } } }>, userErrors: Array<{ message: string, code: string }> } };

export type TrialReportMutationVariables = Exact<{
  input: TrialReportInput;
}>;


export type TrialReportMutation = { trialReport: { shouldPrune: boolean, leaseExpiresAt: string | null, accepted: number, userErrors: Array<{ message: string, code: string }> } };

export type TrialCompleteMutationVariables = Exact<{
  input: TrialCompleteInput;
}>;


export type TrialCompleteMutation = { trialComplete: { trial: { id: string, state: TrialState } | null, userErrors: Array<{ message: string, code: string }> } };

export type TrialCompleteAfterPointsMutationVariables = Exact<{
  report: TrialReportInput;
  input: TrialCompleteInput;
}>;


export type TrialCompleteAfterPointsMutation = { trialReport: { accepted: number, userErrors: Array<{ message: string, code: string }> }, trialComplete: { trial: { id: string, state: TrialState } | null, userErrors: Array<{ message: string, code: string }> } };

export type TrialFailMutationVariables = Exact<{
  input: TrialFailInput;
}>;


export type TrialFailMutation = { trialFail: { trial: { id: string, state: TrialState } | null, userErrors: Array<{ message: string, code: string }> } };

export type TrialFailAfterPointsMutationVariables = Exact<{
  report: TrialReportInput;
  input: TrialFailInput;
}>;


export type TrialFailAfterPointsMutation = { trialReport: { accepted: number, userErrors: Array<{ message: string, code: string }> }, trialFail: { trial: { id: string, state: TrialState } | null, userErrors: Array<{ message: string, code: string }> } };

export type TrialPruneMutationVariables = Exact<{
  input: TrialPruneInput;
}>;


export type TrialPruneMutation = { trialPrune: { trial: { id: string, state: TrialState } | null, userErrors: Array<{ message: string, code: string }> } };

export type TrialPruneAfterPointsMutationVariables = Exact<{
  report: TrialReportInput;
  input: TrialPruneInput;
}>;


export type TrialPruneAfterPointsMutation = { trialReport: { accepted: number, userErrors: Array<{ message: string, code: string }> }, trialPrune: { trial: { id: string, state: TrialState } | null, userErrors: Array<{ message: string, code: string }> } };

export type TrialReleaseMutationVariables = Exact<{
  input: TrialReleaseInput;
}>;


export type TrialReleaseMutation = { trialRelease: { trial: { id: string, state: TrialState } | null, userErrors: Array<{ message: string, code: string }> } };

export type TrialReleaseAfterPointsMutationVariables = Exact<{
  report: TrialReportInput;
  input: TrialReleaseInput;
}>;


export type TrialReleaseAfterPointsMutation = { trialReport: { accepted: number, userErrors: Array<{ message: string, code: string }> }, trialRelease: { trial: { id: string, state: TrialState } | null, userErrors: Array<{ message: string, code: string }> } };

export type TrialLogAppendMutationVariables = Exact<{
  input: TrialLogAppendInput;
}>;


export type TrialLogAppendMutation = { trialLogAppend: { accepted: number, userErrors: Array<{ message: string, code: string }> } };

export type TrialCompleteAfterLinesMutationVariables = Exact<{
  log: TrialLogAppendInput;
  input: TrialCompleteInput;
}>;


export type TrialCompleteAfterLinesMutation = { trialLogAppend: { accepted: number, userErrors: Array<{ message: string, code: string }> }, trialComplete: { trial: { id: string, state: TrialState } | null, userErrors: Array<{ message: string, code: string }> } };

export type TrialCompleteAfterLinesAndPointsMutationVariables = Exact<{
  log: TrialLogAppendInput;
  report: TrialReportInput;
  input: TrialCompleteInput;
}>;


export type TrialCompleteAfterLinesAndPointsMutation = { trialLogAppend: { accepted: number, userErrors: Array<{ message: string, code: string }> }, trialReport: { accepted: number, userErrors: Array<{ message: string, code: string }> }, trialComplete: { trial: { id: string, state: TrialState } | null, userErrors: Array<{ message: string, code: string }> } };

export type TrialFailAfterLinesMutationVariables = Exact<{
  log: TrialLogAppendInput;
  input: TrialFailInput;
}>;


export type TrialFailAfterLinesMutation = { trialLogAppend: { accepted: number, userErrors: Array<{ message: string, code: string }> }, trialFail: { trial: { id: string, state: TrialState } | null, userErrors: Array<{ message: string, code: string }> } };

export type TrialFailAfterLinesAndPointsMutationVariables = Exact<{
  log: TrialLogAppendInput;
  report: TrialReportInput;
  input: TrialFailInput;
}>;


export type TrialFailAfterLinesAndPointsMutation = { trialLogAppend: { accepted: number, userErrors: Array<{ message: string, code: string }> }, trialReport: { accepted: number, userErrors: Array<{ message: string, code: string }> }, trialFail: { trial: { id: string, state: TrialState } | null, userErrors: Array<{ message: string, code: string }> } };

export type TrialPruneAfterLinesMutationVariables = Exact<{
  log: TrialLogAppendInput;
  input: TrialPruneInput;
}>;


export type TrialPruneAfterLinesMutation = { trialLogAppend: { accepted: number, userErrors: Array<{ message: string, code: string }> }, trialPrune: { trial: { id: string, state: TrialState } | null, userErrors: Array<{ message: string, code: string }> } };

export type TrialPruneAfterLinesAndPointsMutationVariables = Exact<{
  log: TrialLogAppendInput;
  report: TrialReportInput;
  input: TrialPruneInput;
}>;


export type TrialPruneAfterLinesAndPointsMutation = { trialLogAppend: { accepted: number, userErrors: Array<{ message: string, code: string }> }, trialReport: { accepted: number, userErrors: Array<{ message: string, code: string }> }, trialPrune: { trial: { id: string, state: TrialState } | null, userErrors: Array<{ message: string, code: string }> } };

export type TrialReleaseAfterLinesMutationVariables = Exact<{
  log: TrialLogAppendInput;
  input: TrialReleaseInput;
}>;


export type TrialReleaseAfterLinesMutation = { trialLogAppend: { accepted: number, userErrors: Array<{ message: string, code: string }> }, trialRelease: { trial: { id: string, state: TrialState } | null, userErrors: Array<{ message: string, code: string }> } };

export type TrialReleaseAfterLinesAndPointsMutationVariables = Exact<{
  log: TrialLogAppendInput;
  report: TrialReportInput;
  input: TrialReleaseInput;
}>;


export type TrialReleaseAfterLinesAndPointsMutation = { trialLogAppend: { accepted: number, userErrors: Array<{ message: string, code: string }> }, trialReport: { accepted: number, userErrors: Array<{ message: string, code: string }> }, trialRelease: { trial: { id: string, state: TrialState } | null, userErrors: Array<{ message: string, code: string }> } };

export type TrialsAvailableSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type TrialsAvailableSubscription = { trialsAvailable: { pending: number, study: { id: string } } };

export type ArtifactUploadBeginMutationVariables = Exact<{
  input: ArtifactUploadBeginInput;
}>;


export type ArtifactUploadBeginMutation = { artifactUploadBegin: { artifact: { id: string } | null, upload: { url: string, method: string, headers: Array<{ name: string, value: string }> } | null, userErrors: Array<{ message: string, code: string }> } };

export type ArtifactUploadCompleteMutationVariables = Exact<{
  input: ArtifactUploadCompleteInput;
}>;


export type ArtifactUploadCompleteMutation = { artifactUploadComplete: { artifact: { id: string, state: ArtifactState } | null, userErrors: Array<{ message: string, code: string }> } };

export type ModelEvaluationClaimMutationVariables = Exact<{
  input: ModelEvaluationClaimInput;
}>;


export type ModelEvaluationClaimMutation = { modelEvaluationClaim: { leases: Array<{ leaseToken: string, leaseExpiresAt: string, evaluation: { id: string, attempt: number, trial: { id: string, number: number, study: { id: string, objective: unknown }, artifacts: Array<{ name: string, kind: ArtifactKind, state: ArtifactState, downloadUrl: string | null }> } } }>, userErrors: Array<{ message: string, code: string }> } };

export type ModelEvaluationFinishMutationVariables = Exact<{
  input: ModelEvaluationFinishInput;
}>;


export type ModelEvaluationFinishMutation = { modelEvaluationFinish: { evaluation: { id: string, state: ModelEvaluationState } | null, userErrors: Array<{ message: string, code: string }> } };
