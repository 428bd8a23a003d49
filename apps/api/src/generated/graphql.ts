import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { UserRow, TeamRow, MembershipRow, ProjectRow, ApiTokenRow, InvitationRow, StudyRow, TrialRow, RunnerRow, ViewerModel, NoteModel, StudyEventModel, TrialsAvailableModel, TrialLeaseModel, TrialLogModel, TrialAttemptRow, ArtifactRow, EvaluationRow, EvaluationLeaseModel } from '../mappers.ts';
import type { Context } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 date and time, in UTC. */
  DateTime: { input: Date; output: Date; }
  /** Any JSON value: search spaces, parameters, sampler and pruner settings. */
  JSON: { input: unknown; output: unknown; }
  /**
   * A float that may also be NaN, Infinity or -Infinity (GraphQL's Float cannot carry them).
   * Sent as a JSON number, or as the strings "NaN", "Infinity", "-Infinity".
   */
  MetricValue: { input: number; output: number; }
};

/** A secret for runners and scripts, scoped to one team. The secret itself is shown once, at creation. */
export type ApiToken = Node & {
  __typename?: 'ApiToken';
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** When it stops working; null for never. */
  expiresAt: Maybe<Scalars['DateTime']['output']>;
  /** Global id. */
  id: Scalars['ID']['output'];
  /** When it was last used. */
  lastUsedAt: Maybe<Scalars['DateTime']['output']>;
  /** A name to tell tokens apart. */
  name: Scalars['String']['output'];
  /** The first characters of the secret, e.g. `tb_3fA9c1`, for recognising it. */
  prefix: Scalars['String']['output'];
  /** When it was revoked; null while it works. */
  revokedAt: Maybe<Scalars['DateTime']['output']>;
  /** What the token may do. */
  scope: ApiTokenScope;
  /** The team the token acts for. */
  team: Team;
};

/** Input of `apiTokenCreate`. */
export type ApiTokenCreateInput = {
  /** Days until it expires; null for never. */
  expiresInDays?: InputMaybe<Scalars['Int']['input']>;
  /** A name to tell tokens apart. */
  name: Scalars['String']['input'];
  /** What the token may do. */
  scope: ApiTokenScope;
  /** The team the token acts for. */
  teamId: Scalars['ID']['input'];
};

/** Result of `apiTokenCreate`. */
export type ApiTokenCreatePayload = {
  __typename?: 'ApiTokenCreatePayload';
  /** The new token. */
  apiToken: Maybe<ApiToken>;
  /** The secret, shown this once; only its SHA-256 is stored. */
  secret: Maybe<Scalars['String']['output']>;
  /** What went wrong. */
  userErrors: Array<UserError>;
};

/** Input of `apiTokenRevoke`. */
export type ApiTokenRevokeInput = {
  /** The token to revoke. */
  id: Scalars['ID']['input'];
};

/** Result of `apiTokenRevoke`. */
export type ApiTokenRevokePayload = {
  __typename?: 'ApiTokenRevokePayload';
  /** The revoked token. */
  apiToken: Maybe<ApiToken>;
  /** What went wrong. */
  userErrors: Array<UserError>;
};

/** What an API token may do. */
export type ApiTokenScope =
  /** Read the team's objects. */
  | 'READ'
  /** Register runners, claim trials and report their results; read the team's objects. */
  | 'RUNNER'
  /** Read and change the team's projects and studies, and run trials. */
  | 'WRITE';

/** A file attached to a trial: a saved model, a plot, a checkpoint. */
export type Artifact = {
  __typename?: 'Artifact';
  /** When its upload was verified; null while UPLOADING. */
  completedAt: Maybe<Scalars['DateTime']['output']>;
  /** Its media type, e.g. `application/json`. */
  contentType: Scalars['String']['output'];
  /** When its upload began. */
  createdAt: Scalars['DateTime']['output'];
  /**
   * A short-lived URL (`TUNEBOARD_ARTIFACT_URL_SECONDS`, default 15 minutes) that downloads the file; null while
   * UPLOADING. A path (`/artifacts/…`) is on the API's own address; anything else is the object store's.
   */
  downloadUrl: Maybe<Scalars['String']['output']>;
  /** Opaque id. */
  id: Scalars['ID']['output'];
  /** MODEL or FILE. */
  kind: ArtifactKind;
  /** Its path inside the trial, e.g. `model/model.json`. */
  name: Scalars['String']['output'];
  /** Lower-case hex SHA-256 of the bytes. */
  sha256: Scalars['String']['output'];
  /** Bytes. */
  size: Scalars['Float']['output'];
  /** UPLOADING or READY. */
  state: ArtifactState;
  /** The trial it belongs to. */
  trial: Trial;
};

/** Input of `artifactDelete`. */
export type ArtifactDeleteInput = {
  /** The artifact. */
  id: Scalars['ID']['input'];
};

/** Result of `artifactDelete`. */
export type ArtifactDeletePayload = {
  __typename?: 'ArtifactDeletePayload';
  /** The id of the deleted artifact. */
  deletedId: Maybe<Scalars['ID']['output']>;
  /** What went wrong. */
  userErrors: Array<UserError>;
};

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

/** Where to send an artifact's bytes: one HTTP request, before `expiresAt`. */
export type ArtifactUpload = {
  __typename?: 'ArtifactUpload';
  /** When the URL stops working. */
  expiresAt: Scalars['DateTime']['output'];
  /** Headers to send (signed with the URL). */
  headers: Array<HttpHeader>;
  /** Always PUT, with the file as the body. */
  method: Scalars['String']['output'];
  /** A path (`/artifacts/…`) on the API's own address (the filesystem store), or the object store's presigned URL. */
  url: Scalars['String']['output'];
};

/** Input of `artifactUploadBegin`. */
export type ArtifactUploadBeginInput = {
  /** Its media type (default `application/octet-stream`). */
  contentType?: InputMaybe<Scalars['String']['input']>;
  /** MODEL or FILE (default FILE). */
  kind?: InputMaybe<ArtifactKind>;
  /** The lease token from `trialClaim`: a runner uploads only for a trial it holds. People with write access leave it out. */
  leaseToken?: InputMaybe<Scalars['String']['input']>;
  /** Its path inside the trial: 1 to 255 characters, segments of letters, digits, `.`, `_` and `-` separated by `/` (no `..`). An artifact of the same name is replaced. */
  name: Scalars['String']['input'];
  /** Lower-case hex SHA-256 of the bytes: checked when the upload completes. */
  sha256: Scalars['String']['input'];
  /** Bytes, at most `TUNEBOARD_ARTIFACT_MAX_FILE_BYTES` (default 200 MB); the trial's artifacts together at most `TUNEBOARD_ARTIFACT_MAX_TRIAL_BYTES` (default 1 GB). */
  size: Scalars['Float']['input'];
  /** The trial. */
  trialId: Scalars['ID']['input'];
};

/** Result of `artifactUploadBegin`. */
export type ArtifactUploadBeginPayload = {
  __typename?: 'ArtifactUploadBeginPayload';
  /** The artifact, UPLOADING. */
  artifact: Maybe<Artifact>;
  /** Where to send the bytes. */
  upload: Maybe<ArtifactUpload>;
  /** What went wrong: `TOO_LARGE` (a limit, named with its value), `INVALID`, `STALE_LEASE`. */
  userErrors: Array<UserError>;
};

/** Input of `artifactUploadComplete`. */
export type ArtifactUploadCompleteInput = {
  /** The artifact from `artifactUploadBegin`. */
  id: Scalars['ID']['input'];
  /** The lease token, as for `artifactUploadBegin`. */
  leaseToken?: InputMaybe<Scalars['String']['input']>;
};

/** Result of `artifactUploadComplete`. */
export type ArtifactUploadCompletePayload = {
  __typename?: 'ArtifactUploadCompletePayload';
  /** The artifact, READY; null when it was refused. */
  artifact: Maybe<Artifact>;
  /** What went wrong: `NOT_UPLOADED` (nothing arrived yet; send it and complete again), `CHECKSUM_MISMATCH` or `SIZE_MISMATCH` (the stored bytes and the artifact were removed; begin again). */
  userErrors: Array<UserError>;
};

/** Result of `signUp` and `signIn`: the session cookie is set on success. */
export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** With a RATE_LIMITED error: seconds until another try is allowed (it grows with each failed attempt). */
  retryAfterSeconds: Maybe<Scalars['Int']['output']>;
  /** The signed-in user; null on error. */
  user: Maybe<User>;
  /** What went wrong. */
  userErrors: Array<UserError>;
};

/** The best value of a study's first objective so far, as it stood after a trial. */
export type BestSoFarPoint = {
  __typename?: 'BestSoFarPoint';
  /** When the trial that set it finished; for plotting the history against wall time. */
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  /** The trial that set it. */
  trialNumber: Scalars['Int']['output'];
  /** The best value so far. */
  value: Scalars['MetricValue']['output'];
};

/** The trial budget of a study. */
export type Budget = {
  __typename?: 'Budget';
  /** Attempts per trial before it is failed (lost leases). */
  maxFailures: Scalars['Int']['output'];
  /** Trials PENDING or RUNNING at once. */
  maxParallel: Scalars['Int']['output'];
  /** Trials to finish in all; null for no limit. */
  maxTrials: Maybe<Scalars['Int']['output']>;
};

/** The budget of a new study. */
export type BudgetInput = {
  /** Attempts per trial (default 3). */
  maxFailures?: InputMaybe<Scalars['Int']['input']>;
  /** Trials PENDING or RUNNING at once (default 4). */
  maxParallel?: InputMaybe<Scalars['Int']['input']>;
  /** Trials to finish in all; null for no limit. */
  maxTrials?: InputMaybe<Scalars['Int']['input']>;
};

/** Whether to minimise or maximise an objective. */
export type Direction =
  /** Larger is better. */
  | 'MAXIMIZE'
  /** Smaller is better. */
  | 'MINIMIZE';

/** One figure of an evaluation, e.g. `test_accuracy`. */
export type EvaluationMetric = {
  __typename?: 'EvaluationMetric';
  /** The metric's key (`test_loss`, `test_accuracy`). */
  key: Scalars['String']['output'];
  /** Its value (NaN and ±Infinity as strings). */
  value: Scalars['MetricValue']['output'];
};

/** A figure of an evaluation, sent by the runner. */
export type EvaluationMetricInput = {
  /** Starts with `test_`; letters, digits, _ . / -. */
  key: Scalars['String']['input'];
  /** The value. */
  value: Scalars['MetricValue']['input'];
};

/** A header a signed request must carry. */
export type HttpHeader = {
  __typename?: 'HttpHeader';
  /** Header name. */
  name: Scalars['String']['output'];
  /** Header value. */
  value: Scalars['String']['output'];
};

/**
 * An invitation to join a team, as a link with a single-use token that expires after 7 days. It names an
 * e-mail address, not an account.
 */
export type Invitation = {
  __typename?: 'Invitation';
  /** When it was made. */
  createdAt: Scalars['DateTime']['output'];
  /** The invited e-mail address. */
  email: Scalars['String']['output'];
  /** When it stops working. */
  expiresAt: Scalars['DateTime']['output'];
  /** Id (for `invitationRevoke`, and `invitationAccept` by the invitee). */
  id: Scalars['ID']['output'];
  /** Who invited them; null when that account is gone or it was the admin CLI. */
  invitedByName: Maybe<Scalars['String']['output']>;
  /** The role they get on accepting. */
  role: MembershipRole;
  /** The team's display name (the invitee cannot see the team itself before joining). */
  teamName: Scalars['String']['output'];
};

/** Input of `invitationAccept`: the token from the link, or (for an invitation listed in `viewer.invitations`) its id. */
export type InvitationAcceptInput = {
  /** The invitation's id. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** The token from the link `/invite/<token>`. */
  token?: InputMaybe<Scalars['String']['input']>;
};

/** Result of `invitationAccept`. */
export type InvitationAcceptPayload = {
  __typename?: 'InvitationAcceptPayload';
  /** The caller's membership of the team. */
  membership: Maybe<Membership>;
  /** What went wrong. */
  userErrors: Array<UserError>;
};

/** Input of `invitationCreate`. */
export type InvitationCreateInput = {
  /** E-mail of the person to invite. */
  email: Scalars['String']['input'];
  /** Their role once they accept; only an owner can invite an owner. */
  role: MembershipRole;
  /** The team. */
  teamId: Scalars['ID']['input'];
};

/** Result of `invitationCreate`. */
export type InvitationCreatePayload = {
  __typename?: 'InvitationCreatePayload';
  /** The invitation; the same answer whether or not the e-mail has an account. */
  invitation: Maybe<Invitation>;
  /** The link to send them (`/invite/<token>`); the token is shown this once, only its SHA-256 is stored. */
  link: Maybe<Scalars['String']['output']>;
  /** What went wrong. */
  userErrors: Array<UserError>;
};

/** Input of `invitationRevoke`. */
export type InvitationRevokeInput = {
  /** The invitation's id. */
  id: Scalars['ID']['input'];
};

/** Result of `invitationRevoke`. */
export type InvitationRevokePayload = {
  __typename?: 'InvitationRevokePayload';
  /** The revoked invitation. */
  invitation: Maybe<Invitation>;
  /** What went wrong. */
  userErrors: Array<UserError>;
};

/** A user's role in a team. */
export type Membership = {
  __typename?: 'Membership';
  /** When the user joined. */
  createdAt: Scalars['DateTime']['output'];
  /** The role. */
  role: MembershipRole;
  /** The team. */
  team: Team;
  /** The user. */
  user: User;
};

/** Input of `membershipCreate`. */
export type MembershipCreateInput = {
  /** E-mail of the person to invite. */
  email: Scalars['String']['input'];
  /** Their role once they accept. */
  role: MembershipRole;
  /** The team. */
  teamId: Scalars['ID']['input'];
};

/** Result of `membershipCreate`. */
export type MembershipCreatePayload = {
  __typename?: 'MembershipCreatePayload';
  /** The invitation made; the same answer whether or not the e-mail has an account. */
  invitation: Maybe<Invitation>;
  /** The link to send them (`/invite/<token>`), shown this once. */
  link: Maybe<Scalars['String']['output']>;
  /** Always null: people join by accepting the invitation. */
  membership: Maybe<Membership>;
  /** What went wrong. */
  userErrors: Array<UserError>;
};

/** Result of `membershipUpdate` and `membershipRemove`. */
export type MembershipPayload = {
  __typename?: 'MembershipPayload';
  /** The membership as it is now (as it was, for a removal). */
  membership: Maybe<Membership>;
  /** What went wrong. */
  userErrors: Array<UserError>;
};

/** Input of `membershipRemove`. */
export type MembershipRemoveInput = {
  /** The team. */
  teamId: Scalars['ID']['input'];
  /** The member; yourself to leave the team. */
  userId: Scalars['ID']['input'];
};

/** A role in a team, strongest first. */
export type MembershipRole =
  /** Manage members, tokens and every project. */
  | 'ADMIN'
  /** Create and run studies. */
  | 'MEMBER'
  /** Everything, including deleting the team. */
  | 'OWNER'
  /** Read only. */
  | 'VIEWER';

/** Input of `membershipUpdate`. */
export type MembershipUpdateInput = {
  /** Their new role. */
  role: MembershipRole;
  /** The team. */
  teamId: Scalars['ID']['input'];
  /** The member. */
  userId: Scalars['ID']['input'];
};

/** Metric points as columns: point i is (`keys[i]`, `steps[i]`, `values[i]`). */
export type MetricColumnsInput = {
  /** Each point's metric name (letters, digits, _ . / -). */
  keys: Array<Scalars['String']['input']>;
  /** Each point's step (>= 0): an epoch, a batch, whatever the objective counts. */
  steps: Array<Scalars['Int']['input']>;
  /** Each point's value; NaN and ±Infinity allowed. */
  values: Array<Scalars['MetricValue']['input']>;
};

/** A metric value at a step. */
export type MetricPoint = {
  __typename?: 'MetricPoint';
  /** Step (epoch or iteration). */
  step: Scalars['Int']['output'];
  /** Value; may be NaN or ±Infinity. */
  value: Scalars['MetricValue']['output'];
};

