// The runner protocol's GraphQL documents (apps/api/src/schema/runners.graphql). Their result and variable types
// are generated from the schema into src/generated/graphql.ts (`npm run codegen -w @tuneboard/runner`; CI checks
// that the committed output is current), so a field the API renames or retypes fails the runner's typecheck.

export const REGISTER = /* GraphQL */ `
  mutation RunnerRegister($input: RunnerRegisterInput!) {
    runnerRegister(input: $input) { runner { id name } userErrors { message code } }
  }
`;

// What the runner reads of the study of `--study` before it claims: whether it could run its trials at all.
export const STUDY = /* GraphQL */ `
  query RunnerStudy($id: ID!) {
    study(id: $id) { id name objective }
  }
`;

export const CLAIM = /* GraphQL */ `
  mutation TrialClaim($input: TrialClaimInput!) {
    trialClaim(input: $input) {
      leases {
        leaseToken
        leaseExpiresAt
        trial { id number attempt params study { id name objective objectives { name direction } } }
      }
      userErrors { message code }
    }
  }
`;

export const REPORT = /* GraphQL */ `
  mutation TrialReport($input: TrialReportInput!) {
    trialReport(input: $input) { shouldPrune leaseExpiresAt accepted userErrors { message code } }
  }
`;

// The end of an attempt, alone or after its last metric points in the same request (a document's mutation fields
// run in order: the points are stored, then the attempt ends): a request a trial fewer for the runner and the API.

export const COMPLETE = /* GraphQL */ `
  mutation TrialComplete($input: TrialCompleteInput!) {
    trialComplete(input: $input) { trial { id state } userErrors { message code } }
  }
`;
export const COMPLETE_AFTER_POINTS = /* GraphQL */ `
  mutation TrialCompleteAfterPoints($report: TrialReportInput!, $input: TrialCompleteInput!) {
    trialReport(input: $report) { accepted userErrors { message code } }
    trialComplete(input: $input) { trial { id state } userErrors { message code } }
  }
`;
export const FAIL = /* GraphQL */ `
  mutation TrialFail($input: TrialFailInput!) {
    trialFail(input: $input) { trial { id state } userErrors { message code } }
  }
`;
export const FAIL_AFTER_POINTS = /* GraphQL */ `
  mutation TrialFailAfterPoints($report: TrialReportInput!, $input: TrialFailInput!) {
    trialReport(input: $report) { accepted userErrors { message code } }
    trialFail(input: $input) { trial { id state } userErrors { message code } }
  }
`;
export const PRUNE = /* GraphQL */ `
  mutation TrialPrune($input: TrialPruneInput!) {
    trialPrune(input: $input) { trial { id state } userErrors { message code } }
  }
`;
export const PRUNE_AFTER_POINTS = /* GraphQL */ `
  mutation TrialPruneAfterPoints($report: TrialReportInput!, $input: TrialPruneInput!) {
    trialReport(input: $report) { accepted userErrors { message code } }
    trialPrune(input: $input) { trial { id state } userErrors { message code } }
  }
`;
export const RELEASE = /* GraphQL */ `
  mutation TrialRelease($input: TrialReleaseInput!) {
    trialRelease(input: $input) { trial { id state } userErrors { message code } }
  }
`;
export const RELEASE_AFTER_POINTS = /* GraphQL */ `
  mutation TrialReleaseAfterPoints($report: TrialReportInput!, $input: TrialReleaseInput!) {
    trialReport(input: $report) { accepted userErrors { message code } }
    trialRelease(input: $input) { trial { id state } userErrors { message code } }
  }
`;

// The runner's log lines of a trial (apps/api/src/schema/trial-log.graphql): only the lease holder may append.
export const LOG_APPEND = /* GraphQL */ `
  mutation TrialLogAppend($input: TrialLogAppendInput!) {
    trialLogAppend(input: $input) { accepted userErrors { message code } }
  }
`;

