import { eq } from 'drizzle-orm';
import { study, trial } from '@tuneboard/db';
import type { Context } from '../context.ts';
import { publishStudyEvent } from '../events.ts';
import type { Resolvers } from '../generated/graphql.ts';
import type { NoteModel } from '../mappers.ts';
import { checkKeepModels, keepBestModels } from './artifacts.ts';
import { loadStudy, loadStudyById, loadTrial, userError, type UserError } from './common.ts';

/** Longest note, in characters (UTF-16 code units, as `String.length` counts them). */
export const NOTE_MAX = 20_000;
/** Most tags on one study or trial. */
export const TAGS_MAX = 20;
/** Longest tag, in characters, after trimming. */
export const TAG_MAX = 40;
/** Characters of a refused value shown back in a message. */
const SHOWN = 60;

function shown(text: string): string {
  return JSON.stringify(text.length > SHOWN ? `${text.slice(0, SHOWN)}…` : text);
}

/** The note as given, or a user error naming the field and the length. */
function checkNote(note: string | null | undefined): { note?: string; errors: UserError[] } {
  if (note == null) return { errors: [] };
  if (note.length > NOTE_MAX) {
    return {
      errors: [
        userError(['input', 'note'], `note must have at most ${NOTE_MAX.toLocaleString('en')} characters, got ${note.length.toLocaleString('en')} (${shown(note)})`),
      ],
    };
  }
  return { note, errors: [] };
}

/** The tags trimmed, without duplicates, in the order given; or user errors naming each tag at fault. */
export function checkTags(tags: readonly string[] | null | undefined): { tags?: string[]; errors: UserError[] } {
  if (tags == null) return { errors: [] };
  if (tags.length > TAGS_MAX) {
    return { errors: [userError(['input', 'tags'], `tags must hold at most ${TAGS_MAX} tags, got ${tags.length}`)] };
  }
  const errors: UserError[] = [];
  const kept: string[] = [];
  tags.forEach((raw, i) => {
    const tag = raw.trim();
    if (tag.length === 0 || tag.length > TAG_MAX) {
      errors.push(userError(['input', 'tags', String(i)], `a tag must have 1 to ${TAG_MAX} characters after trimming, got ${tag.length} (${shown(raw)})`));
    } else if (!kept.includes(tag)) {
      kept.push(tag);
    }
  });
  return errors.length > 0 ? { errors } : { tags: kept, errors };
}

/** The columns a change writes: the note with its editor and time only when the text changed. */
function changes(ctx: Context, current: { note: string }, note: string | undefined, tags: string[] | undefined) {
  const now = new Date();
  return {
    ...(note !== undefined && note !== current.note
      ? { note, noteUpdatedAt: now, noteUpdatedById: ctx.viewer.kind === 'user' ? ctx.viewer.user.id : null }
      : {}),
    ...(tags !== undefined ? { tags } : {}),
    updatedAt: now,
  };
}

const noteOf = (row: { note: string; noteUpdatedById: string | null; noteUpdatedAt: Date | null }): NoteModel => ({
  body: row.note,
  updatedById: row.noteUpdatedById,
  updatedAt: row.noteUpdatedAt,
});

export const noteResolvers: Resolvers = {
  Note: {
    updatedBy: async (note, _args, ctx) => (note.updatedById ? ((await ctx.loaders.user.load(note.updatedById)) ?? null) : null),
  },
  Study: {
    note: (row) => noteOf(row as Parameters<typeof noteOf>[0]),
    tags: (row) => row.tags ?? [],
  },
  Trial: {
    note: (row) => noteOf(row as Parameters<typeof noteOf>[0]),
    tags: (row) => row.tags ?? [],
  },
  Mutation: {
    studyUpdate: async (_parent, { input }, ctx) => {
      const row = await loadStudy(ctx, input.id, 'write');
      const note = checkNote(input.note);
      const tags = checkTags(input.tags);
      const keep = checkKeepModels(input.keepModels);
      const errors = [...note.errors, ...tags.errors, ...keep.errors];
      if (errors.length > 0) return { study: row, userErrors: errors };
      await ctx.db.transaction(async (tx) => {
        await tx
          .update(study)
          .set({ ...changes(ctx, row, note.note, tags.tags), ...(keep.keepModels !== undefined ? { keepModels: keep.keepModels } : {}) })
          .where(eq(study.id, row.id));
        await publishStudyEvent(tx, { kind: 'STUDY_UPDATED', studyId: row.id, teamId: row.teamId });
      });
      ctx.loaders.study.clear(row.id);
      // Fewer models to keep: the others go now, not at the next finished trial.
      if (keep.keepModels !== undefined && keep.keepModels < row.keepModels) await keepBestModels(ctx, row.id);
      return { study: (await ctx.loaders.study.load(row.id)) ?? null, userErrors: [] };
    },
    trialUpdate: async (_parent, { input }, ctx) => {
      const row = await loadTrial(ctx, input.id, 'write');
      const owner = await loadStudyById(ctx, row.studyId, 'write');
      const note = checkNote(input.note);
      const tags = checkTags(input.tags);
      const errors = [...note.errors, ...tags.errors];
      if (errors.length > 0) return { trial: row, userErrors: errors };
      await ctx.db.transaction(async (tx) => {
        await tx.update(trial).set(changes(ctx, row, note.note, tags.tags)).where(eq(trial.id, row.id));
        await publishStudyEvent(tx, { kind: 'TRIAL_UPDATED', studyId: owner.id, teamId: owner.teamId, trialId: row.id });
      });
      ctx.loaders.trial.clear(row.id);
      return { trial: (await ctx.loaders.trial.load(row.id)) ?? null, userErrors: [] };
    },
  },
};