/** One metric value of a report. */
export type MetricPointInput = {
  /** Metric name. */
  key: Scalars['String']['input'];
  /** Step (epoch or iteration). */
  step: Scalars['Int']['input'];
  /** Value; may be NaN or ±Infinity. */
  value: Scalars['MetricValue']['input'];
};

/** A condition on an objective's final value: the trial is COMPLETE and its value of the objective named `name` lies within [min, max]. */
export type MetricRangeInput = {
  /** Highest value kept (inclusive). */
  max?: InputMaybe<Scalars['Float']['input']>;
  /** Lowest value kept (inclusive). */
  min?: InputMaybe<Scalars['Float']['input']>;
  /** The objective's name, e.g. `val_accuracy` (at most 200 characters). Studies without an objective of that name never match. */
  name: Scalars['String']['input'];
};

/** One metric's points. */
export type MetricSeries = {
  __typename?: 'MetricSeries';
  /** The metric, e.g. `val_loss`. */
  key: Scalars['String']['output'];
  /** Points by step. */
  points: Array<MetricPoint>;
};

/**
 * An evaluation of a trial's saved model on its study's held-out test split: a small job a runner picks up. The
 * study optimises the validation metric; the test split is read only here, on demand, for the trials one chose.
 */
export type ModelEvaluation = {
  __typename?: 'ModelEvaluation';
  /** Claims so far (a runner that died leaves it to be claimed again). */
  attempt: Scalars['Int']['output'];
  /** When it was asked for. */
  createdAt: Scalars['DateTime']['output'];
  /** Why it failed; null otherwise. */
  error: Maybe<Scalars['String']['output']>;
  /** When it ended. */
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  /** Opaque id. */
  id: Scalars['ID']['output'];
  /** The `test_*` figures, by key; empty until DONE. */
  metrics: Array<EvaluationMetric>;
  /** When a runner last claimed it. */
  startedAt: Maybe<Scalars['DateTime']['output']>;
  /** QUEUED, RUNNING, DONE or FAILED. */
  state: ModelEvaluationState;
  /** The trial whose model is evaluated. */
  trial: Trial;
};

/** Input of `modelEvaluationClaim` (runners). */
export type ModelEvaluationClaimInput = {
  /** Most evaluations to claim (1 to 8, default 1). */
  limit?: InputMaybe<Scalars['Int']['input']>;
  /** The registered runner. */
  runnerId: Scalars['ID']['input'];
  /** Only this study's evaluations (a runner started for one study); default: any of the team's. */
  studyId?: InputMaybe<Scalars['ID']['input']>;
};

/** Result of `modelEvaluationClaim`. */
export type ModelEvaluationClaimPayload = {
  __typename?: 'ModelEvaluationClaimPayload';
  /** The evaluations claimed; empty when none waits. */
  leases: Array<ModelEvaluationLease>;
  /** What went wrong. */
  userErrors: Array<UserError>;
};

/** Input of `modelEvaluationFinish` (runners): `metrics` when it worked, `error` when it did not. */
export type ModelEvaluationFinishInput = {
  /** Why it failed (at most 2,000 characters kept). */
  error?: InputMaybe<Scalars['String']['input']>;
  /** The evaluation. */
  id: Scalars['ID']['input'];
  /** The lease token from `modelEvaluationClaim`. */
  leaseToken: Scalars['String']['input'];
  /** The `test_*` figures (1 to 20). */
  metrics?: InputMaybe<Array<EvaluationMetricInput>>;
};

/** Result of `modelEvaluationFinish`. */
export type ModelEvaluationFinishPayload = {
  __typename?: 'ModelEvaluationFinishPayload';
  /** The evaluation, DONE or FAILED; null when refused. */
  evaluation: Maybe<ModelEvaluation>;
  /** What went wrong: `STALE_LEASE` (the lease passed to another runner or the job ended), `INVALID`. */
  userErrors: Array<UserError>;
};

/** An evaluation held by a runner: every later write carries `leaseToken`. */
export type ModelEvaluationLease = {
  __typename?: 'ModelEvaluationLease';
  /** The evaluation (its trial's study holds the objective spec; its artifacts, the model). */
  evaluation: ModelEvaluation;
  /** When the lease expires and another runner may claim the evaluation. */
  leaseExpiresAt: Scalars['DateTime']['output'];
  /** The fencing token of `modelEvaluationFinish`. */
  leaseToken: Scalars['String']['output'];
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

/** The root of every change. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Creates an API token for a team (admins and owners); the secret is returned once. */
  apiTokenCreate: ApiTokenCreatePayload;
  /** Revokes an API token; it is refused from the next request on. */
  apiTokenRevoke: ApiTokenRevokePayload;
  /** Deletes an artifact and its stored bytes (needs write access). */
  artifactDelete: ArtifactDeletePayload;
  /** Begins an artifact's upload (needs write access, or a runner's lease on the trial): answers where to send the bytes. */
  artifactUploadBegin: ArtifactUploadBeginPayload;
  /** Verifies an uploaded artifact's size and SHA-256 against what its upload began with; a mismatch removes it. */
  artifactUploadComplete: ArtifactUploadCompletePayload;
  /** Accepts an invitation for the signed-in user's e-mail address, joining the team. */
  invitationAccept: InvitationAcceptPayload;
  /** Invites someone by e-mail (admins and owners); returns the single-use link to send them. */
  invitationCreate: InvitationCreatePayload;
  /** Revokes a pending invitation (admins and owners). */
  invitationRevoke: InvitationRevokePayload;
  /**
   * Invites someone to a team (admins and owners): the same as `invitationCreate`.
   * @deprecated People join by invitation: use `invitationCreate`.
   */
  membershipCreate: MembershipCreatePayload;
  /** Removes a member (admins and owners), or leaves the team (yourself); a team keeps at least one owner. */
  membershipRemove: MembershipPayload;
  /** Changes a member's role (admins and owners; only an owner changes an owner's role or makes an owner). */
  membershipUpdate: MembershipPayload;
  /** Claims queued evaluations (runners, with `run` access to the team). */
  modelEvaluationClaim: ModelEvaluationClaimPayload;
  /** Ends a claimed evaluation with its figures or its error (the lease holder only). */
  modelEvaluationFinish: ModelEvaluationFinishPayload;
  /** Creates a project in a team. */
  projectCreate: ProjectCreatePayload;
  /** Registers (or re-registers) a runner for the token's team. */
  runnerRegister: RunnerRegisterPayload;
  /** Signs in with e-mail and password; sets an HttpOnly session cookie. */
  signIn: AuthPayload;
  /** Ends the current session. */
  signOut: SignOutPayload;
  /** Creates an account and signs it in; with `invitationToken`, also joins the invitation's team. */
  signUp: AuthPayload;
  /** Creates a study and queues its first trials. */
  studyCreate: StudyPayload;
  /**
   * Imports one study of an uploaded Optuna SQLite file into a project (needs write access): trials with their
   * states, params, values, intermediate values and user attributes, continued by the Python client with any
   * sampler. Uploading the same file and study again answers the study with `created: false`.
   */
  studyImportOptuna: StudyImportOptunaPayload;
  /** Stops handing out new trials; running ones finish. */
  studyPause: StudyPayload;
  /** Creates a child study in a narrower space, optionally inheriting the parent's trials inside it. */
  studyRefine: StudyPayload;
  /** Resumes a paused study. */
  studyResume: StudyPayload;
  /** Stops a study for good: pending trials are cancelled, running ones finish. */
  studyStop: StudyPayload;
  /** Changes a study's note and tags (needs write access); watchers of the study get a `STUDY_UPDATED` event. */
  studyUpdate: StudyPayload;
  /** Creates a team with the caller as its owner. */
  teamCreate: TeamCreatePayload;
  /** Claims pending trials: one statement, FOR UPDATE SKIP LOCKED, with a fresh lease. */
  trialClaim: TrialClaimPayload;
  /** Finishes a trial with its values. */
  trialComplete: TrialPayload;
  /** Queues a hand-picked configuration ahead of the sampler's. */
  trialEnqueue: TrialPayload;
  /** Evaluates a trial's saved model on its study's held-out test split (needs write access): queues a job that a runner picks up. */
  trialEvaluate: TrialEvaluatePayload;
  /** Finishes a trial as failed. */
  trialFail: TrialPayload;
  /** Appends lines to a trial's log for the runner holding its lease; the log keeps its last 1 MiB. */
  trialLogAppend: TrialLogAppendPayload;
  /** Finishes a trial as pruned. */
  trialPrune: TrialPayload;
  /** Gives a claimed trial back to the queue (a runner shutting down): PENDING again as attempt + 1, not a failure. */
  trialRelease: TrialPayload;
  /** Stores a batch of metric points, renews the lease and returns the pruner's verdict. */
  trialReport: TrialReportPayload;
  /** Changes a trial's note and tags (needs write access); watchers of its study get a `TRIAL_UPDATED` event. */
  trialUpdate: TrialPayload;
};


/** The root of every change. */
export type MutationApiTokenCreateArgs = {
  input: ApiTokenCreateInput;
};


/** The root of every change. */
export type MutationApiTokenRevokeArgs = {
  input: ApiTokenRevokeInput;
};


/** The root of every change. */
export type MutationArtifactDeleteArgs = {
  input: ArtifactDeleteInput;
};


/** The root of every change. */
export type MutationArtifactUploadBeginArgs = {
  input: ArtifactUploadBeginInput;
};


/** The root of every change. */
export type MutationArtifactUploadCompleteArgs = {
  input: ArtifactUploadCompleteInput;
};


/** The root of every change. */
export type MutationInvitationAcceptArgs = {
  input: InvitationAcceptInput;
};


/** The root of every change. */
export type MutationInvitationCreateArgs = {
  input: InvitationCreateInput;
};


/** The root of every change. */
export type MutationInvitationRevokeArgs = {
  input: InvitationRevokeInput;
};


/** The root of every change. */
export type MutationMembershipCreateArgs = {
  input: MembershipCreateInput;
};


/** The root of every change. */
export type MutationMembershipRemoveArgs = {
  input: MembershipRemoveInput;
};


/** The root of every change. */
export type MutationMembershipUpdateArgs = {
  input: MembershipUpdateInput;
};


/** The root of every change. */
export type MutationModelEvaluationClaimArgs = {
  input: ModelEvaluationClaimInput;
};


/** The root of every change. */
export type MutationModelEvaluationFinishArgs = {
  input: ModelEvaluationFinishInput;
};


/** The root of every change. */
export type MutationProjectCreateArgs = {
  input: ProjectCreateInput;
};


/** The root of every change. */
export type MutationRunnerRegisterArgs = {
  input: RunnerRegisterInput;
};


/** The root of every change. */
export type MutationSignInArgs = {
  input: SignInInput;
};


/** The root of every change. */
export type MutationSignUpArgs = {
  input: SignUpInput;
};


/** The root of every change. */
export type MutationStudyCreateArgs = {
  input: StudyCreateInput;
};


/** The root of every change. */
export type MutationStudyImportOptunaArgs = {
  input: StudyImportOptunaInput;
};


/** The root of every change. */
export type MutationStudyPauseArgs = {
  input: StudyIdInput;
};


/** The root of every change. */
export type MutationStudyRefineArgs = {
  input: StudyRefineInput;
};


/** The root of every change. */
export type MutationStudyResumeArgs = {
  input: StudyIdInput;
};


/** The root of every change. */
export type MutationStudyStopArgs = {
  input: StudyIdInput;
};


/** The root of every change. */
export type MutationStudyUpdateArgs = {
  input: StudyUpdateInput;
};


/** The root of every change. */
export type MutationTeamCreateArgs = {
  input: TeamCreateInput;
};


/** The root of every change. */
export type MutationTrialClaimArgs = {
  input: TrialClaimInput;
};


/** The root of every change. */
export type MutationTrialCompleteArgs = {
  input: TrialCompleteInput;
};


/** The root of every change. */
export type MutationTrialEnqueueArgs = {
  input: TrialEnqueueInput;
};


/** The root of every change. */
export type MutationTrialEvaluateArgs = {
  input: TrialEvaluateInput;
};


/** The root of every change. */
export type MutationTrialFailArgs = {
  input: TrialFailInput;
};


/** The root of every change. */
export type MutationTrialLogAppendArgs = {
  input: TrialLogAppendInput;
};


/** The root of every change. */
export type MutationTrialPruneArgs = {
  input: TrialPruneInput;
};


/** The root of every change. */
export type MutationTrialReleaseArgs = {
  input: TrialReleaseInput;
};


/** The root of every change. */
export type MutationTrialReportArgs = {
  input: TrialReportInput;
};


/** The root of every change. */
export type MutationTrialUpdateArgs = {
  input: TrialUpdateInput;
};

/** An object with a globally unique, opaque id. */
export type Node = {
  /** Opaque global id; pass it to `node(id:)` to fetch the object again. */
  id: Scalars['ID']['output'];
};

/** A Markdown note on a study or a trial, with who changed it last and when. */
export type Note = {
  __typename?: 'Note';
  /** The Markdown text (at most 20,000 characters); empty when there is none. Render it without raw HTML. */
  body: Scalars['String']['output'];
  /** When it was changed last; null until it is first edited. */
  updatedAt: Maybe<Scalars['DateTime']['output']>;
  /** Who changed it last; null until it is first edited, when it was changed with an API token, or when that user was deleted. */
  updatedBy: Maybe<User>;
};

/** One optimisation target. */
export type Objective = {
  __typename?: 'Objective';
  /** Minimise or maximise. */
  direction: Direction;
  /** The metric's name, e.g. `val_accuracy`. */
  name: Scalars['String']['output'];
};

/** An objective of a new study. */
export type ObjectiveInput = {
  /** Minimise or maximise. */
  direction: Direction;
  /** The metric's name. */
  name: Scalars['String']['input'];
};

/** An objective a study optimises. */
export type ObjectiveMatchInput = {
  /** Its direction. */
  direction?: InputMaybe<Direction>;
  /** The objective's name (exact). */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Order direction. */
export type OrderDirection =
  /** Smallest first. */
  | 'ASC'
  /** Largest first. */
  | 'DESC';

/** Information about pagination in a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item of this page; pass it as `after` for the next page. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** True when more items follow `endCursor`. */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when items precede `startCursor`. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first item of this page. */
  startCursor: Maybe<Scalars['String']['output']>;
};

/** A parameter range for filtering trials: numbers within [min, max], or one of `values`. */
export type ParamFilter = {
  /** Highest value kept (numbers). */
  max?: InputMaybe<Scalars['Float']['input']>;
  /** Lowest value kept (numbers). */
  min?: InputMaybe<Scalars['Float']['input']>;
  /** Parameter name. */
  name: Scalars['String']['input'];
  /** Values kept (categoricals). */
  values?: InputMaybe<Array<Scalars['JSON']['input']>>;
};

/** How much one parameter explains the spread of an objective (PED-ANOVA), for the dashboard's importance chart. */
export type ParameterImportance = {
  __typename?: 'ParameterImportance';
  /** Share of the total, from 0 to 1; the importances of one objective sum to 1. */
  importance: Scalars['Float']['output'];
  /** The parameter's name. */
  name: Scalars['String']['output'];
};

/** A home for related studies. */
export type Project = Node & {
  __typename?: 'Project';
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Free text. */
  description: Scalars['String']['output'];
  /** Global id. */
  id: Scalars['ID']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** URL-safe name, unique in the team. */
  slug: Scalars['String']['output'];
  /** The project's studies, newest first, the first `first` of them (at most 500; `studyCount` says how many there are, `searchStudies` pages through them). */
  studies: Array<Study>;
  /** How many studies the project has. */
  studyCount: Scalars['Int']['output'];
  /** The owning team. */
  team: Team;
};


/** A home for related studies. */
export type ProjectStudiesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Input of `projectCreate`. */
export type ProjectCreateInput = {
  /** Free text. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Display name. */
  name: Scalars['String']['input'];
  /** URL-safe name, unique in the team. */
  slug: Scalars['String']['input'];
  /** The owning team. */
  teamId: Scalars['ID']['input'];
};

/** Result of `projectCreate`. */
export type ProjectCreatePayload = {
  __typename?: 'ProjectCreatePayload';
  /** The new project. */
  project: Maybe<Project>;
  /** What went wrong. */
  userErrors: Array<UserError>;
};

