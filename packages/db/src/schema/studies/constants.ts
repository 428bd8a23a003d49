/**
 * RUNNING → PAUSED ⇄ RUNNING; then COMPLETED (budget spent, at least one trial of its own complete), STOPPED (by a
 * person) or FAILED (too many trials failed in a row, or the budget spent without one complete).
 */
export const studyStatuses = ['RUNNING', 'PAUSED', 'COMPLETED', 'STOPPED', 'FAILED'] as const;
export type StudyStatus = (typeof studyStatuses)[number];

export const trialStates = ['PENDING', 'RUNNING', 'COMPLETE', 'PRUNED', 'FAIL', 'CANCELLED'] as const;
export type TrialState = (typeof trialStates)[number];

/** Where a trial's parameters came from. */
export const trialOrigins = ['SAMPLER', 'ENQUEUED', 'INHERITED'] as const;
export type TrialOrigin = (typeof trialOrigins)[number];

/** Which way an objective is better: the study contract's rule. */
export { directions, type Direction } from '@tuneboard/contract';

/** Where a trial's log line came from: the runner about the trial, or a command objective's output streams. */
export const trialLogStreams = ['RUNNER', 'STDOUT', 'STDERR'] as const;
export type TrialLogStream = (typeof trialLogStreams)[number];

/** How one attempt of a trial ended (RUNNING while it runs). */
export const trialAttemptOutcomes = ['RUNNING', 'COMPLETE', 'PRUNED', 'FAIL', 'RELEASED', 'LOST'] as const;
export type TrialAttemptOutcome = (typeof trialAttemptOutcomes)[number];
