import { z } from 'zod';
import { directions, studyStatuses, trialStates } from './constants';

export const directionSchema = z.enum(directions);
export const studyStatusSchema = z.enum(studyStatuses);
export const trialStateSchema = z.enum(trialStates);
export const studyObjectiveSchema = z.object({
  name: z.string().min(1).max(128),
  direction: directionSchema,
});
export const budgetSchema = z.object({
  maxTrials: z.number().int().positive().nullable(),
  maxParallel: z.number().int().min(1).max(1024),
  maxFailures: z.number().int().min(1).max(100),
});