/** The root of every read. */
export type Query = {
  __typename?: 'Query';
  /**
   * 2 to 10 studies to compare (best-so-far histories, parameter importance, best trials, the objective's
   * distribution), in the order given (each id once). Same access rules as `compareTrials`.
   */
  compareStudies: Array<Study>;
  /**
   * 2 to 20 trials to compare side by side, in the order given (each id once). Each needs read access to its team;
   * an id the caller may not see (another team's) answers NOT_FOUND, like one that does not exist.
   */
  compareTrials: Array<Trial>;
  /** Fetches any object by its global id; null when it does not exist or you may not see it. */
  node: Maybe<Node>;
  /** Fetches several objects by their global ids (at most 100; more is BAD_USER_INPUT), in the order given. */
  nodes: Array<Maybe<Node>>;
  /** A runner by global id. */
  runner: Maybe<Runner>;
  /**
   * The team's studies matching `filter`, newest first; `first` at most 100. Needs read access to the team (a
   * VIEWER may search); another team answers NOT_FOUND. A filter outside its limits is BAD_USER_INPUT naming the
   * field and the value.
   */
  searchStudies: StudySearchConnection;
  /**
   * The team's trials across its studies matching `filter`, newest first; `first` at most 100. Same access and
   * validation as `searchStudies`.
   */
  searchTrials: TrialSearchConnection;
  /** Who may sign up (set with `admin signup-policy set`, or TUNEBOARD_SIGNUP_POLICY). */
  signUpPolicy: SignUpPolicy;
  /** A study by global id. */
  study: Maybe<Study>;
  /** A trial by global id. */
  trial: Maybe<Trial>;
  /** The caller: a signed-in user or an API token; null when anonymous. */
  viewer: Maybe<Viewer>;
};


/** The root of every read. */
export type QueryCompareStudiesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** The root of every read. */
export type QueryCompareTrialsArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** The root of every read. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** The root of every read. */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** The root of every read. */
export type QueryRunnerArgs = {
  id: Scalars['ID']['input'];
};


/** The root of every read. */
export type QuerySearchStudiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<StudySearchFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  teamId: Scalars['ID']['input'];
};


/** The root of every read. */
export type QuerySearchTrialsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TrialSearchFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  teamId: Scalars['ID']['input'];
};


/** The root of every read. */
export type QueryStudyArgs = {
  id: Scalars['ID']['input'];
};


/** The root of every read. */
export type QueryTrialArgs = {
  id: Scalars['ID']['input'];
};

/** What `studyRefine` would create with the same ranges or top fraction, computed without creating anything. */
export type RefinementPreview = {
  __typename?: 'RefinementPreview';
  /** The trial holding `bestValue`; null when none is inside. */
  bestTrial: Maybe<Trial>;
  /** The best first-objective value among the trials inside; null when none is inside. */
  bestValue: Maybe<Scalars['Float']['output']>;
  /** Complete trials of this study in all. */
  completeCount: Scalars['Int']['output'];
  /** Complete trials of this study inside the proposed space (the ones a refinement would inherit). */
  insideCount: Scalars['Int']['output'];
  /** The ranges the narrower space comes from: the ones given, or the ones `suggestRefinement` proposes. Null when they are invalid. */
  ranges: Maybe<Scalars['JSON']['output']>;
  /** The proposed narrower search space document; null when the ranges are invalid (see `userErrors`). */
  space: Maybe<Scalars['JSON']['output']>;
  /** Why no space could be proposed, naming the field and the value. */
  userErrors: Array<UserError>;
};

/** A worker process that claims trials and trains them. */
export type Runner = Node & {
  __typename?: 'Runner';
  /**
   * True when it runs `command` objectives (started with `--allow-commands`): only such runners are handed
   * trials of studies whose objective is a command.
   */
  acceptsCommands: Scalars['Boolean']['output'];
  /** The only programs its command objectives may start (`--allow-commands python3,/opt/train.sh`); null: any. */
  allowedPrograms: Maybe<Array<Scalars['String']['output']>>;
  /** What it said it can do: backend, gpus, labels. */
  capabilities: Scalars['JSON']['output'];
  /** Host name. */
  host: Scalars['String']['output'];
  /** Global id. */
  id: Scalars['ID']['output'];
  /** A worker process or a client (ask-and-tell). */
  kind: RunnerKind;
  /** When it was last heard from: a claim, its registration, or a report or heartbeat on a trial it runs (each renews that trial's lease). */
  lastHeartbeatAt: Scalars['DateTime']['output'];
  /** When it last claimed or registered. */
  lastSeenAt: Scalars['DateTime']['output'];
  /** Name, unique in the team. */
  name: Scalars['String']['output'];
  /** True when it was heard from within one lease (the API's LEASE_SECONDS): a runner that vanished shows offline within a lease. */
  online: Scalars['Boolean']['output'];
  /** Trials it is running now, by trial id, the first `first` of them (at most 500). */
  runningTrials: Array<Trial>;
  /** The team it works for. */
  team: Team;
};


/** A worker process that claims trials and trains them. */
export type RunnerRunningTrialsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

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
  capabilities: Scalars['JSON']['input'];
  /** Host name. */
  host: Scalars['String']['input'];
  /**
   * WORKER (default) or CLIENT: a client is handed only trials of `client` studies. Stored as
   * `capabilities.kind` (`"worker"` or `"client"`), whatever `capabilities` says.
   */
  kind?: InputMaybe<RunnerKind>;
  /** Name, unique in the team; registering the same name again updates it. */
  name: Scalars['String']['input'];
};

/** Result of `runnerRegister`. */
export type RunnerRegisterPayload = {
  __typename?: 'RunnerRegisterPayload';
  /** The runner. */
  runner: Maybe<Runner>;
  /** What went wrong. */
  userErrors: Array<UserError>;
};

/** Input of `signIn`. */
export type SignInInput = {
  /** E-mail address. */
  email: Scalars['String']['input'];
  /** Password. */
  password: Scalars['String']['input'];
};

/** Result of `signOut`. */
export type SignOutPayload = {
  __typename?: 'SignOutPayload';
  /** True when a session was ended. */
  signedOut: Scalars['Boolean']['output'];
  /** What went wrong. */
  userErrors: Array<UserError>;
};

/** Input of `signUp`. */
export type SignUpInput = {
  /** E-mail address. */
  email: Scalars['String']['input'];
  /** The token of an invitation link (`/invite/<token>`) sent to this e-mail: needed unless sign-up is open. */
  invitationToken?: InputMaybe<Scalars['String']['input']>;
  /** Display name. */
  name: Scalars['String']['input'];
  /** At least 10 characters. */
  password: Scalars['String']['input'];
};

/** Who may create an account. */
export type SignUpPolicy =
  /** Nobody: accounts are made with the admin CLI. */
  | 'CLOSED'
  /** Only people with an invitation link. */
  | 'INVITE'
  /** Anyone. */
  | 'OPEN';

/** A hyperparameter search: a space, a strategy, an objective and a budget. */
export type Study = Node & {
  __typename?: 'Study';
  /**
   * The best value of the first objective after each complete trial that improved it, by trial number: the
   * history of the best value so far as a step line. The latest `maxPoints` improvements (at most 500).
   */
  bestSoFar: Array<BestSoFarPoint>;
  /** The best complete trial by the first objective; null until one completes. */
  bestTrial: Maybe<Trial>;
  /** The Pareto-optimal complete trials (several objectives), by trial number, the first `first` of them (at most 500); the best trial for one. */
  bestTrials: Array<Trial>;
  /** The trial budget. */
  budget: Budget;
  /** Studies refined from this one, oldest first, the first `first` of them (at most 500). */
  children: Array<Study>;
  /** When it completed, was stopped or failed. */
  completedAt: Maybe<Scalars['DateTime']['output']>;
  /** Trials by state. */
  counts: TrialCounts;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Who created it; null when it was created with an API token or that account is gone. */
  createdByName: Maybe<Scalars['String']['output']>;
  /** Free text. */
  description: Scalars['String']['output'];
  /** The sequence number (an integer) of the study's latest live event, `StudyEvent.seq`, when this study was read: trials read after it in the same request reflect every event up to it. */
  eventSeq: Scalars['Float']['output'];
  /**
   * The study's trials as JSON lines, a page at a time (needs read access): at most `first` trials (1 to 200), and
   * fewer when their curves pass 100,000 points (a trial is never split across pages; one trial alone over that
   * limit is cut and marked `curvesTruncated`). Follow `endCursor` with `after` until `hasNextPage` is false.
   */
  exportJsonl: TrialExportPage;
  /** Why a FAILED study failed, ending with the last trial error; null for any other status. */
  failureReason: Maybe<Scalars['String']['output']>;
  /** Global id. */
  id: Scalars['ID']['output'];
  /** How many best complete trials (by the first objective) keep their saved models; the other trials' MODEL artifacts are deleted when they end. */
  keepModels: Scalars['Int']['output'];
  /** Name, unique in the project. */
  name: Scalars['String']['output'];
  /** The study's Markdown note. */
  note: Note;
  /** What a runner executes per trial: a model template and dataset, or a command. */
  objective: Scalars['JSON']['output'];
  /**
   * Finite values of one objective over the complete trials, in increasing order: the empirical distribution (EDF)
   * of the objective. With more complete trials than `maxPoints` (at most 5,000), evenly spaced order statistics
   * (the smallest and largest included), so the curve keeps its shape.
   */
  objectiveValues: Array<Scalars['Float']['output']>;
  /** What is optimised, in order; `Trial.values` follow this order. */
  objectives: Array<Objective>;
  /** Importance of each parameter for one objective over the complete trials, in the space's parameter order; empty with fewer than two complete trials. */
  parameterImportance: Array<ParameterImportance>;
  /** The study this one was refined from. */
  parent: Maybe<Study>;
  /** Finished trials (complete, pruned or failed) over `maxTrials`, from 0 to 1; null without a limit. */
  progress: Maybe<Scalars['Float']['output']>;
  /** The project it belongs to. */
  project: Project;
  /** The pruner settings, e.g. `{"kind": "median", "warmupSteps": 2}`. */
  pruner: Scalars['JSON']['output'];
  /** The ranges this study was refined from; null for a study created from scratch. */
  refinement: Maybe<Scalars['JSON']['output']>;
  /** Previews a refinement: the narrower space from brushed `ranges` (as `studyRefine` takes them), or without them from the best `topFraction` of complete trials (default 0.2), with how many complete trials fall inside and the best value inside. */
  refinementPreview: RefinementPreview;
  /** The sampler settings, e.g. `{"kind": "tpe", "seed": 7}`. Always holds a `seed`: a study created without one got a random seed, recorded here so the study can be reproduced. */
  sampler: Scalars['JSON']['output'];
  /** The search space document (see docs/graphql.md). */
  space: Scalars['JSON']['output'];
  /** Where the study stands. */
  status: StudyStatus;
  /** Free-text tags (at most 20, each 1 to 40 characters), in the order they were given. */
  tags: Array<Scalars['String']['output']>;
  /**
   * The trials numbered from `from` (inclusive) to `to` (exclusive), at most 5,000 numbers apart, as columns: a
   * compact read of a big study (the dashboard reads several ranges at once). Each list follows `numbers`.
   */
  trialColumns: TrialColumns;
  /** The study's trials, filtered and ordered. */
  trials: TrialConnection;
};


/** A hyperparameter search: a space, a strategy, an objective and a budget. */
export type StudyBestSoFarArgs = {
  maxPoints?: InputMaybe<Scalars['Int']['input']>;
};


/** A hyperparameter search: a space, a strategy, an objective and a budget. */
export type StudyBestTrialsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A hyperparameter search: a space, a strategy, an objective and a budget. */
export type StudyChildrenArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A hyperparameter search: a space, a strategy, an objective and a budget. */
export type StudyExportJsonlArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A hyperparameter search: a space, a strategy, an objective and a budget. */
export type StudyObjectiveValuesArgs = {
  maxPoints?: InputMaybe<Scalars['Int']['input']>;
  objectiveIndex?: InputMaybe<Scalars['Int']['input']>;
};


/** A hyperparameter search: a space, a strategy, an objective and a budget. */
export type StudyParameterImportanceArgs = {
  objectiveIndex?: InputMaybe<Scalars['Int']['input']>;
};


/** A hyperparameter search: a space, a strategy, an objective and a budget. */
export type StudyRefinementPreviewArgs = {
  ranges?: InputMaybe<Scalars['JSON']['input']>;
  topFraction?: InputMaybe<Scalars['Float']['input']>;
};


/** A hyperparameter search: a space, a strategy, an objective and a budget. */
export type StudyTrialColumnsArgs = {
  from: Scalars['Int']['input'];
  to: Scalars['Int']['input'];
};


/** A hyperparameter search: a space, a strategy, an objective and a budget. */
export type StudyTrialsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TrialFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<TrialOrder>;
};

/** Input of `studyCreate`. */
export type StudyCreateInput = {
  /** Trial budget. */
  budget?: InputMaybe<BudgetInput>;
  /** Free text. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Keep the saved models of this many best trials (0 to 100, default 3); the others' are deleted when they end. */
  keepModels?: InputMaybe<Scalars['Int']['input']>;
  /** Name, unique in the project. */
  name: Scalars['String']['input'];
  /** What runners execute per trial. */
  objective: Scalars['JSON']['input'];
  /** What to optimise, e.g. `[{name: "val_accuracy", direction: MAXIMIZE}]`. */
  objectives: Array<ObjectiveInput>;
  /** The project. */
  projectId: Scalars['ID']['input'];
  /** Pruner settings; default `{"kind": "none"}`. */
  pruner?: InputMaybe<Scalars['JSON']['input']>;
  /** Sampler settings; default `{"kind": "auto"}`. Without a `seed`, a random one is drawn and stored with the study. */
  sampler?: InputMaybe<Scalars['JSON']['input']>;
  /** The search space document. */
  space: Scalars['JSON']['input'];
};

/** A live event of a study. */
export type StudyEvent = {
  __typename?: 'StudyEvent';
  /** What happened. */
  kind: StudyEventKind;
  /** The study's sequence number of this event (an integer): 1, 2, 3 … per study, in the order subscribers receive them. A number skipped means events were missed: refetch. A number not above the last one seen is old: ignore it. */
  seq: Scalars['Float']['output'];
  /** The study. */
  study: Study;
  /** The trial concerned, if any. */
  trial: Maybe<Trial>;
};

/** What happened in a study. */
export type StudyEventKind =
  /** The study's status changed. */
  | 'STUDY_STATUS'
  /** The study's note or tags changed (`studyUpdate`). */
  | 'STUDY_UPDATED'
  /** Sent first on every subscription (and again after a reconnect): `seq` is the study's latest sequence number. A client whose data is older (`Study.eventSeq` below it) refetches. */
  | 'SYNC'
  /** A runner claimed a trial. */
  | 'TRIAL_CLAIMED'
  /** A trial was created (sampled, enqueued or inherited). */
  | 'TRIAL_CREATED'
  /** A trial finished (complete, pruned, failed, cancelled) or was re-queued. */
  | 'TRIAL_FINISHED'
  /** A runner appended lines to a trial's log (`trialLogAppend`). */
  | 'TRIAL_LOGGED'
  /** A runner reported metric points. */
  | 'TRIAL_REPORTED'
  /** A trial's note or tags changed (`trialUpdate`). */
  | 'TRIAL_UPDATED';

/** Input of `studyPause`, `studyResume`, `studyStop`. */
export type StudyIdInput = {
  /** The study. */
  id: Scalars['ID']['input'];
};

