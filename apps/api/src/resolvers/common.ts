import { GraphQLError } from 'graphql';
import { authorize, notFound, type Action } from '../auth/authorize.ts';
import type { Context } from '../context.ts';
import { createLoaders } from '../loaders.ts';
import { rawId, type NodeType } from '../ids.ts';
import type { ProjectRow, RunnerRow, StudyRow, TeamRow, TrialRow } from '../mappers.ts';

export interface UserError {
  field: string[];
  message: string;
  code: string;
}

export function userError(field: string[], message: string, code = 'INVALID'): UserError {
  return { field, message, code };
}

export function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function idOf(globalId: string, type: NodeType, what: string): string {
  const id = rawId(globalId, type);
  if (id === undefined) throw notFound(what);
  return id;
}

// Loading an object by global id always goes through `authorize` with the team that owns it.

export async function loadTeam(ctx: Context, globalId: string, action: Action): Promise<TeamRow> {
  const row = await ctx.loaders.team.load(idOf(globalId, 'Team', 'The team'));
  if (!row) throw notFound('The team');
  authorize(ctx.viewer, row.id, action, 'The team');
  return row;
}

export async function loadProject(ctx: Context, globalId: string, action: Action): Promise<ProjectRow> {
  const row = await ctx.loaders.project.load(idOf(globalId, 'Project', 'The project'));
  if (!row) throw notFound('The project');
  authorize(ctx.viewer, row.teamId, action, 'The project');
  return row;
}

export async function loadStudy(ctx: Context, globalId: string, action: Action): Promise<StudyRow> {
  return loadStudyById(ctx, idOf(globalId, 'Study', 'The study'), action);
}

export async function loadStudyById(ctx: Context, id: string, action: Action): Promise<StudyRow> {
  const row = await ctx.loaders.study.load(id);
  if (!row) throw notFound('The study');
  authorize(ctx.viewer, row.teamId, action, 'The study');
  return row;
}

export async function loadTrial(ctx: Context, globalId: string, action: Action): Promise<TrialRow> {
  const row = await ctx.loaders.trial.load(Number(idOf(globalId, 'Trial', 'The trial')));
  if (!row) throw notFound('The trial');
  // Named as the trial, like a trial that does not exist: trial ids count up across the instance, and an answer
  // naming the study would tell an outsider that this one exists in another team.
  const parent = await ctx.loaders.study.load(row.studyId);
  if (!parent) throw notFound('The trial');
  authorize(ctx.viewer, parent.teamId, action, 'The trial');
  return row;
}

export async function loadRunner(ctx: Context, globalId: string, action: Action): Promise<RunnerRow> {
  const row = await ctx.loaders.runner.load(idOf(globalId, 'Runner', 'The runner'));
  if (!row) throw notFound('The runner');
  authorize(ctx.viewer, row.teamId, action, 'The runner');
  return row;
}

/**
 * A subscription's context lives as long as the socket, and so would its DataLoader caches: each event must
 * read the study and trial as they are now (a paused study must not show the status it had at subscribe).
 */
export function freshReads<T>(ctx: Context, message: T): T {
  ctx.loaders = createLoaders(ctx.db);
  return message;
}
