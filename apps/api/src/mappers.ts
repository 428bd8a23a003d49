import type { Viewer } from './auth/viewer.ts';
import type { apiToken, artifact, invitation, membership, modelEvaluation, project, runner, study, team, trial, trialAttempt, user } from '@tuneboard/db';

// Resolver parents: database rows (GraphQL Code Generator maps the schema's types to these).
export type UserRow = typeof user.$inferSelect;
export type TeamRow = typeof team.$inferSelect;
export type MembershipRow = typeof membership.$inferSelect;
export type ProjectRow = typeof project.$inferSelect;
export type ApiTokenRow = typeof apiToken.$inferSelect;
export type InvitationRow = typeof invitation.$inferSelect;
/** A study row with the team that owns it (for authorisation). */
export type StudyRow = typeof study.$inferSelect & { teamId: string };
export type TrialRow = typeof trial.$inferSelect;
export type RunnerRow = typeof runner.$inferSelect;
export type TrialAttemptRow = typeof trialAttempt.$inferSelect;
export type ArtifactRow = typeof artifact.$inferSelect;
export type EvaluationRow = typeof modelEvaluation.$inferSelect;

/** A trial's log: its fields read the `trial_log` rows of the trial. */
export interface TrialLogModel {
  trialId: number;
}

export type ViewerModel = Viewer;

/** A study's or trial's note, from its row's `note*` columns. */
export interface NoteModel {
  body: string;
  updatedById: string | null;
  updatedAt: Date | null;
}

export interface StudyEventModel {
  kind: 'TRIAL_CREATED' | 'TRIAL_CLAIMED' | 'TRIAL_REPORTED' | 'TRIAL_FINISHED' | 'STUDY_STATUS' | 'STUDY_UPDATED' | 'TRIAL_UPDATED' | 'TRIAL_LOGGED' | 'SYNC';
  studyId: string;
  /** Set by the statement that sends the event (see `EventHub.flush`); absent before it is sent. */
  seq?: number | undefined;
  trialId?: number | undefined;
}

export interface TrialsAvailableModel {
  studyId: string;
  pending: number;
}

export interface TrialLeaseModel {
  trial: TrialRow;
  leaseToken: string;
  leaseExpiresAt: Date;
}


/** A claimed model evaluation (`modelEvaluationClaim`). */
export interface EvaluationLeaseModel {
  evaluation: EvaluationRow;
  leaseToken: string;
  leaseExpiresAt: Date;
}