/** Input of `studyImportOptuna`. */
export type StudyImportOptunaInput = {
  /** An Optuna SQLite storage file (Optuna 3.x or 4.x), base64-encoded; at most 1 MiB before encoding (larger files: the admin CLI's `import optuna`). */
  file: Scalars['String']['input'];
  /** More trials to run after the imported ones; null for no limit. */
  maxTrials?: InputMaybe<Scalars['Int']['input']>;
  /** The Tuneboard study's name (default: the Optuna study's). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The project to create the study in (needs write access). */
  projectId: Scalars['ID']['input'];
  /** The sampler that continues it, e.g. `{"kind": "tpe"}` (default `auto`). */
  sampler?: InputMaybe<Scalars['JSON']['input']>;
  /** The Optuna study to import from the file. */
  studyName: Scalars['String']['input'];
  /**
   * The time zone of the machine that wrote the file: Optuna stores trial times without one (its clock, from
   * `datetime.now()`). An IANA name (`Europe/Paris`, `UTC`) or an offset (`+02:00`); default `UTC`.
   */
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

/** What `studyImportOptuna` did. */
export type StudyImportOptunaPayload = {
  __typename?: 'StudyImportOptunaPayload';
  /** True when this call created the study; false when the same study of the same file was imported before (nothing changed). */
  created: Scalars['Boolean']['output'];
  /** A sentence for the user: what was imported, or that it was imported before. */
  message: Maybe<Scalars['String']['output']>;
  /** The imported study (also when it was imported before). */
  study: Maybe<Study>;
  /** What went wrong: a parameter Tuneboard cannot express is named in the message, with the field `file`. */
  userErrors: Array<UserError>;
};

/** Result of study mutations. */
export type StudyPayload = {
  __typename?: 'StudyPayload';
  /** The study. */
  study: Maybe<Study>;
  /** What went wrong. */
  userErrors: Array<UserError>;
};

/** Input of `studyRefine`. */
export type StudyRefineInput = {
  /** Budget of the child; default the parent's. Inherited trials count toward `maxTrials`, which must be more than their number. */
  budget?: InputMaybe<BudgetInput>;
  /** Copy the parent's complete trials that fall inside the new space (default true): the child's sampler learns from them; its pruner judges the child's own trials only. */
  inheritTrials?: InputMaybe<Scalars['Boolean']['input']>;
  /** Name of the child study; default `<parent> (refined)`. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Brushed ranges: `{"lr": [0.001, 0.01], "optimizer": ["adam"]}`. Without them, `suggestRefinement` proposes the region of the best trials. */
  ranges?: InputMaybe<Scalars['JSON']['input']>;
  /** Sampler of the child; default the parent's (its seed included). Without a `seed`, a random one is drawn and stored. */
  sampler?: InputMaybe<Scalars['JSON']['input']>;
  /** The study to refine. */
  studyId: Scalars['ID']['input'];
  /** With no `ranges`: the share of best trials the suggestion covers (default 0.2). */
  topQuantile?: InputMaybe<Scalars['Float']['input']>;
};

/** A page of a search's studies, newest first. */
export type StudySearchConnection = {
  __typename?: 'StudySearchConnection';
  /** Studies with their cursors. */
  edges: Array<StudySearchEdge>;
  /** Studies of this page. */
  nodes: Array<Study>;
  /** Where this page stands. */
  pageInfo: PageInfo;
  /** Studies matching the filter, counted up to 1,000 (see `totalCountIsExact`). */
  totalCount: Scalars['Int']['output'];
  /** False when more than 1,000 match and `totalCount` stopped counting. */
  totalCountIsExact: Scalars['Boolean']['output'];
};

/** A study with its cursor. */
export type StudySearchEdge = {
  __typename?: 'StudySearchEdge';
  /** Pass as `after` for the next page. */
  cursor: Scalars['String']['output'];
  /** The study. */
  node: Study;
};

/** Which of a team's studies `searchStudies` returns; every condition given must hold. */
export type StudySearchFilter = {
  /** Created at or after this time. */
  createdAfter?: InputMaybe<Scalars['DateTime']['input']>;
  /** Created before this time. */
  createdBefore?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only studies created by this user. */
  createdById?: InputMaybe<Scalars['ID']['input']>;
  /** Studies with at least one COMPLETE trial whose value of this objective is within the range. */
  hasTrial?: InputMaybe<MetricRangeInput>;
  /** A part of the name, any case (at most 200 characters). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Studies with an objective of this name and/or direction. */
  objective?: InputMaybe<ObjectiveMatchInput>;
  /** Only studies of these projects (at most 50; each must belong to the team). */
  projectIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Only these statuses. */
  statuses?: InputMaybe<Array<StudyStatus>>;
  /** Tags the study must all carry (at most 20). */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Where a study stands. */
export type StudyStatus =
  /** The budget is spent (or a grid exhausted) and at least one of its own trials completed. */
  | 'COMPLETED'
  /**
   * Stopped by the API: too many trials failed in a row (the API's `TUNEBOARD_MAX_CONSECUTIVE_FAILURES`, default 5),
   * or the budget was spent without one complete trial. Pending trials are cancelled; `failureReason` says why.
   */
  | 'FAILED'
  /** No new trials are handed out; running ones finish. */
  | 'PAUSED'
  /** Trials are being proposed and run. */
  | 'RUNNING'
  /** Stopped by a person before its budget was spent. */
  | 'STOPPED';

/** Input of `studyUpdate`: a field left out (or null) stays as it is. */
export type StudyUpdateInput = {
  /** The study. */
  id: Scalars['ID']['input'];
  /** Keep the saved models of this many best trials (0 to 100); the others' are deleted at once. */
  keepModels?: InputMaybe<Scalars['Int']['input']>;
  /** The new Markdown note (at most 20,000 characters); an empty string clears it. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The new tags, replacing the old ones (at most 20, each 1 to 40 characters after trimming; duplicates are dropped); an empty list clears them. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Live events. */
export type Subscription = {
  __typename?: 'Subscription';
  /** Every change in a study, for the dashboard. */
  studyEvents: StudyEvent;
  /** Pending trials appeared in a study of the caller's team, for runners. */
  trialsAvailable: TrialsAvailable;
};


/** Live events. */
export type SubscriptionStudyEventsArgs = {
  studyId: Scalars['ID']['input'];
};

/** A group of people who share projects, studies and runners. */
export type Team = Node & {
  __typename?: 'Team';
  /** The team's API tokens (admins and owners), newest first, the first `first` of them (at most 500). */
  apiTokens: Array<ApiToken>;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Global id. */
  id: Scalars['ID']['output'];
  /** Invitations not yet accepted, revoked or expired, newest first (admins and owners; at most 100). */
  invitations: Array<Invitation>;
  /** Who belongs to the team (at most 1,000). */
  memberships: Array<Membership>;
  /** Display name. */
  name: Scalars['String']['output'];
  /** The team's projects by name, the first `first` of them (at most 500). */
  projects: Array<Project>;
  /** The team's runners, most recently seen first, the first `first` of them (at most 500). */
  runners: Array<Runner>;
  /** URL-safe unique name. */
  slug: Scalars['String']['output'];
  /** The caller's role in this team; null for API tokens. */
  viewerRole: Maybe<MembershipRole>;
};


/** A group of people who share projects, studies and runners. */
export type TeamApiTokensArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A group of people who share projects, studies and runners. */
export type TeamProjectsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A group of people who share projects, studies and runners. */
export type TeamRunnersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Input of `teamCreate`. */
export type TeamCreateInput = {
  /** Display name. */
  name: Scalars['String']['input'];
  /** URL-safe unique name: lower-case letters, digits, single hyphens. */
  slug: Scalars['String']['input'];
};

/** Result of `teamCreate`. */
export type TeamCreatePayload = {
  __typename?: 'TeamCreatePayload';
  /** The new team; the caller is its owner. */
  team: Maybe<Team>;
  /** What went wrong. */
  userErrors: Array<UserError>;
};

/** One evaluation of the objective at one point of the search space. */
export type Trial = Node & {
  __typename?: 'Trial';
  /** The trial's artifacts by name (at most 500; `first` defaults to 100). */
  artifacts: Array<Artifact>;
  /** 0 for the first run; increases each time a lost lease re-queues it. */
  attempt: Scalars['Int']['output'];
  /** Every attempt, first to last, with its runner, times and end (at most 500). */
  attempts: Array<TrialAttempt>;
  /** Constraint values (≤ 0 is feasible), when the objective reports them. */
  constraints: Maybe<Array<Scalars['MetricValue']['output']>>;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Seconds from start to finish. */
  durationSeconds: Maybe<Scalars['Float']['output']>;
  /** Why it failed. */
  error: Maybe<Scalars['String']['output']>;
  /** The newest evaluation of the trial's saved model on the test split (`trialEvaluate`); null when never asked for. */
  evaluation: Maybe<ModelEvaluation>;
  /** When it finished. */
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  /** Global id. */
  id: Scalars['ID']['output'];
  /** The trial's log (the last 1 MiB). */
  log: TrialLog;
  /** Metric keys reported by the current attempt. */
  metricKeys: Array<Scalars['String']['output']>;
  /** Learning curves of the current attempt, downsampled to at most `maxPoints` per key. */
  metrics: Array<MetricSeries>;
  /** The trial's Markdown note. */
  note: Note;
  /** 0, 1, 2, … within the study. */
  number: Scalars['Int']['output'];
  /** Where its parameters came from. */
  origin: TrialOrigin;
  /** Parameter values by name. */
  params: Scalars['JSON']['output'];
  /** The runner running it, or that ran it last. */
  runner: Maybe<Runner>;
  /** For an inherited trial: the parent study's trial. */
  source: Maybe<Trial>;
  /** When the current attempt started. */
  startedAt: Maybe<Scalars['DateTime']['output']>;
  /** Where it stands. */
  state: TrialState;
  /** The study. */
  study: Study;
  /** Free-text tags (at most 20, each 1 to 40 characters), in the order they were given. */
  tags: Array<Scalars['String']['output']>;
  /** One value per study objective; null until it completes. */
  values: Maybe<Array<Scalars['MetricValue']['output']>>;
};


/** One evaluation of the objective at one point of the search space. */
export type TrialArtifactsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** One evaluation of the objective at one point of the search space. */
export type TrialMetricsArgs = {
  attempt?: InputMaybe<Scalars['Int']['input']>;
  keys?: InputMaybe<Array<Scalars['String']['input']>>;
  maxPoints?: InputMaybe<Scalars['Int']['input']>;
};

/** One run of a trial by one runner. */
export type TrialAttempt = {
  __typename?: 'TrialAttempt';
  /** 0 for the first run. */
  attempt: Scalars['Int']['output'];
  /** Why it failed or was lost. */
  error: Maybe<Scalars['String']['output']>;
  /** When it ended; null while it runs. */
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  /** How it ended. */
  outcome: TrialAttemptOutcome;
  /** The runner that ran it; null when that runner was deleted. */
  runner: Maybe<Runner>;
  /** When the runner claimed it. */
  startedAt: Scalars['DateTime']['output'];
};

/** How one attempt of a trial ended. */
export type TrialAttemptOutcome =
  /** Finished with values. */
  | 'COMPLETE'
  /** Failed; `error` says why. */
  | 'FAIL'
  /** Its lease expired (the runner vanished): the trial ran again, or failed after `maxFailures` attempts. */
  | 'LOST'
  /** Stopped by the pruner. */
  | 'PRUNED'
  /** Given back by its runner (shutting down): the trial ran again as the next attempt. */
  | 'RELEASED'
  /** Still running. */
  | 'RUNNING';

/** Input of `trialClaim`. */
export type TrialClaimInput = {
  /**
   * How many trials to claim at most (default 1). A claim answers what is available, up to this and up to 64 a
   * claim (a larger limit claims 64), so fewer leases than asked is normal; below 1 counts as 1.
   */
  limit?: InputMaybe<Scalars['Int']['input']>;
  /** The claiming runner. */
  runnerId: Scalars['ID']['input'];
  /** Only from this study; default any running study of the token's team. */
  studyId?: InputMaybe<Scalars['ID']['input']>;
};

/** Result of `trialClaim`. */
export type TrialClaimPayload = {
  __typename?: 'TrialClaimPayload';
  /** Claimed trials; empty when nothing is pending. */
  leases: Array<TrialLease>;
  /** What went wrong. */
  userErrors: Array<UserError>;
};

/** A range of a study's trials by number, column by column; every list has one entry per trial, in number order. */
export type TrialColumns = {
  __typename?: 'TrialColumns';
  /** Attempt numbers (0 for the first). */
  attempts: Array<Scalars['Int']['output']>;
  /** Seconds from start to finish; null until finished. */
  durations: Array<Maybe<Scalars['Float']['output']>>;
  /** Global ids. */
  ids: Array<Scalars['ID']['output']>;
  /** The number of the first trial at or past `to`, if there is one: where a reader goes on. */
  next: Maybe<Scalars['Int']['output']>;
  /** Trial numbers, ascending. */
  numbers: Array<Scalars['Int']['output']>;
  /** Parameter name → one value per trial (null where the trial has no such parameter). */
  params: Scalars['JSON']['output'];
  /** States. */
  states: Array<TrialState>;
  /** One entry per trial: its objective values, or null. */
  values: Scalars['JSON']['output'];
};

/** Input of `trialComplete`. */
export type TrialCompleteInput = {
  /** Constraint values (≤ 0 is feasible), at most 50. */
  constraints?: InputMaybe<Array<Scalars['MetricValue']['input']>>;
  /** The lease token. */
  leaseToken: Scalars['String']['input'];
  /** The trial. */
  trialId: Scalars['ID']['input'];
  /** One value per study objective; a NaN fails the trial. */
  values: Array<Scalars['MetricValue']['input']>;
};

/** A page of trials. */
export type TrialConnection = {
  __typename?: 'TrialConnection';
  /** Trials with their cursors. */
  edges: Array<TrialEdge>;
  /** Trials of this page. */
  nodes: Array<Trial>;
  /** Where this page stands. */
  pageInfo: PageInfo;
  /** All trials matching the filter. */
  totalCount: Scalars['Int']['output'];
};

/** How many trials are in each state. */
export type TrialCounts = {
  __typename?: 'TrialCounts';
  /** Cancelled. */
  cancelled: Scalars['Int']['output'];
  /** Finished with values. */
  complete: Scalars['Int']['output'];
  /** Failed. */
  fail: Scalars['Int']['output'];
  /** Waiting for a runner. */
  pending: Scalars['Int']['output'];
  /** Pruned. */
  pruned: Scalars['Int']['output'];
  /** Running. */
  running: Scalars['Int']['output'];
  /** All trials. */
  total: Scalars['Int']['output'];
};

/** A trial with its cursor. */
export type TrialEdge = {
  __typename?: 'TrialEdge';
  /** Pass as `after` for the next page. */
  cursor: Scalars['String']['output'];
  /** The trial. */
  node: Trial;
};

/** Input of `trialEnqueue`. */
export type TrialEnqueueInput = {
  /** A configuration inside the study's space. */
  params: Scalars['JSON']['input'];
  /** The study. */
  studyId: Scalars['ID']['input'];
};

/** Input of `trialEvaluate`. */
export type TrialEvaluateInput = {
  /** A COMPLETE trial of a template study (mlp or cnn on a dataset) whose saved model is kept (`Study.keepModels`). */
  trialId: Scalars['ID']['input'];
};

/** Result of `trialEvaluate`. */
export type TrialEvaluatePayload = {
  __typename?: 'TrialEvaluatePayload';
  /** The evaluation: new, or the one already QUEUED or RUNNING for the trial. */
  evaluation: Maybe<ModelEvaluation>;
  /** Why it cannot be evaluated: `NOT_TEMPLATE` (the study's objective is not a template), `NO_TEST_SPLIT`, `NO_MODEL` (no saved model). */
  userErrors: Array<UserError>;
};

/** One page of a study's trials as JSON lines: what `Study.exportJsonl` answers. */
export type TrialExportPage = {
  __typename?: 'TrialExportPage';
  /** Pass as `after` for the next page; null when there are no trials after this page. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** Whether trials follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /**
   * One JSON object a trial, in trial-number order: `number`, `state`, `params`, `values` (one a study objective,
   * or null), `constraints`, `origin`, `attempt`, `error`, `startedAt`, `finishedAt` (ISO 8601 or null), `tags`,
   * `note`, and `curves` (`{"val_loss": [[step, value], ...]}`, the current attempt's points by step); a trial whose
   * points passed the page's limit carries `"curvesTruncated": true`. Non-finite numbers are the strings `"NaN"`,
   * `"Infinity"` and `"-Infinity"`.
   */
  lines: Array<Scalars['String']['output']>;
};

/** Input of `trialFail`. */
export type TrialFailInput = {
  /** What went wrong; kept up to 8 KiB (longer text is cut, with a note saying so). */
  error: Scalars['String']['input'];
  /** The lease token. */
  leaseToken: Scalars['String']['input'];
  /** The trial. */
  trialId: Scalars['ID']['input'];
};

/** Which trials to return. */
export type TrialFilter = {
  /** Every parameter condition must hold. */
  params?: InputMaybe<Array<ParamFilter>>;
  /** Only these states. */
  states?: InputMaybe<Array<TrialState>>;
  /** Every objective condition must hold. */
  values?: InputMaybe<Array<ValueFilter>>;
};

/** A claimed trial with what the runner needs to run it. */
export type TrialLease = {
  __typename?: 'TrialLease';
  /** When the lease ends unless renewed by a report or heartbeat. */
  leaseExpiresAt: Scalars['DateTime']['output'];
  /** Fencing token: send it with every report about this trial. */
  leaseToken: Scalars['String']['output'];
  /** The trial. */
  trial: Trial;
};

/** A trial's log: the last 1 MiB of what its runners sent (older lines are trimmed as new ones arrive). */
export type TrialLog = {
  __typename?: 'TrialLog';
  /** Bytes kept (at most 1 MiB). */
  bytes: Scalars['Float']['output'];
  /** The offset of the newest line (0 for an empty log): poll `lines(after:)` with it. */
  endOffset: Scalars['Float']['output'];
  /**
   * Lines in order. With `after` (an `offset`): the first `first` lines after it. Without: the last `first` lines.
   * `first` is at most 1,000.
   */
  lines: Array<TrialLogLine>;
  /** The whole kept log as text, one line each prefixed with its attempt and stream: what the dashboard downloads. */
  text: Scalars['String']['output'];
  /** True when older lines were trimmed to keep the log at 1 MiB. */
  truncated: Scalars['Boolean']['output'];
};


/** A trial's log: the last 1 MiB of what its runners sent (older lines are trimmed as new ones arrive). */
export type TrialLogLinesArgs = {
  after?: InputMaybe<Scalars['Float']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Input of `trialLogAppend`: up to 500 lines, 256 KiB in all. */
export type TrialLogAppendInput = {
  /** The lease token from `trialClaim`: only the runner holding the trial writes its log. */
  leaseToken: Scalars['String']['input'];
  /** The lines, oldest first. */
  lines: Array<TrialLogLineInput>;
  /** The trial. */
  trialId: Scalars['ID']['input'];
};

/** Result of `trialLogAppend`. */
export type TrialLogAppendPayload = {
  __typename?: 'TrialLogAppendPayload';
  /** Lines stored. */
  accepted: Scalars['Int']['output'];
  /** What went wrong (`STALE_LEASE`: someone else owns the trial now). */
  userErrors: Array<UserError>;
};

/** One line of a trial's log. */
export type TrialLogLine = {
  __typename?: 'TrialLogLine';
  /** The attempt that wrote it. */
  attempt: Scalars['Int']['output'];
  /** The line's end in the trial's log, in bytes (each line counted with its newline): orders lines and pages them (`lines(after:)`). */
  offset: Scalars['Float']['output'];
  /** Where it came from. */
  stream: TrialLogStream;
  /** The line, without its newline. */
  text: Scalars['String']['output'];
  /** When the API stored it. */
  time: Scalars['DateTime']['output'];
};

/** A line a runner sends. */
export type TrialLogLineInput = {
  /** Where it came from (default RUNNER). */
  stream?: InputMaybe<TrialLogStream>;
  /** The line without its newline: 1 to 8,192 bytes of UTF-8. */
  text: Scalars['String']['input'];
};

/** Where a trial's log line came from. */
export type TrialLogStream =
  /** The runner, about the trial (claimed, epochs, the end). */
  | 'RUNNER'
  /** A command objective's standard error. */
  | 'STDERR'
  /** A command objective's standard output (lines that are not metric lines). */
  | 'STDOUT';

/** Trial ordering. */
export type TrialOrder = {
  /** Which way. */
  direction?: OrderDirection;
  /** What to order by. */
  field: TrialOrderField;
  /** The parameter, with `PARAM`. */
  param?: InputMaybe<Scalars['String']['input']>;
  /** The objective index, with `VALUE`. */
  valueIndex?: InputMaybe<Scalars['Int']['input']>;
};

/** What to order trials by. */
export type TrialOrderField =
  /** Finished minus started. */
  | 'DURATION'
  /** Trial number. */
  | 'NUMBER'
  /** A parameter's value: set `param`. */
  | 'PARAM'
  /** An objective's value: set `valueIndex`. */
  | 'VALUE';

/** Where a trial's parameters came from. */
export type TrialOrigin =
  /** Enqueued by hand. */
  | 'ENQUEUED'
  /** Inherited from the parent study at refinement. */
  | 'INHERITED'
  /** Proposed by the study's sampler. */
  | 'SAMPLER';

/** Result of trial mutations. */
export type TrialPayload = {
  __typename?: 'TrialPayload';
  /** The trial. */
  trial: Maybe<Trial>;
  /** What went wrong. */
  userErrors: Array<UserError>;
};

/** Input of `trialPrune`. */
export type TrialPruneInput = {
  /** The lease token. */
  leaseToken: Scalars['String']['input'];
  /** The trial. */
  trialId: Scalars['ID']['input'];
};

/** Input of `trialRelease`. */
export type TrialReleaseInput = {
  /** The lease token. */
  leaseToken: Scalars['String']['input'];
  /** The trial. */
  trialId: Scalars['ID']['input'];
};

/** Input of `trialReport`: a batch of up to 1,000 points; re-sending a batch changes nothing. */
export type TrialReportInput = {
  /**
   * Points to store as three lists of equal length (point i is `keys[i]`, `steps[i]`, `values[i]`): the same
   * points as `points` for a quarter of the API's work to read them; what runners send.
   */
  columns?: InputMaybe<MetricColumnsInput>;
  /** The lease token from `trialClaim`. */
  leaseToken: Scalars['String']['input'];
  /** Points to store as objects (may be empty: a heartbeat). Give `points` or `columns`, not both. */
  points?: InputMaybe<Array<MetricPointInput>>;
  /** The trial. */
  trialId: Scalars['ID']['input'];
};

/** Result of `trialReport`. */
export type TrialReportPayload = {
  __typename?: 'TrialReportPayload';
  /** Points newly stored (re-sent ones are not counted). */
  accepted: Scalars['Int']['output'];
  /** The renewed lease expiry. */
  leaseExpiresAt: Maybe<Scalars['DateTime']['output']>;
  /** True when the pruner says this trial should stop. */
  shouldPrune: Scalars['Boolean']['output'];
  /** What went wrong (e.g. `STALE_LEASE`: someone else owns the trial now). */
  userErrors: Array<UserError>;
};

/** A page of a search's trials, newest first. */
export type TrialSearchConnection = {
  __typename?: 'TrialSearchConnection';
  /** Trials with their cursors. */
  edges: Array<TrialEdge>;
  /** Trials of this page. */
  nodes: Array<Trial>;
  /** Where this page stands. */
  pageInfo: PageInfo;
  /** Trials matching the filter, counted up to 1,000 (see `totalCountIsExact`). */
  totalCount: Scalars['Int']['output'];
  /** False when more than 1,000 match and `totalCount` stopped counting. */
  totalCountIsExact: Scalars['Boolean']['output'];
};

/** Which of a team's trials `searchTrials` returns; every condition given must hold. */
export type TrialSearchFilter = {
  /** Only COMPLETE trials whose value of this objective is within the range. */
  metric?: InputMaybe<MetricRangeInput>;
  /** Only these states. */
  states?: InputMaybe<Array<TrialState>>;
  /** Only trials of these studies (at most 50; each must belong to the team). */
  studyIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Tags the trial must all carry (at most 20). */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
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

/** Input of `trialUpdate`: a field left out (or null) stays as it is. */
export type TrialUpdateInput = {
  /** The trial. */
  id: Scalars['ID']['input'];
  /** The new Markdown note (at most 20,000 characters); an empty string clears it. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The new tags, replacing the old ones (at most 20, each 1 to 40 characters after trimming; duplicates are dropped); an empty list clears them. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Trials are waiting in a study. */
export type TrialsAvailable = {
  __typename?: 'TrialsAvailable';
  /** How many are pending (at the time of the event). */
  pending: Scalars['Int']['output'];
  /** The study with pending trials. */
  study: Study;
};

/** A person who signs in to the dashboard. */
export type User = Node & {
  __typename?: 'User';
  /** When the account was created. */
  createdAt: Scalars['DateTime']['output'];
  /** E-mail address, used to sign in. */
  email: Scalars['String']['output'];
  /** Global id. */
  id: Scalars['ID']['output'];
  /** The teams this user belongs to, with their role in each. */
  memberships: Array<Membership>;
  /** Display name. */
  name: Scalars['String']['output'];
};

/** A business-rule error in a mutation's input: the field, what is wrong, and a stable code. */
export type UserError = {
  __typename?: 'UserError';
  /** A stable machine-readable code such as `INVALID`, `TAKEN`, `NOT_FOUND`, `STALE_LEASE`. */
  code: Scalars['String']['output'];
  /** Path of the input field at fault, e.g. `["input", "space", "lr", "low"]`; empty when no single field is. */
  field: Array<Scalars['String']['output']>;
  /** What is wrong, naming the rule and the value. */
  message: Scalars['String']['output'];
};

/** An objective range for filtering trials. */
export type ValueFilter = {
  /** Index of the objective (0 for the first). */
  index?: Scalars['Int']['input'];
  /** Highest value kept. */
  max?: InputMaybe<Scalars['Float']['input']>;
  /** Lowest value kept. */
  min?: InputMaybe<Scalars['Float']['input']>;
};

/** Who is asking: a signed-in user, or an API token. */
export type Viewer = {
  __typename?: 'Viewer';
  /** Pending invitations for the signed-in user's e-mail address, newest first (at most 50); empty for API tokens. */
  invitations: Array<Invitation>;
  /**
   * Studies of the caller's teams for the home page: running and paused ones first, then the most recently
   * created; `first` at most 50.
   */
  recentStudies: Array<Study>;
  /** Trials of the caller's teams that finished most recently (complete, pruned or failed), newest first; `first` at most 50. */
  recentTrials: Array<Trial>;
  /** Teams the caller can see. */
  teams: Array<Team>;
  /** The scope of the API token; null for a user session. */
  tokenScope: Maybe<ApiTokenScope>;
  /** The team an API token belongs to; null for a user session. */
  tokenTeam: Maybe<Team>;
  /** The signed-in user; null when the caller is an API token. */
  user: Maybe<User>;
};


/** Who is asking: a signed-in user, or an API token. */
export type ViewerRecentStudiesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Who is asking: a signed-in user, or an API token. */
export type ViewerRecentTrialsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;




/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  Node:
    | ( ApiTokenRow )
    | ( ProjectRow )
    | ( RunnerRow )
    | ( StudyRow )
    | ( TeamRow )
    | ( TrialRow )
    | ( UserRow )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ApiToken: ResolverTypeWrapper<ApiTokenRow>;
  ApiTokenCreateInput: ResolverTypeWrapper<Partial<ApiTokenCreateInput>>;
  ApiTokenCreatePayload: ResolverTypeWrapper<Partial<Omit<ApiTokenCreatePayload, 'apiToken'> & { apiToken?: Maybe<ResolversTypes['ApiToken']> }>>;
  ApiTokenRevokeInput: ResolverTypeWrapper<Partial<ApiTokenRevokeInput>>;
  ApiTokenRevokePayload: ResolverTypeWrapper<Partial<Omit<ApiTokenRevokePayload, 'apiToken'> & { apiToken?: Maybe<ResolversTypes['ApiToken']> }>>;
  ApiTokenScope: ResolverTypeWrapper<Partial<ApiTokenScope>>;
  Artifact: ResolverTypeWrapper<ArtifactRow>;
  ArtifactDeleteInput: ResolverTypeWrapper<Partial<ArtifactDeleteInput>>;
  ArtifactDeletePayload: ResolverTypeWrapper<Partial<ArtifactDeletePayload>>;
  ArtifactKind: ResolverTypeWrapper<Partial<ArtifactKind>>;
  ArtifactState: ResolverTypeWrapper<Partial<ArtifactState>>;
  ArtifactUpload: ResolverTypeWrapper<Partial<ArtifactUpload>>;
  ArtifactUploadBeginInput: ResolverTypeWrapper<Partial<ArtifactUploadBeginInput>>;
  ArtifactUploadBeginPayload: ResolverTypeWrapper<Partial<Omit<ArtifactUploadBeginPayload, 'artifact'> & { artifact?: Maybe<ResolversTypes['Artifact']> }>>;
  ArtifactUploadCompleteInput: ResolverTypeWrapper<Partial<ArtifactUploadCompleteInput>>;
  ArtifactUploadCompletePayload: ResolverTypeWrapper<Partial<Omit<ArtifactUploadCompletePayload, 'artifact'> & { artifact?: Maybe<ResolversTypes['Artifact']> }>>;
  AuthPayload: ResolverTypeWrapper<Partial<Omit<AuthPayload, 'user'> & { user?: Maybe<ResolversTypes['User']> }>>;
  BestSoFarPoint: ResolverTypeWrapper<Partial<BestSoFarPoint>>;
  Boolean: ResolverTypeWrapper<Partial<Scalars['Boolean']['output']>>;
  Budget: ResolverTypeWrapper<Partial<Budget>>;
  BudgetInput: ResolverTypeWrapper<Partial<BudgetInput>>;
  DateTime: ResolverTypeWrapper<Partial<Scalars['DateTime']['output']>>;
  Direction: ResolverTypeWrapper<Partial<Direction>>;
  EvaluationMetric: ResolverTypeWrapper<Partial<EvaluationMetric>>;
  EvaluationMetricInput: ResolverTypeWrapper<Partial<EvaluationMetricInput>>;
  Float: ResolverTypeWrapper<Partial<Scalars['Float']['output']>>;
  HttpHeader: ResolverTypeWrapper<Partial<HttpHeader>>;
  ID: ResolverTypeWrapper<Partial<Scalars['ID']['output']>>;
  Int: ResolverTypeWrapper<Partial<Scalars['Int']['output']>>;
  Invitation: ResolverTypeWrapper<InvitationRow>;
  InvitationAcceptInput: ResolverTypeWrapper<Partial<InvitationAcceptInput>>;
  InvitationAcceptPayload: ResolverTypeWrapper<Partial<Omit<InvitationAcceptPayload, 'membership'> & { membership?: Maybe<ResolversTypes['Membership']> }>>;
  InvitationCreateInput: ResolverTypeWrapper<Partial<InvitationCreateInput>>;
  InvitationCreatePayload: ResolverTypeWrapper<Partial<Omit<InvitationCreatePayload, 'invitation'> & { invitation?: Maybe<ResolversTypes['Invitation']> }>>;
  InvitationRevokeInput: ResolverTypeWrapper<Partial<InvitationRevokeInput>>;
  InvitationRevokePayload: ResolverTypeWrapper<Partial<Omit<InvitationRevokePayload, 'invitation'> & { invitation?: Maybe<ResolversTypes['Invitation']> }>>;
  JSON: ResolverTypeWrapper<Partial<Scalars['JSON']['output']>>;
  Membership: ResolverTypeWrapper<MembershipRow>;
  MembershipCreateInput: ResolverTypeWrapper<Partial<MembershipCreateInput>>;
  MembershipCreatePayload: ResolverTypeWrapper<Partial<Omit<MembershipCreatePayload, 'invitation' | 'membership'> & { invitation?: Maybe<ResolversTypes['Invitation']>, membership?: Maybe<ResolversTypes['Membership']> }>>;
  MembershipPayload: ResolverTypeWrapper<Partial<Omit<MembershipPayload, 'membership'> & { membership?: Maybe<ResolversTypes['Membership']> }>>;
  MembershipRemoveInput: ResolverTypeWrapper<Partial<MembershipRemoveInput>>;
  MembershipRole: ResolverTypeWrapper<Partial<MembershipRole>>;
  MembershipUpdateInput: ResolverTypeWrapper<Partial<MembershipUpdateInput>>;
  MetricColumnsInput: ResolverTypeWrapper<Partial<MetricColumnsInput>>;
  MetricPoint: ResolverTypeWrapper<Partial<MetricPoint>>;
  MetricPointInput: ResolverTypeWrapper<Partial<MetricPointInput>>;
  MetricRangeInput: ResolverTypeWrapper<Partial<MetricRangeInput>>;
  MetricSeries: ResolverTypeWrapper<Partial<MetricSeries>>;
  MetricValue: ResolverTypeWrapper<Partial<Scalars['MetricValue']['output']>>;
  ModelEvaluation: ResolverTypeWrapper<EvaluationRow>;
  ModelEvaluationClaimInput: ResolverTypeWrapper<Partial<ModelEvaluationClaimInput>>;
  ModelEvaluationClaimPayload: ResolverTypeWrapper<Partial<Omit<ModelEvaluationClaimPayload, 'leases'> & { leases: Array<ResolversTypes['ModelEvaluationLease']> }>>;
  ModelEvaluationFinishInput: ResolverTypeWrapper<Partial<ModelEvaluationFinishInput>>;
  ModelEvaluationFinishPayload: ResolverTypeWrapper<Partial<Omit<ModelEvaluationFinishPayload, 'evaluation'> & { evaluation?: Maybe<ResolversTypes['ModelEvaluation']> }>>;
  ModelEvaluationLease: ResolverTypeWrapper<EvaluationLeaseModel>;
  ModelEvaluationState: ResolverTypeWrapper<Partial<ModelEvaluationState>>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  Note: ResolverTypeWrapper<NoteModel>;
  Objective: ResolverTypeWrapper<Partial<Objective>>;
  ObjectiveInput: ResolverTypeWrapper<Partial<ObjectiveInput>>;
  ObjectiveMatchInput: ResolverTypeWrapper<Partial<ObjectiveMatchInput>>;
  OrderDirection: ResolverTypeWrapper<Partial<OrderDirection>>;
  PageInfo: ResolverTypeWrapper<Partial<PageInfo>>;
  ParamFilter: ResolverTypeWrapper<Partial<ParamFilter>>;
  ParameterImportance: ResolverTypeWrapper<Partial<ParameterImportance>>;
  Project: ResolverTypeWrapper<ProjectRow>;
  ProjectCreateInput: ResolverTypeWrapper<Partial<ProjectCreateInput>>;
  ProjectCreatePayload: ResolverTypeWrapper<Partial<Omit<ProjectCreatePayload, 'project'> & { project?: Maybe<ResolversTypes['Project']> }>>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RefinementPreview: ResolverTypeWrapper<Partial<Omit<RefinementPreview, 'bestTrial'> & { bestTrial?: Maybe<ResolversTypes['Trial']> }>>;
  Runner: ResolverTypeWrapper<RunnerRow>;
  RunnerKind: ResolverTypeWrapper<Partial<RunnerKind>>;
  RunnerRegisterInput: ResolverTypeWrapper<Partial<RunnerRegisterInput>>;
  RunnerRegisterPayload: ResolverTypeWrapper<Partial<Omit<RunnerRegisterPayload, 'runner'> & { runner?: Maybe<ResolversTypes['Runner']> }>>;
  SignInInput: ResolverTypeWrapper<Partial<SignInInput>>;
  SignOutPayload: ResolverTypeWrapper<Partial<SignOutPayload>>;
  SignUpInput: ResolverTypeWrapper<Partial<SignUpInput>>;
  SignUpPolicy: ResolverTypeWrapper<Partial<SignUpPolicy>>;
  String: ResolverTypeWrapper<Partial<Scalars['String']['output']>>;
  Study: ResolverTypeWrapper<StudyRow>;
  StudyCreateInput: ResolverTypeWrapper<Partial<StudyCreateInput>>;
  StudyEvent: ResolverTypeWrapper<StudyEventModel>;
  StudyEventKind: ResolverTypeWrapper<Partial<StudyEventKind>>;
  StudyIdInput: ResolverTypeWrapper<Partial<StudyIdInput>>;
  StudyImportOptunaInput: ResolverTypeWrapper<Partial<StudyImportOptunaInput>>;
  StudyImportOptunaPayload: ResolverTypeWrapper<Partial<Omit<StudyImportOptunaPayload, 'study'> & { study?: Maybe<ResolversTypes['Study']> }>>;
  StudyPayload: ResolverTypeWrapper<Partial<Omit<StudyPayload, 'study'> & { study?: Maybe<ResolversTypes['Study']> }>>;
  StudyRefineInput: ResolverTypeWrapper<Partial<StudyRefineInput>>;
  StudySearchConnection: ResolverTypeWrapper<Partial<Omit<StudySearchConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['StudySearchEdge']>, nodes: Array<ResolversTypes['Study']> }>>;
  StudySearchEdge: ResolverTypeWrapper<Partial<Omit<StudySearchEdge, 'node'> & { node: ResolversTypes['Study'] }>>;
  StudySearchFilter: ResolverTypeWrapper<Partial<StudySearchFilter>>;
  StudyStatus: ResolverTypeWrapper<Partial<StudyStatus>>;
  StudyUpdateInput: ResolverTypeWrapper<Partial<StudyUpdateInput>>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Team: ResolverTypeWrapper<TeamRow>;
  TeamCreateInput: ResolverTypeWrapper<Partial<TeamCreateInput>>;
  TeamCreatePayload: ResolverTypeWrapper<Partial<Omit<TeamCreatePayload, 'team'> & { team?: Maybe<ResolversTypes['Team']> }>>;
  Trial: ResolverTypeWrapper<TrialRow>;
  TrialAttempt: ResolverTypeWrapper<TrialAttemptRow>;
  TrialAttemptOutcome: ResolverTypeWrapper<Partial<TrialAttemptOutcome>>;
  TrialClaimInput: ResolverTypeWrapper<Partial<TrialClaimInput>>;
  TrialClaimPayload: ResolverTypeWrapper<Partial<Omit<TrialClaimPayload, 'leases'> & { leases: Array<ResolversTypes['TrialLease']> }>>;
  TrialColumns: ResolverTypeWrapper<Partial<TrialColumns>>;
  TrialCompleteInput: ResolverTypeWrapper<Partial<TrialCompleteInput>>;
  TrialConnection: ResolverTypeWrapper<Partial<Omit<TrialConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['TrialEdge']>, nodes: Array<ResolversTypes['Trial']> }>>;
  TrialCounts: ResolverTypeWrapper<Partial<TrialCounts>>;
  TrialEdge: ResolverTypeWrapper<Partial<Omit<TrialEdge, 'node'> & { node: ResolversTypes['Trial'] }>>;
  TrialEnqueueInput: ResolverTypeWrapper<Partial<TrialEnqueueInput>>;
  TrialEvaluateInput: ResolverTypeWrapper<Partial<TrialEvaluateInput>>;
  TrialEvaluatePayload: ResolverTypeWrapper<Partial<Omit<TrialEvaluatePayload, 'evaluation'> & { evaluation?: Maybe<ResolversTypes['ModelEvaluation']> }>>;
  TrialExportPage: ResolverTypeWrapper<Partial<TrialExportPage>>;
  TrialFailInput: ResolverTypeWrapper<Partial<TrialFailInput>>;
  TrialFilter: ResolverTypeWrapper<Partial<TrialFilter>>;
  TrialLease: ResolverTypeWrapper<TrialLeaseModel>;
  TrialLog: ResolverTypeWrapper<TrialLogModel>;
  TrialLogAppendInput: ResolverTypeWrapper<Partial<TrialLogAppendInput>>;
  TrialLogAppendPayload: ResolverTypeWrapper<Partial<TrialLogAppendPayload>>;
  TrialLogLine: ResolverTypeWrapper<Partial<TrialLogLine>>;
  TrialLogLineInput: ResolverTypeWrapper<Partial<TrialLogLineInput>>;
  TrialLogStream: ResolverTypeWrapper<Partial<TrialLogStream>>;
  TrialOrder: ResolverTypeWrapper<Partial<TrialOrder>>;
  TrialOrderField: ResolverTypeWrapper<Partial<TrialOrderField>>;
  TrialOrigin: ResolverTypeWrapper<Partial<TrialOrigin>>;
  TrialPayload: ResolverTypeWrapper<Partial<Omit<TrialPayload, 'trial'> & { trial?: Maybe<ResolversTypes['Trial']> }>>;
  TrialPruneInput: ResolverTypeWrapper<Partial<TrialPruneInput>>;
  TrialReleaseInput: ResolverTypeWrapper<Partial<TrialReleaseInput>>;
  TrialReportInput: ResolverTypeWrapper<Partial<TrialReportInput>>;
  TrialReportPayload: ResolverTypeWrapper<Partial<TrialReportPayload>>;
  TrialSearchConnection: ResolverTypeWrapper<Partial<Omit<TrialSearchConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['TrialEdge']>, nodes: Array<ResolversTypes['Trial']> }>>;
  TrialSearchFilter: ResolverTypeWrapper<Partial<TrialSearchFilter>>;
  TrialState: ResolverTypeWrapper<Partial<TrialState>>;
  TrialUpdateInput: ResolverTypeWrapper<Partial<TrialUpdateInput>>;
  TrialsAvailable: ResolverTypeWrapper<TrialsAvailableModel>;
  User: ResolverTypeWrapper<UserRow>;
  UserError: ResolverTypeWrapper<Partial<UserError>>;
  ValueFilter: ResolverTypeWrapper<Partial<ValueFilter>>;
  Viewer: ResolverTypeWrapper<ViewerModel>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  ApiToken: ApiTokenRow;
  ApiTokenCreateInput: Partial<ApiTokenCreateInput>;
  ApiTokenCreatePayload: Partial<Omit<ApiTokenCreatePayload, 'apiToken'> & { apiToken?: Maybe<ResolversParentTypes['ApiToken']> }>;
  ApiTokenRevokeInput: Partial<ApiTokenRevokeInput>;
  ApiTokenRevokePayload: Partial<Omit<ApiTokenRevokePayload, 'apiToken'> & { apiToken?: Maybe<ResolversParentTypes['ApiToken']> }>;
  Artifact: ArtifactRow;
  ArtifactDeleteInput: Partial<ArtifactDeleteInput>;
  ArtifactDeletePayload: Partial<ArtifactDeletePayload>;
  ArtifactUpload: Partial<ArtifactUpload>;
  ArtifactUploadBeginInput: Partial<ArtifactUploadBeginInput>;
  ArtifactUploadBeginPayload: Partial<Omit<ArtifactUploadBeginPayload, 'artifact'> & { artifact?: Maybe<ResolversParentTypes['Artifact']> }>;
  ArtifactUploadCompleteInput: Partial<ArtifactUploadCompleteInput>;
  ArtifactUploadCompletePayload: Partial<Omit<ArtifactUploadCompletePayload, 'artifact'> & { artifact?: Maybe<ResolversParentTypes['Artifact']> }>;
  AuthPayload: Partial<Omit<AuthPayload, 'user'> & { user?: Maybe<ResolversParentTypes['User']> }>;
  BestSoFarPoint: Partial<BestSoFarPoint>;
  Boolean: Partial<Scalars['Boolean']['output']>;
  Budget: Partial<Budget>;
  BudgetInput: Partial<BudgetInput>;
  DateTime: Partial<Scalars['DateTime']['output']>;
  EvaluationMetric: Partial<EvaluationMetric>;
  EvaluationMetricInput: Partial<EvaluationMetricInput>;
  Float: Partial<Scalars['Float']['output']>;
  HttpHeader: Partial<HttpHeader>;
  ID: Partial<Scalars['ID']['output']>;
  Int: Partial<Scalars['Int']['output']>;
  Invitation: InvitationRow;
  InvitationAcceptInput: Partial<InvitationAcceptInput>;
  InvitationAcceptPayload: Partial<Omit<InvitationAcceptPayload, 'membership'> & { membership?: Maybe<ResolversParentTypes['Membership']> }>;
  InvitationCreateInput: Partial<InvitationCreateInput>;
  InvitationCreatePayload: Partial<Omit<InvitationCreatePayload, 'invitation'> & { invitation?: Maybe<ResolversParentTypes['Invitation']> }>;
  InvitationRevokeInput: Partial<InvitationRevokeInput>;
  InvitationRevokePayload: Partial<Omit<InvitationRevokePayload, 'invitation'> & { invitation?: Maybe<ResolversParentTypes['Invitation']> }>;
  JSON: Partial<Scalars['JSON']['output']>;
  Membership: MembershipRow;
  MembershipCreateInput: Partial<MembershipCreateInput>;
  MembershipCreatePayload: Partial<Omit<MembershipCreatePayload, 'invitation' | 'membership'> & { invitation?: Maybe<ResolversParentTypes['Invitation']>, membership?: Maybe<ResolversParentTypes['Membership']> }>;
  MembershipPayload: Partial<Omit<MembershipPayload, 'membership'> & { membership?: Maybe<ResolversParentTypes['Membership']> }>;
  MembershipRemoveInput: Partial<MembershipRemoveInput>;
  MembershipUpdateInput: Partial<MembershipUpdateInput>;
  MetricColumnsInput: Partial<MetricColumnsInput>;
  MetricPoint: Partial<MetricPoint>;
  MetricPointInput: Partial<MetricPointInput>;
  MetricRangeInput: Partial<MetricRangeInput>;
  MetricSeries: Partial<MetricSeries>;
  MetricValue: Partial<Scalars['MetricValue']['output']>;
  ModelEvaluation: EvaluationRow;
  ModelEvaluationClaimInput: Partial<ModelEvaluationClaimInput>;
  ModelEvaluationClaimPayload: Partial<Omit<ModelEvaluationClaimPayload, 'leases'> & { leases: Array<ResolversParentTypes['ModelEvaluationLease']> }>;
  ModelEvaluationFinishInput: Partial<ModelEvaluationFinishInput>;
  ModelEvaluationFinishPayload: Partial<Omit<ModelEvaluationFinishPayload, 'evaluation'> & { evaluation?: Maybe<ResolversParentTypes['ModelEvaluation']> }>;
  ModelEvaluationLease: EvaluationLeaseModel;
  Mutation: Record<PropertyKey, never>;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  Note: NoteModel;
  Objective: Partial<Objective>;
  ObjectiveInput: Partial<ObjectiveInput>;
  ObjectiveMatchInput: Partial<ObjectiveMatchInput>;
  PageInfo: Partial<PageInfo>;
  ParamFilter: Partial<ParamFilter>;
  ParameterImportance: Partial<ParameterImportance>;
  Project: ProjectRow;
  ProjectCreateInput: Partial<ProjectCreateInput>;
  ProjectCreatePayload: Partial<Omit<ProjectCreatePayload, 'project'> & { project?: Maybe<ResolversParentTypes['Project']> }>;
  Query: Record<PropertyKey, never>;
  RefinementPreview: Partial<Omit<RefinementPreview, 'bestTrial'> & { bestTrial?: Maybe<ResolversParentTypes['Trial']> }>;
  Runner: RunnerRow;
  RunnerRegisterInput: Partial<RunnerRegisterInput>;
  RunnerRegisterPayload: Partial<Omit<RunnerRegisterPayload, 'runner'> & { runner?: Maybe<ResolversParentTypes['Runner']> }>;
  SignInInput: Partial<SignInInput>;
  SignOutPayload: Partial<SignOutPayload>;
  SignUpInput: Partial<SignUpInput>;
  String: Partial<Scalars['String']['output']>;
  Study: StudyRow;
  StudyCreateInput: Partial<StudyCreateInput>;
  StudyEvent: StudyEventModel;
  StudyIdInput: Partial<StudyIdInput>;
  StudyImportOptunaInput: Partial<StudyImportOptunaInput>;
  StudyImportOptunaPayload: Partial<Omit<StudyImportOptunaPayload, 'study'> & { study?: Maybe<ResolversParentTypes['Study']> }>;
  StudyPayload: Partial<Omit<StudyPayload, 'study'> & { study?: Maybe<ResolversParentTypes['Study']> }>;
  StudyRefineInput: Partial<StudyRefineInput>;
  StudySearchConnection: Partial<Omit<StudySearchConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['StudySearchEdge']>, nodes: Array<ResolversParentTypes['Study']> }>;
  StudySearchEdge: Partial<Omit<StudySearchEdge, 'node'> & { node: ResolversParentTypes['Study'] }>;
  StudySearchFilter: Partial<StudySearchFilter>;
  StudyUpdateInput: Partial<StudyUpdateInput>;
  Subscription: Record<PropertyKey, never>;
  Team: TeamRow;
  TeamCreateInput: Partial<TeamCreateInput>;
  TeamCreatePayload: Partial<Omit<TeamCreatePayload, 'team'> & { team?: Maybe<ResolversParentTypes['Team']> }>;
  Trial: TrialRow;
  TrialAttempt: TrialAttemptRow;
  TrialClaimInput: Partial<TrialClaimInput>;
  TrialClaimPayload: Partial<Omit<TrialClaimPayload, 'leases'> & { leases: Array<ResolversParentTypes['TrialLease']> }>;
  TrialColumns: Partial<TrialColumns>;
  TrialCompleteInput: Partial<TrialCompleteInput>;
  TrialConnection: Partial<Omit<TrialConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['TrialEdge']>, nodes: Array<ResolversParentTypes['Trial']> }>;
  TrialCounts: Partial<TrialCounts>;
  TrialEdge: Partial<Omit<TrialEdge, 'node'> & { node: ResolversParentTypes['Trial'] }>;
  TrialEnqueueInput: Partial<TrialEnqueueInput>;
  TrialEvaluateInput: Partial<TrialEvaluateInput>;
  TrialEvaluatePayload: Partial<Omit<TrialEvaluatePayload, 'evaluation'> & { evaluation?: Maybe<ResolversParentTypes['ModelEvaluation']> }>;
  TrialExportPage: Partial<TrialExportPage>;
  TrialFailInput: Partial<TrialFailInput>;
  TrialFilter: Partial<TrialFilter>;
  TrialLease: TrialLeaseModel;
  TrialLog: TrialLogModel;
  TrialLogAppendInput: Partial<TrialLogAppendInput>;
  TrialLogAppendPayload: Partial<TrialLogAppendPayload>;
  TrialLogLine: Partial<TrialLogLine>;
  TrialLogLineInput: Partial<TrialLogLineInput>;
  TrialOrder: Partial<TrialOrder>;
  TrialPayload: Partial<Omit<TrialPayload, 'trial'> & { trial?: Maybe<ResolversParentTypes['Trial']> }>;
  TrialPruneInput: Partial<TrialPruneInput>;
  TrialReleaseInput: Partial<TrialReleaseInput>;
  TrialReportInput: Partial<TrialReportInput>;
  TrialReportPayload: Partial<TrialReportPayload>;
  TrialSearchConnection: Partial<Omit<TrialSearchConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['TrialEdge']>, nodes: Array<ResolversParentTypes['Trial']> }>;
  TrialSearchFilter: Partial<TrialSearchFilter>;
  TrialUpdateInput: Partial<TrialUpdateInput>;
  TrialsAvailable: TrialsAvailableModel;
  User: UserRow;
  UserError: Partial<UserError>;
  ValueFilter: Partial<ValueFilter>;
  Viewer: ViewerModel;
};

