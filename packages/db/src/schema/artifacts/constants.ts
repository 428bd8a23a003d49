/**
 * What an artifact is: a `MODEL` file (a template's saved model, kept only for the study's best trials: the
 * study's `keep_models`) or any other `FILE` a trial attached (kept until deleted).
 */
export const artifactKinds = ['FILE', 'MODEL'] as const;
export type ArtifactKind = (typeof artifactKinds)[number];

/** `UPLOADING` from the upload's start until its checksum is verified, then `READY`. */
export const artifactStates = ['UPLOADING', 'READY'] as const;
export type ArtifactState = (typeof artifactStates)[number];

/** Where a model evaluation ("Evaluate on test") stands. */
export const evaluationStates = ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] as const;
export type EvaluationState = (typeof evaluationStates)[number];

/** Claims of one evaluation before it fails (its lease expired this many times: the runners died on it). */
export const EVALUATION_MAX_ATTEMPTS = 3;
