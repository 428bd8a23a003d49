import { authorize } from '../auth/authorize.ts';
import type { Context } from '../context.ts';
import { startingWith, studyEventSeq, type NumberedStudyEvent } from '../events.ts';
import type { Resolvers } from '../generated/graphql.ts';
import type { StudyEventModel } from '../mappers.ts';
import { reauthorized } from '../pipeline/reauthorize.ts';
import { freshReads, loadStudy, loadStudyById } from './common.ts';

/**
 * The dashboard's live view of one study (`Subscription.studyEvents`, schema/studies.graphql): a SYNC with the
 * study's latest sequence number first, then every numbered event of the study while the caller may read it.
 */
export const studyEventResolvers: Resolvers = {
  Subscription: {
    studyEvents: {
      subscribe: async (_parent, { studyId }, ctx) => {
        const row = await loadStudy(ctx, studyId, 'read');
        // Listening first, then reading the latest number: every event after it reaches this subscriber.
        const events = ctx.events.studyEvents((message) => message.studyId === row.id);
        let seq: number;
        try {
          seq = await studyEventSeq(ctx.db, row.id);
        } catch (error) {
          await events.return?.();
          throw error;
        }
        const sync: NumberedStudyEvent = { kind: 'SYNC', studyId: row.id, teamId: row.teamId, seq };
        // Each event is delivered only while the caller may still read the study.
        return reauthorized(ctx, startingWith(sync, events), (viewer) => authorize(viewer, row.teamId, 'read', 'The study'));
      },
      resolve: (message: StudyEventModel, _args: unknown, ctx: Context) => freshReads(ctx, message),
    },
  },
  StudyEvent: {
    seq: (event) => event.seq ?? 0,
    study: async (event, _args, ctx) => loadStudyById(ctx, event.studyId, 'read'),
    trial: async (event, _args, ctx) => {
      if (event.trialId === undefined) return null;
      ctx.loaders.trial.clear(event.trialId);
      return (await ctx.loaders.trial.load(event.trialId)) ?? null;
    },
  },
};