export type ApiTokenResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApiToken'] = ResolversParentTypes['ApiToken']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  scope?: Resolver<ResolversTypes['ApiTokenScope'], ParentType, ContextType>;
  team?: Resolver<ResolversTypes['Team'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ApiTokenCreatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApiTokenCreatePayload'] = ResolversParentTypes['ApiTokenCreatePayload']> = {
  apiToken?: Resolver<Maybe<ResolversTypes['ApiToken']>, ParentType, ContextType>;
  secret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ApiTokenRevokePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApiTokenRevokePayload'] = ResolversParentTypes['ApiTokenRevokePayload']> = {
  apiToken?: Resolver<Maybe<ResolversTypes['ApiToken']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ArtifactResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Artifact'] = ResolversParentTypes['Artifact']> = {
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  contentType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  downloadUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ArtifactKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ArtifactState'], ParentType, ContextType>;
  trial?: Resolver<ResolversTypes['Trial'], ParentType, ContextType>;
};

export type ArtifactDeletePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ArtifactDeletePayload'] = ResolversParentTypes['ArtifactDeletePayload']> = {
  deletedId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ArtifactUploadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ArtifactUpload'] = ResolversParentTypes['ArtifactUpload']> = {
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  headers?: Resolver<Array<ResolversTypes['HttpHeader']>, ParentType, ContextType>;
  method?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ArtifactUploadBeginPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ArtifactUploadBeginPayload'] = ResolversParentTypes['ArtifactUploadBeginPayload']> = {
  artifact?: Resolver<Maybe<ResolversTypes['Artifact']>, ParentType, ContextType>;
  upload?: Resolver<Maybe<ResolversTypes['ArtifactUpload']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ArtifactUploadCompletePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ArtifactUploadCompletePayload'] = ResolversParentTypes['ArtifactUploadCompletePayload']> = {
  artifact?: Resolver<Maybe<ResolversTypes['Artifact']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type AuthPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuthPayload'] = ResolversParentTypes['AuthPayload']> = {
  retryAfterSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type BestSoFarPointResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BestSoFarPoint'] = ResolversParentTypes['BestSoFarPoint']> = {
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  trialNumber?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['MetricValue'], ParentType, ContextType>;
};

