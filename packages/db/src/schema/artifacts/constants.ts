/**
 * What an artifact is: a `MODEL` file (a template's saved model, kept only for the study's best trials: the
 * study's `keep_models`) or any other `FILE` a trial attached (kept until deleted).
 */
export const artifactKinds = ['FILE', 'MODEL'] as const;
export type ArtifactKind = (typeof artifactKinds)[number];

/** `UPLOADING` from the upload's start until its checksum is verified, then `READY`. */
export const artifactStates = ['UPLOADING', 'READY'] as const;
export type ArtifactState = (typeof artifactStates)[number];