// The end of an attempt after its last log lines (and points): the lines are stored first, then the points, then
// the end, in one request.
export const COMPLETE_AFTER_LINES = /* GraphQL */ `
  mutation TrialCompleteAfterLines($log: TrialLogAppendInput!, $input: TrialCompleteInput!) {
    trialLogAppend(input: $log) { accepted userErrors { message code } }
    trialComplete(input: $input) { trial { id state } userErrors { message code } }
  }
`;
export const COMPLETE_AFTER_LINES_AND_POINTS = /* GraphQL */ `
  mutation TrialCompleteAfterLinesAndPoints($log: TrialLogAppendInput!, $report: TrialReportInput!, $input: TrialCompleteInput!) {
    trialLogAppend(input: $log) { accepted userErrors { message code } }
    trialReport(input: $report) { accepted userErrors { message code } }
    trialComplete(input: $input) { trial { id state } userErrors { message code } }
  }
`;
export const FAIL_AFTER_LINES = /* GraphQL */ `
  mutation TrialFailAfterLines($log: TrialLogAppendInput!, $input: TrialFailInput!) {
    trialLogAppend(input: $log) { accepted userErrors { message code } }
    trialFail(input: $input) { trial { id state } userErrors { message code } }
  }
`;
export const FAIL_AFTER_LINES_AND_POINTS = /* GraphQL */ `
  mutation TrialFailAfterLinesAndPoints($log: TrialLogAppendInput!, $report: TrialReportInput!, $input: TrialFailInput!) {
    trialLogAppend(input: $log) { accepted userErrors { message code } }
    trialReport(input: $report) { accepted userErrors { message code } }
    trialFail(input: $input) { trial { id state } userErrors { message code } }
  }
`;
export const PRUNE_AFTER_LINES = /* GraphQL */ `
  mutation TrialPruneAfterLines($log: TrialLogAppendInput!, $input: TrialPruneInput!) {
    trialLogAppend(input: $log) { accepted userErrors { message code } }
    trialPrune(input: $input) { trial { id state } userErrors { message code } }
  }
`;
export const PRUNE_AFTER_LINES_AND_POINTS = /* GraphQL */ `
  mutation TrialPruneAfterLinesAndPoints($log: TrialLogAppendInput!, $report: TrialReportInput!, $input: TrialPruneInput!) {
    trialLogAppend(input: $log) { accepted userErrors { message code } }
    trialReport(input: $report) { accepted userErrors { message code } }
    trialPrune(input: $input) { trial { id state } userErrors { message code } }
  }
`;
export const RELEASE_AFTER_LINES = /* GraphQL */ `
  mutation TrialReleaseAfterLines($log: TrialLogAppendInput!, $input: TrialReleaseInput!) {
    trialLogAppend(input: $log) { accepted userErrors { message code } }
    trialRelease(input: $input) { trial { id state } userErrors { message code } }
  }
`;
export const RELEASE_AFTER_LINES_AND_POINTS = /* GraphQL */ `
  mutation TrialReleaseAfterLinesAndPoints($log: TrialLogAppendInput!, $report: TrialReportInput!, $input: TrialReleaseInput!) {
    trialLogAppend(input: $log) { accepted userErrors { message code } }
    trialReport(input: $report) { accepted userErrors { message code } }
    trialRelease(input: $input) { trial { id state } userErrors { message code } }
  }
`;

export const TRIALS_AVAILABLE = /* GraphQL */ `
  subscription TrialsAvailable {
    trialsAvailable { pending study { id } }
  }
`;

// Artifacts (apps/api/src/schema/artifacts.graphql): the runner uploads a trial's files with its lease token, the
// bytes going straight to the store's signed URL.
export const ARTIFACT_BEGIN = /* GraphQL */ `
  mutation ArtifactUploadBegin($input: ArtifactUploadBeginInput!) {
    artifactUploadBegin(input: $input) {
      artifact { id }
      upload { url method headers { name value } }
      userErrors { message code }
    }
  }
`;

export const ARTIFACT_COMPLETE = /* GraphQL */ `
  mutation ArtifactUploadComplete($input: ArtifactUploadCompleteInput!) {
    artifactUploadComplete(input: $input) { artifact { id state } userErrors { message code } }
  }
`;

// "Evaluate on test" (apps/api/src/schema/evaluations.graphql): a runner claims a trial's saved model to evaluate on
// the study's test split, with a lease like a trial's, and reports the figures (or the error) with its token.
export const EVALUATION_CLAIM = /* GraphQL */ `
  mutation ModelEvaluationClaim($input: ModelEvaluationClaimInput!) {
    modelEvaluationClaim(input: $input) {
      leases {
        leaseToken
        leaseExpiresAt
        evaluation { id attempt trial { id number study { id objective } artifacts { name kind state downloadUrl } } }
      }
      userErrors { message code }
    }
  }
`;

export const EVALUATION_FINISH = /* GraphQL */ `
  mutation ModelEvaluationFinish($input: ModelEvaluationFinishInput!) {
    modelEvaluationFinish(input: $input) { evaluation { id state } userErrors { message code } }
  }
`;