export type BudgetResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Budget'] = ResolversParentTypes['Budget']> = {
  maxFailures?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  maxParallel?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  maxTrials?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EvaluationMetricResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EvaluationMetric'] = ResolversParentTypes['EvaluationMetric']> = {
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['MetricValue'], ParentType, ContextType>;
};

export type HttpHeaderResolvers<ContextType = Context, ParentType extends ResolversParentTypes['HttpHeader'] = ResolversParentTypes['HttpHeader']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type InvitationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Invitation'] = ResolversParentTypes['Invitation']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invitedByName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['MembershipRole'], ParentType, ContextType>;
  teamName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type InvitationAcceptPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvitationAcceptPayload'] = ResolversParentTypes['InvitationAcceptPayload']> = {
  membership?: Resolver<Maybe<ResolversTypes['Membership']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type InvitationCreatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvitationCreatePayload'] = ResolversParentTypes['InvitationCreatePayload']> = {
  invitation?: Resolver<Maybe<ResolversTypes['Invitation']>, ParentType, ContextType>;
  link?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type InvitationRevokePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvitationRevokePayload'] = ResolversParentTypes['InvitationRevokePayload']> = {
  invitation?: Resolver<Maybe<ResolversTypes['Invitation']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MembershipResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Membership'] = ResolversParentTypes['Membership']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['MembershipRole'], ParentType, ContextType>;
  team?: Resolver<ResolversTypes['Team'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type MembershipCreatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MembershipCreatePayload'] = ResolversParentTypes['MembershipCreatePayload']> = {
  invitation?: Resolver<Maybe<ResolversTypes['Invitation']>, ParentType, ContextType>;
  link?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  membership?: Resolver<Maybe<ResolversTypes['Membership']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type MembershipPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MembershipPayload'] = ResolversParentTypes['MembershipPayload']> = {
  membership?: Resolver<Maybe<ResolversTypes['Membership']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type MetricPointResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MetricPoint'] = ResolversParentTypes['MetricPoint']> = {
  step?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['MetricValue'], ParentType, ContextType>;
};

