'use client';

import { useEffect, useState } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import { FieldError, Panel } from '@/components';
import { Field, TextAreaField } from '@/components/field';
import { useFormErrors } from '@/lib/forms/use-form-errors';
import { unclaimedErrors } from '@/lib/user-errors';
import { readableError } from '@/lib/graphql/errors';
import { NoteEventsSubscription, StudyNoteQuery, StudyUpdateMutation, TrialNoteQuery, TrialUpdateMutation } from './documents.ts';
import { MarkdownNote } from './markdown-note.tsx';
import { TagChips } from './tag-chips.tsx';
import { parseTags } from './tag-color.ts';

type Target = { kind: 'study'; id: string } | { kind: 'trial'; id: string; studyId: string };
type NoteData = { tags: string[]; note: { body: string; updatedAt: unknown; updatedBy: { name: string } | null } };

/**
 * The note (Markdown, edited in place) and tags of a study or a trial. It follows the study's events: an edit by
 * someone else (`STUDY_UPDATED`, or `TRIAL_UPDATED` for this trial) is re-read at once.
 */
export function NotesPanel({ target, readOnly = false }: { target: Target; /** A VIEWER: no edit buttons. */ readOnly?: boolean }) {
  const studyId = target.kind === 'study' ? target.id : target.studyId;
  const [studyResult, refetchStudy] = useQuery({ query: StudyNoteQuery, variables: { id: target.id }, pause: target.kind !== 'study' });
  const [trialResult, refetchTrial] = useQuery({ query: TrialNoteQuery, variables: { id: target.id }, pause: target.kind !== 'trial' });
  const [events] = useSubscription({ query: NoteEventsSubscription, variables: { studyId } });
  const [studySave, runStudyUpdate] = useMutation(StudyUpdateMutation);
  const [trialSave, runTrialUpdate] = useMutation(TrialUpdateMutation);
  const [draft, setDraft] = useState<string | null>(null);
  const [tagDraft, setTagDraft] = useState<string | null>(null);
  const tagsForm = useFormErrors();
  const noteForm = useFormErrors();

  const result = target.kind === 'study' ? studyResult : trialResult;
  const data: NoteData | null | undefined = target.kind === 'study' ? studyResult.data?.study : trialResult.data?.trial;
  const saving = studySave.fetching || trialSave.fetching;

  const event = events.data?.studyEvents;
  useEffect(() => {
    if (!event) return;
    const refetch = { requestPolicy: 'network-only' } as const;
    if (target.kind === 'study' && event.kind === 'STUDY_UPDATED') refetchStudy(refetch);
    if (target.kind === 'trial' && event.kind === 'TRIAL_UPDATED' && event.trial?.id === target.id) refetchTrial(refetch);
    // Only a new event (its `seq`) re-reads.
  }, [event?.seq]);

  /** Saves the note or the tags; what went wrong lands on `form`'s field (`note`, `tags`) or at its top. */
  async function save(form: ReturnType<typeof useFormErrors>, input: { note?: string; tags?: string[] }): Promise<boolean> {
    form.setErrors({});
    const variables = { input: { id: target.id, ...input } };
    const response = target.kind === 'study' ? await runStudyUpdate(variables) : await runTrialUpdate(variables);
    const payload = response.data && ('studyUpdate' in response.data ? response.data.studyUpdate : response.data.trialUpdate);
    if (!form.check(response, payload)) return false;
    const refetch = { requestPolicy: 'network-only' } as const;
    if (target.kind === 'study') refetchStudy(refetch);
    else refetchTrial(refetch);
    return true;
  }

  const editor = data?.note.updatedBy?.name;
  const when = data?.note.updatedAt ? new Date(String(data.note.updatedAt)).toLocaleString() : null;
  return (
    <Panel title="Notes and tags" minHeight={80} loading={result.fetching && !data} error={result.error ? readableError(result.error) : undefined}>
      {data && (
        <div className="notes-panel">
          {tagDraft === null ? (
            <TagChips tags={data.tags} onEdit={readOnly ? undefined : () => setTagDraft(data.tags.join(', '))} />
          ) : (
            <form
              ref={tagsForm.ref}
              onSubmit={(e) => {
                e.preventDefault();
                void save(tagsForm, { tags: parseTags(tagDraft) }).then((ok) => ok && setTagDraft(null));
              }}
            >
              <FieldError messages={unclaimedErrors(tagsForm.errors, ['tags'])} />
              <Field
                label="Tags (comma-separated)"
                name="tags"
                maxLength={1_000}
                errors={tagsForm.errors}
                value={tagDraft}
                onValue={setTagDraft}
              />
              <button type="submit" disabled={saving}>Save tags</button>
              <button type="button" onClick={() => setTagDraft(null)}>Cancel</button>
            </form>
          )}
          {draft === null ? (
            <div>
              {data.note.body ? <MarkdownNote text={data.note.body} /> : <p className="muted">No note yet.</p>}
              {!readOnly && (
                <button type="button" onClick={() => setDraft(data.note.body)}>
                  {data.note.body ? 'Edit note' : 'Add a note'}
                </button>
              )}
              {when && <small className="muted"> Last changed {editor ? `by ${editor} ` : ''}on {when}</small>}
            </div>
          ) : (
            <form
              ref={noteForm.ref}
              onSubmit={(e) => {
                e.preventDefault();
                void save(noteForm, { note: draft }).then((ok) => ok && setDraft(null));
              }}
            >
              <FieldError messages={unclaimedErrors(noteForm.errors, ['note'])} />
              <TextAreaField
                label="Note (Markdown)"
                name="note"
                rows={8}
                maxLength={20_000}
                errors={noteForm.errors}
                value={draft}
                onValue={setDraft}
              />
              <button type="submit" disabled={saving}>Save note</button>
              <button type="button" onClick={() => setDraft(null)}>Cancel</button>
            </form>
          )}
        </div>
      )}
    </Panel>
  );
}
