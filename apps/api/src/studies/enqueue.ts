import { trial, type JsonObject } from '@tuneboard/db';
import { parseSpace, spaceContains, type ParamValue } from '@tuneboard/tuning';
import type { Context } from '../context.ts';
import type { TrialEnqueueInput } from '../generated/graphql.ts';
import type { TrialRow } from '../mappers.ts';
import { reserveTrialNumbers } from '../lifecycle/scheduler.ts';
import { loadStudy, userError, type UserError } from '../resolvers/common.ts';
import { pointErrors } from '../resolvers/point-check.ts';

/**
 * `trialEnqueue`: a point of the study's space, given by hand, becomes its next PENDING trial (of origin
 * ENQUEUED), announced the way the top-up's new trials are.
 */
export async function enqueueTrial(ctx: Context, input: TrialEnqueueInput): Promise<{ trial: TrialRow | null; userErrors: UserError[] }> {
  const row = await loadStudy(ctx, input.studyId, 'write');
  const params = input.params as Record<string, ParamValue>;
  const space = parseSpace(row.space);
  const wrong = pointErrors(space, params);
  // The same rule as the sampler's points; the itemised check above explains, this one decides.
  if (wrong.length > 0 || !spaceContains(space, params)) {
    return {
      trial: null,
      userErrors: wrong.length > 0 ? wrong : [userError(['input', 'params'], `params must be a point of the study's space, got ${JSON.stringify(input.params)}`)],
    };
  }
  if (row.status === 'COMPLETED' || row.status === 'STOPPED' || row.status === 'FAILED') {
    return { trial: null, userErrors: [userError(['input', 'studyId'], `The study is ${row.status}.`, 'INVALID_STATE')] };
  }
  const number = await reserveTrialNumbers(ctx.db, row.id, 1);
  const [created] = await ctx.db
    .insert(trial)
    .values({ studyId: row.id, number, params: params as JsonObject, origin: 'ENQUEUED' })
    .returning();
  // Stored: its events go the way the top-up's new trials do.
  ctx.events.queueStudyEvent({ kind: 'TRIAL_CREATED', studyId: row.id, teamId: row.teamId, trialId: created!.id });
  ctx.events.queueAvailable({ teamId: row.teamId, studyId: row.id, pending: 1 });
  return { trial: created!, userErrors: [] };
}