export type MetricSeriesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MetricSeries'] = ResolversParentTypes['MetricSeries']> = {
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  points?: Resolver<Array<ResolversTypes['MetricPoint']>, ParentType, ContextType>;
};

export interface MetricValueScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['MetricValue'], any> {
  name: 'MetricValue';
}

export type ModelEvaluationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ModelEvaluation'] = ResolversParentTypes['ModelEvaluation']> = {
  attempt?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  metrics?: Resolver<Array<ResolversTypes['EvaluationMetric']>, ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ModelEvaluationState'], ParentType, ContextType>;
  trial?: Resolver<ResolversTypes['Trial'], ParentType, ContextType>;
};

export type ModelEvaluationClaimPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ModelEvaluationClaimPayload'] = ResolversParentTypes['ModelEvaluationClaimPayload']> = {
  leases?: Resolver<Array<ResolversTypes['ModelEvaluationLease']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ModelEvaluationFinishPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ModelEvaluationFinishPayload'] = ResolversParentTypes['ModelEvaluationFinishPayload']> = {
  evaluation?: Resolver<Maybe<ResolversTypes['ModelEvaluation']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ModelEvaluationLeaseResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ModelEvaluationLease'] = ResolversParentTypes['ModelEvaluationLease']> = {
  evaluation?: Resolver<ResolversTypes['ModelEvaluation'], ParentType, ContextType>;
  leaseExpiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  leaseToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  apiTokenCreate?: Resolver<ResolversTypes['ApiTokenCreatePayload'], ParentType, ContextType, RequireFields<MutationApiTokenCreateArgs, 'input'>>;
  apiTokenRevoke?: Resolver<ResolversTypes['ApiTokenRevokePayload'], ParentType, ContextType, RequireFields<MutationApiTokenRevokeArgs, 'input'>>;
  artifactDelete?: Resolver<ResolversTypes['ArtifactDeletePayload'], ParentType, ContextType, RequireFields<MutationArtifactDeleteArgs, 'input'>>;
  artifactUploadBegin?: Resolver<ResolversTypes['ArtifactUploadBeginPayload'], ParentType, ContextType, RequireFields<MutationArtifactUploadBeginArgs, 'input'>>;
  artifactUploadComplete?: Resolver<ResolversTypes['ArtifactUploadCompletePayload'], ParentType, ContextType, RequireFields<MutationArtifactUploadCompleteArgs, 'input'>>;
  invitationAccept?: Resolver<ResolversTypes['InvitationAcceptPayload'], ParentType, ContextType, RequireFields<MutationInvitationAcceptArgs, 'input'>>;
  invitationCreate?: Resolver<ResolversTypes['InvitationCreatePayload'], ParentType, ContextType, RequireFields<MutationInvitationCreateArgs, 'input'>>;
  invitationRevoke?: Resolver<ResolversTypes['InvitationRevokePayload'], ParentType, ContextType, RequireFields<MutationInvitationRevokeArgs, 'input'>>;
  membershipCreate?: Resolver<ResolversTypes['MembershipCreatePayload'], ParentType, ContextType, RequireFields<MutationMembershipCreateArgs, 'input'>>;
  membershipRemove?: Resolver<ResolversTypes['MembershipPayload'], ParentType, ContextType, RequireFields<MutationMembershipRemoveArgs, 'input'>>;
  membershipUpdate?: Resolver<ResolversTypes['MembershipPayload'], ParentType, ContextType, RequireFields<MutationMembershipUpdateArgs, 'input'>>;
  modelEvaluationClaim?: Resolver<ResolversTypes['ModelEvaluationClaimPayload'], ParentType, ContextType, RequireFields<MutationModelEvaluationClaimArgs, 'input'>>;
  modelEvaluationFinish?: Resolver<ResolversTypes['ModelEvaluationFinishPayload'], ParentType, ContextType, RequireFields<MutationModelEvaluationFinishArgs, 'input'>>;
  projectCreate?: Resolver<ResolversTypes['ProjectCreatePayload'], ParentType, ContextType, RequireFields<MutationProjectCreateArgs, 'input'>>;
  runnerRegister?: Resolver<ResolversTypes['RunnerRegisterPayload'], ParentType, ContextType, RequireFields<MutationRunnerRegisterArgs, 'input'>>;
  signIn?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationSignInArgs, 'input'>>;
  signOut?: Resolver<ResolversTypes['SignOutPayload'], ParentType, ContextType>;
  signUp?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationSignUpArgs, 'input'>>;
  studyCreate?: Resolver<ResolversTypes['StudyPayload'], ParentType, ContextType, RequireFields<MutationStudyCreateArgs, 'input'>>;
  studyImportOptuna?: Resolver<ResolversTypes['StudyImportOptunaPayload'], ParentType, ContextType, RequireFields<MutationStudyImportOptunaArgs, 'input'>>;
  studyPause?: Resolver<ResolversTypes['StudyPayload'], ParentType, ContextType, RequireFields<MutationStudyPauseArgs, 'input'>>;
  studyRefine?: Resolver<ResolversTypes['StudyPayload'], ParentType, ContextType, RequireFields<MutationStudyRefineArgs, 'input'>>;
  studyResume?: Resolver<ResolversTypes['StudyPayload'], ParentType, ContextType, RequireFields<MutationStudyResumeArgs, 'input'>>;
  studyStop?: Resolver<ResolversTypes['StudyPayload'], ParentType, ContextType, RequireFields<MutationStudyStopArgs, 'input'>>;
  studyUpdate?: Resolver<ResolversTypes['StudyPayload'], ParentType, ContextType, RequireFields<MutationStudyUpdateArgs, 'input'>>;
  teamCreate?: Resolver<ResolversTypes['TeamCreatePayload'], ParentType, ContextType, RequireFields<MutationTeamCreateArgs, 'input'>>;
  trialClaim?: Resolver<ResolversTypes['TrialClaimPayload'], ParentType, ContextType, RequireFields<MutationTrialClaimArgs, 'input'>>;
  trialComplete?: Resolver<ResolversTypes['TrialPayload'], ParentType, ContextType, RequireFields<MutationTrialCompleteArgs, 'input'>>;
  trialEnqueue?: Resolver<ResolversTypes['TrialPayload'], ParentType, ContextType, RequireFields<MutationTrialEnqueueArgs, 'input'>>;
  trialEvaluate?: Resolver<ResolversTypes['TrialEvaluatePayload'], ParentType, ContextType, RequireFields<MutationTrialEvaluateArgs, 'input'>>;
  trialFail?: Resolver<ResolversTypes['TrialPayload'], ParentType, ContextType, RequireFields<MutationTrialFailArgs, 'input'>>;
  trialLogAppend?: Resolver<ResolversTypes['TrialLogAppendPayload'], ParentType, ContextType, RequireFields<MutationTrialLogAppendArgs, 'input'>>;
  trialPrune?: Resolver<ResolversTypes['TrialPayload'], ParentType, ContextType, RequireFields<MutationTrialPruneArgs, 'input'>>;
  trialRelease?: Resolver<ResolversTypes['TrialPayload'], ParentType, ContextType, RequireFields<MutationTrialReleaseArgs, 'input'>>;
  trialReport?: Resolver<ResolversTypes['TrialReportPayload'], ParentType, ContextType, RequireFields<MutationTrialReportArgs, 'input'>>;
  trialUpdate?: Resolver<ResolversTypes['TrialPayload'], ParentType, ContextType, RequireFields<MutationTrialUpdateArgs, 'input'>>;
};

export type NodeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = {
  __resolveType: TypeResolveFn<'ApiToken' | 'Project' | 'Runner' | 'Study' | 'Team' | 'Trial' | 'User', ParentType, ContextType>;
};

export type NoteResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Note'] = ResolversParentTypes['Note']> = {
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  updatedBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
};

