'use client';

import { useState } from 'react';
import { useMutation } from 'urql';
import type { ChartParam, ChartTrial } from '@/charts';
import type { StudyStatusPayloadFieldsFragment, StudySummaryFieldsFragment } from '@/gql/graphql';
import { StudyPauseMutation, StudyResumeMutation, StudyStopMutation, TrialEnqueueMutation } from './documents.ts';
import styles from './study.module.css';
import { FieldError } from '@/components/field-error';
import { TextAreaField } from '@/components/field';
import { payloadMessages } from '@/lib/forms/payload-errors';
import { useFormErrors } from '@/lib/forms/use-form-errors';
import { unclaimedErrors } from '@/lib/user-errors';
import { READ_ONLY_REASON } from '@/lib/roles';
import { isFinished, runControls } from './run-controls.ts';

/** What Stop does, asked before it is done: it cannot be undone. */
export const STOP_CONFIRMATION =
  'Stop this study for good? Its pending trials, enqueued ones included, are cancelled and no new trials are ' +
  'sampled; trials already running finish on their runners and keep their results. A stopped study cannot be resumed.';

/** A starting point for a hand-enqueued configuration: the latest trial's parameters, else each range's low end. */
function exampleParams(params: readonly ChartParam[], trials: readonly ChartTrial[]): string {
  const last = trials[trials.length - 1];
  if (last) return JSON.stringify(last.params, null, 2);
  const point: Record<string, unknown> = {};
  for (const p of params) point[p.name] = p.kind === 'categorical' ? p.choices?.[0] : p.low;
  return JSON.stringify(point, null, 2);
}

export function StudyControls({
  studyId,
  status,
  params,
  trials,
  onChange,
  readOnly = false,
}: {
  studyId: string;
  /** The reader may not write (a VIEWER): every button is disabled, with the reason beside them. */
  readOnly?: boolean;
  status: string;
  params: readonly ChartParam[];
  trials: readonly ChartTrial[];
  /** The study as the mutation answered; the page's live store also hears the change as an event. */
  onChange?: (summary: StudySummaryFieldsFragment) => void;
}) {
  const [pause, runPause] = useMutation(StudyPauseMutation);
  const [resume, runResume] = useMutation(StudyResumeMutation);
  const [stop, runStop] = useMutation(StudyStopMutation);
  const [enqueue, runEnqueue] = useMutation(TrialEnqueueMutation);
  const [message, setMessage] = useState<string | null>(null);
  const [enqueueText, setEnqueueText] = useState<string | null>(null);
  const enqueueForm = useFormErrors();
  const busy = pause.fetching || resume.fetching || stop.fetching;
  // A finished study is offered none of them: no mutation acts on it, and a disabled button reads as "not yet".
  const offered = runControls(status);
  const why = readOnly ? READ_ONLY_REASON : undefined;

  async function act(
    run: (v: { id: string }) => Promise<{ error?: Parameters<typeof payloadMessages>[0]['error']; data?: unknown }>,
    name: 'studyPause' | 'studyResume' | 'studyStop',
  ) {
    setMessage(null);
    const result = await run({ id: studyId });
    const payload = (result.data as Record<string, StudyStatusPayloadFieldsFragment> | undefined)?.[name];
    const problems = payloadMessages(result, payload);
    if (problems.length > 0) return setMessage(problems.join(' '));
    if (payload?.study) onChange?.(payload.study);
  }

  async function submitEnqueue(event: React.FormEvent) {
    event.preventDefault();
    enqueueForm.setErrors({});
    let parsed: unknown;
    try {
      parsed = JSON.parse(enqueueText ?? '');
    } catch (error) {
      return enqueueForm.setErrors({ params: [`params must be a JSON object: ${(error as Error).message}`] });
    }
    const result = await runEnqueue({ studyId, params: parsed });
    if (!enqueueForm.check(result, result.data?.trialEnqueue)) return;
    setEnqueueText(null);
    setMessage(`Enqueued trial #${result.data?.trialEnqueue.trial?.number ?? '?'}.`);
  }

  return (
    <div className={styles.controls}>
      {offered.resume && (
        <button type="button" className="button" disabled={busy || readOnly} title={why} onClick={() => void act(runResume, 'studyResume')}>
          Resume
        </button>
      )}
      {offered.pause && (
        <button type="button" className="button button-secondary" disabled={busy || readOnly} title={why} onClick={() => void act(runPause, 'studyPause')}>
          Pause
        </button>
      )}
      {offered.stop && (
        <button type="button" className="button button-danger" disabled={busy || readOnly} title={why} onClick={() => {
            if (window.confirm(STOP_CONFIRMATION)) void act(runStop, 'studyStop');
          }}
        >
          Stop
        </button>
      )}
      {isFinished(status) && (
        <p className="muted" data-testid="study-finished">
          The study is {status.toLowerCase()}: it takes no new trials.
        </p>
      )}
      {!offered.enqueue ? null : enqueueText === null ? (
        <button
          type="button"
          className="button button-secondary"
          disabled={readOnly}
          title={why}
          onClick={() => setEnqueueText(exampleParams(params, trials))}
        >
          Enqueue a configuration…
        </button>
      ) : (
        <form ref={enqueueForm.ref} className={styles.enqueue} onSubmit={(e) => void submitEnqueue(e)}>
          <FieldError messages={unclaimedErrors(enqueueForm.errors, ['params'])} />
          <TextAreaField
            label="Parameters (JSON)"
            name="params"
            rows={Math.min(10, params.length + 2)}
            errors={enqueueForm.errors}
            value={enqueueText}
            onValue={setEnqueueText}
          />
          <div className={styles.controls}>
            <button type="submit" className="button" disabled={enqueue.fetching}>
              Enqueue
            </button>
            <button type="button" className="button button-secondary" onClick={() => setEnqueueText(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {message && (
        <p role="status" className="muted">
          {message}
        </p>
      )}
    </div>
  );
}