export type ObjectiveResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Objective'] = ResolversParentTypes['Objective']> = {
  direction?: Resolver<ResolversTypes['Direction'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ParameterImportanceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ParameterImportance'] = ResolversParentTypes['ParameterImportance']> = {
  importance?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ProjectResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  studies?: Resolver<Array<ResolversTypes['Study']>, ParentType, ContextType, RequireFields<ProjectStudiesArgs, 'first'>>;
  studyCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  team?: Resolver<ResolversTypes['Team'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ProjectCreatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProjectCreatePayload'] = ResolversParentTypes['ProjectCreatePayload']> = {
  project?: Resolver<Maybe<ResolversTypes['Project']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  compareStudies?: Resolver<Array<ResolversTypes['Study']>, ParentType, ContextType, RequireFields<QueryCompareStudiesArgs, 'ids'>>;
  compareTrials?: Resolver<Array<ResolversTypes['Trial']>, ParentType, ContextType, RequireFields<QueryCompareTrialsArgs, 'ids'>>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  nodes?: Resolver<Array<Maybe<ResolversTypes['Node']>>, ParentType, ContextType, RequireFields<QueryNodesArgs, 'ids'>>;
  runner?: Resolver<Maybe<ResolversTypes['Runner']>, ParentType, ContextType, RequireFields<QueryRunnerArgs, 'id'>>;
  searchStudies?: Resolver<ResolversTypes['StudySearchConnection'], ParentType, ContextType, RequireFields<QuerySearchStudiesArgs, 'first' | 'teamId'>>;
  searchTrials?: Resolver<ResolversTypes['TrialSearchConnection'], ParentType, ContextType, RequireFields<QuerySearchTrialsArgs, 'first' | 'teamId'>>;
  signUpPolicy?: Resolver<ResolversTypes['SignUpPolicy'], ParentType, ContextType>;
  study?: Resolver<Maybe<ResolversTypes['Study']>, ParentType, ContextType, RequireFields<QueryStudyArgs, 'id'>>;
  trial?: Resolver<Maybe<ResolversTypes['Trial']>, ParentType, ContextType, RequireFields<QueryTrialArgs, 'id'>>;
  viewer?: Resolver<Maybe<ResolversTypes['Viewer']>, ParentType, ContextType>;
};

export type RefinementPreviewResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RefinementPreview'] = ResolversParentTypes['RefinementPreview']> = {
  bestTrial?: Resolver<Maybe<ResolversTypes['Trial']>, ParentType, ContextType>;
  bestValue?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  completeCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  insideCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ranges?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  space?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type RunnerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Runner'] = ResolversParentTypes['Runner']> = {
  acceptsCommands?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  allowedPrograms?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  capabilities?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  host?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['RunnerKind'], ParentType, ContextType>;
  lastHeartbeatAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lastSeenAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  online?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  runningTrials?: Resolver<Array<ResolversTypes['Trial']>, ParentType, ContextType, RequireFields<RunnerRunningTrialsArgs, 'first'>>;
  team?: Resolver<ResolversTypes['Team'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RunnerRegisterPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RunnerRegisterPayload'] = ResolversParentTypes['RunnerRegisterPayload']> = {
  runner?: Resolver<Maybe<ResolversTypes['Runner']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type SignOutPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SignOutPayload'] = ResolversParentTypes['SignOutPayload']> = {
  signedOut?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type StudyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Study'] = ResolversParentTypes['Study']> = {
  bestSoFar?: Resolver<Array<ResolversTypes['BestSoFarPoint']>, ParentType, ContextType, RequireFields<StudyBestSoFarArgs, 'maxPoints'>>;
  bestTrial?: Resolver<Maybe<ResolversTypes['Trial']>, ParentType, ContextType>;
  bestTrials?: Resolver<Array<ResolversTypes['Trial']>, ParentType, ContextType, RequireFields<StudyBestTrialsArgs, 'first'>>;
  budget?: Resolver<ResolversTypes['Budget'], ParentType, ContextType>;
  children?: Resolver<Array<ResolversTypes['Study']>, ParentType, ContextType, RequireFields<StudyChildrenArgs, 'first'>>;
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  counts?: Resolver<ResolversTypes['TrialCounts'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdByName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  eventSeq?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  exportJsonl?: Resolver<ResolversTypes['TrialExportPage'], ParentType, ContextType, RequireFields<StudyExportJsonlArgs, 'first'>>;
  failureReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  keepModels?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  note?: Resolver<ResolversTypes['Note'], ParentType, ContextType>;
  objective?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  objectiveValues?: Resolver<Array<ResolversTypes['Float']>, ParentType, ContextType, RequireFields<StudyObjectiveValuesArgs, 'maxPoints' | 'objectiveIndex'>>;
  objectives?: Resolver<Array<ResolversTypes['Objective']>, ParentType, ContextType>;
  parameterImportance?: Resolver<Array<ResolversTypes['ParameterImportance']>, ParentType, ContextType, RequireFields<StudyParameterImportanceArgs, 'objectiveIndex'>>;
  parent?: Resolver<Maybe<ResolversTypes['Study']>, ParentType, ContextType>;
  progress?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
  pruner?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  refinement?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  refinementPreview?: Resolver<ResolversTypes['RefinementPreview'], ParentType, ContextType, Partial<StudyRefinementPreviewArgs>>;
  sampler?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  space?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['StudyStatus'], ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  trialColumns?: Resolver<ResolversTypes['TrialColumns'], ParentType, ContextType, RequireFields<StudyTrialColumnsArgs, 'from' | 'to'>>;
  trials?: Resolver<ResolversTypes['TrialConnection'], ParentType, ContextType, RequireFields<StudyTrialsArgs, 'first'>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type StudyEventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StudyEvent'] = ResolversParentTypes['StudyEvent']> = {
  kind?: Resolver<ResolversTypes['StudyEventKind'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  study?: Resolver<ResolversTypes['Study'], ParentType, ContextType>;
  trial?: Resolver<Maybe<ResolversTypes['Trial']>, ParentType, ContextType>;
};

export type StudyImportOptunaPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StudyImportOptunaPayload'] = ResolversParentTypes['StudyImportOptunaPayload']> = {
  created?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  study?: Resolver<Maybe<ResolversTypes['Study']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type StudyPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StudyPayload'] = ResolversParentTypes['StudyPayload']> = {
  study?: Resolver<Maybe<ResolversTypes['Study']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type StudySearchConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StudySearchConnection'] = ResolversParentTypes['StudySearchConnection']> = {
  edges?: Resolver<Array<ResolversTypes['StudySearchEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Study']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalCountIsExact?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type StudySearchEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StudySearchEdge'] = ResolversParentTypes['StudySearchEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Study'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  studyEvents?: SubscriptionResolver<ResolversTypes['StudyEvent'], "studyEvents", ParentType, ContextType, RequireFields<SubscriptionStudyEventsArgs, 'studyId'>>;
  trialsAvailable?: SubscriptionResolver<ResolversTypes['TrialsAvailable'], "trialsAvailable", ParentType, ContextType>;
};

export type TeamResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Team'] = ResolversParentTypes['Team']> = {
  apiTokens?: Resolver<Array<ResolversTypes['ApiToken']>, ParentType, ContextType, RequireFields<TeamApiTokensArgs, 'first'>>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invitations?: Resolver<Array<ResolversTypes['Invitation']>, ParentType, ContextType>;
  memberships?: Resolver<Array<ResolversTypes['Membership']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  projects?: Resolver<Array<ResolversTypes['Project']>, ParentType, ContextType, RequireFields<TeamProjectsArgs, 'first'>>;
  runners?: Resolver<Array<ResolversTypes['Runner']>, ParentType, ContextType, RequireFields<TeamRunnersArgs, 'first'>>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  viewerRole?: Resolver<Maybe<ResolversTypes['MembershipRole']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type TeamCreatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TeamCreatePayload'] = ResolversParentTypes['TeamCreatePayload']> = {
  team?: Resolver<Maybe<ResolversTypes['Team']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type TrialResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Trial'] = ResolversParentTypes['Trial']> = {
  artifacts?: Resolver<Array<ResolversTypes['Artifact']>, ParentType, ContextType, RequireFields<TrialArtifactsArgs, 'first'>>;
  attempt?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  attempts?: Resolver<Array<ResolversTypes['TrialAttempt']>, ParentType, ContextType>;
  constraints?: Resolver<Maybe<Array<ResolversTypes['MetricValue']>>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  durationSeconds?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  evaluation?: Resolver<Maybe<ResolversTypes['ModelEvaluation']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  log?: Resolver<ResolversTypes['TrialLog'], ParentType, ContextType>;
  metricKeys?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  metrics?: Resolver<Array<ResolversTypes['MetricSeries']>, ParentType, ContextType, RequireFields<TrialMetricsArgs, 'maxPoints'>>;
  note?: Resolver<ResolversTypes['Note'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  origin?: Resolver<ResolversTypes['TrialOrigin'], ParentType, ContextType>;
  params?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  runner?: Resolver<Maybe<ResolversTypes['Runner']>, ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['Trial']>, ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['TrialState'], ParentType, ContextType>;
  study?: Resolver<ResolversTypes['Study'], ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  values?: Resolver<Maybe<Array<ResolversTypes['MetricValue']>>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type TrialAttemptResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrialAttempt'] = ResolversParentTypes['TrialAttempt']> = {
  attempt?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['TrialAttemptOutcome'], ParentType, ContextType>;
  runner?: Resolver<Maybe<ResolversTypes['Runner']>, ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type TrialClaimPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrialClaimPayload'] = ResolversParentTypes['TrialClaimPayload']> = {
  leases?: Resolver<Array<ResolversTypes['TrialLease']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type TrialColumnsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrialColumns'] = ResolversParentTypes['TrialColumns']> = {
  attempts?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
  durations?: Resolver<Array<Maybe<ResolversTypes['Float']>>, ParentType, ContextType>;
  ids?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  next?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  numbers?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
  params?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  states?: Resolver<Array<ResolversTypes['TrialState']>, ParentType, ContextType>;
  values?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
};

export type TrialConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrialConnection'] = ResolversParentTypes['TrialConnection']> = {
  edges?: Resolver<Array<ResolversTypes['TrialEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Trial']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TrialCountsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrialCounts'] = ResolversParentTypes['TrialCounts']> = {
  cancelled?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  complete?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fail?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pending?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pruned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  running?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TrialEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrialEdge'] = ResolversParentTypes['TrialEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Trial'], ParentType, ContextType>;
};

export type TrialEvaluatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrialEvaluatePayload'] = ResolversParentTypes['TrialEvaluatePayload']> = {
  evaluation?: Resolver<Maybe<ResolversTypes['ModelEvaluation']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type TrialExportPageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrialExportPage'] = ResolversParentTypes['TrialExportPage']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type TrialLeaseResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrialLease'] = ResolversParentTypes['TrialLease']> = {
  leaseExpiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  leaseToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  trial?: Resolver<ResolversTypes['Trial'], ParentType, ContextType>;
};

export type TrialLogResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrialLog'] = ResolversParentTypes['TrialLog']> = {
  bytes?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  endOffset?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['TrialLogLine']>, ParentType, ContextType, RequireFields<TrialLogLinesArgs, 'first'>>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  truncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type TrialLogAppendPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrialLogAppendPayload'] = ResolversParentTypes['TrialLogAppendPayload']> = {
  accepted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type TrialLogLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrialLogLine'] = ResolversParentTypes['TrialLogLine']> = {
  attempt?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  offset?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  stream?: Resolver<ResolversTypes['TrialLogStream'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type TrialPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrialPayload'] = ResolversParentTypes['TrialPayload']> = {
  trial?: Resolver<Maybe<ResolversTypes['Trial']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type TrialReportPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrialReportPayload'] = ResolversParentTypes['TrialReportPayload']> = {
  accepted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  leaseExpiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  shouldPrune?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type TrialSearchConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrialSearchConnection'] = ResolversParentTypes['TrialSearchConnection']> = {
  edges?: Resolver<Array<ResolversTypes['TrialEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Trial']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalCountIsExact?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type TrialsAvailableResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrialsAvailable'] = ResolversParentTypes['TrialsAvailable']> = {
  pending?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  study?: Resolver<ResolversTypes['Study'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  memberships?: Resolver<Array<ResolversTypes['Membership']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UserErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ViewerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Viewer'] = ResolversParentTypes['Viewer']> = {
  invitations?: Resolver<Array<ResolversTypes['Invitation']>, ParentType, ContextType>;
  recentStudies?: Resolver<Array<ResolversTypes['Study']>, ParentType, ContextType, RequireFields<ViewerRecentStudiesArgs, 'first'>>;
  recentTrials?: Resolver<Array<ResolversTypes['Trial']>, ParentType, ContextType, RequireFields<ViewerRecentTrialsArgs, 'first'>>;
  teams?: Resolver<Array<ResolversTypes['Team']>, ParentType, ContextType>;
  tokenScope?: Resolver<Maybe<ResolversTypes['ApiTokenScope']>, ParentType, ContextType>;
  tokenTeam?: Resolver<Maybe<ResolversTypes['Team']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  ApiToken?: ApiTokenResolvers<ContextType>;
  ApiTokenCreatePayload?: ApiTokenCreatePayloadResolvers<ContextType>;
  ApiTokenRevokePayload?: ApiTokenRevokePayloadResolvers<ContextType>;
  Artifact?: ArtifactResolvers<ContextType>;
  ArtifactDeletePayload?: ArtifactDeletePayloadResolvers<ContextType>;
  ArtifactUpload?: ArtifactUploadResolvers<ContextType>;
  ArtifactUploadBeginPayload?: ArtifactUploadBeginPayloadResolvers<ContextType>;
  ArtifactUploadCompletePayload?: ArtifactUploadCompletePayloadResolvers<ContextType>;
  AuthPayload?: AuthPayloadResolvers<ContextType>;
  BestSoFarPoint?: BestSoFarPointResolvers<ContextType>;
  Budget?: BudgetResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  EvaluationMetric?: EvaluationMetricResolvers<ContextType>;
  HttpHeader?: HttpHeaderResolvers<ContextType>;
  Invitation?: InvitationResolvers<ContextType>;
  InvitationAcceptPayload?: InvitationAcceptPayloadResolvers<ContextType>;
  InvitationCreatePayload?: InvitationCreatePayloadResolvers<ContextType>;
  InvitationRevokePayload?: InvitationRevokePayloadResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Membership?: MembershipResolvers<ContextType>;
  MembershipCreatePayload?: MembershipCreatePayloadResolvers<ContextType>;
  MembershipPayload?: MembershipPayloadResolvers<ContextType>;
  MetricPoint?: MetricPointResolvers<ContextType>;
  MetricSeries?: MetricSeriesResolvers<ContextType>;
  MetricValue?: GraphQLScalarType;
  ModelEvaluation?: ModelEvaluationResolvers<ContextType>;
  ModelEvaluationClaimPayload?: ModelEvaluationClaimPayloadResolvers<ContextType>;
  ModelEvaluationFinishPayload?: ModelEvaluationFinishPayloadResolvers<ContextType>;
  ModelEvaluationLease?: ModelEvaluationLeaseResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  Note?: NoteResolvers<ContextType>;
  Objective?: ObjectiveResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  ParameterImportance?: ParameterImportanceResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  ProjectCreatePayload?: ProjectCreatePayloadResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RefinementPreview?: RefinementPreviewResolvers<ContextType>;
  Runner?: RunnerResolvers<ContextType>;
  RunnerRegisterPayload?: RunnerRegisterPayloadResolvers<ContextType>;
  SignOutPayload?: SignOutPayloadResolvers<ContextType>;
  Study?: StudyResolvers<ContextType>;
  StudyEvent?: StudyEventResolvers<ContextType>;
  StudyImportOptunaPayload?: StudyImportOptunaPayloadResolvers<ContextType>;
  StudyPayload?: StudyPayloadResolvers<ContextType>;
  StudySearchConnection?: StudySearchConnectionResolvers<ContextType>;
  StudySearchEdge?: StudySearchEdgeResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Team?: TeamResolvers<ContextType>;
  TeamCreatePayload?: TeamCreatePayloadResolvers<ContextType>;
  Trial?: TrialResolvers<ContextType>;
  TrialAttempt?: TrialAttemptResolvers<ContextType>;
  TrialClaimPayload?: TrialClaimPayloadResolvers<ContextType>;
  TrialColumns?: TrialColumnsResolvers<ContextType>;
  TrialConnection?: TrialConnectionResolvers<ContextType>;
  TrialCounts?: TrialCountsResolvers<ContextType>;
  TrialEdge?: TrialEdgeResolvers<ContextType>;
  TrialEvaluatePayload?: TrialEvaluatePayloadResolvers<ContextType>;
  TrialExportPage?: TrialExportPageResolvers<ContextType>;
  TrialLease?: TrialLeaseResolvers<ContextType>;
  TrialLog?: TrialLogResolvers<ContextType>;
  TrialLogAppendPayload?: TrialLogAppendPayloadResolvers<ContextType>;
  TrialLogLine?: TrialLogLineResolvers<ContextType>;
  TrialPayload?: TrialPayloadResolvers<ContextType>;
  TrialReportPayload?: TrialReportPayloadResolvers<ContextType>;
  TrialSearchConnection?: TrialSearchConnectionResolvers<ContextType>;
  TrialsAvailable?: TrialsAvailableResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
};

