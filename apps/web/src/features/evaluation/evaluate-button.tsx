'use client';

import { useState } from 'react';
import { useMutation } from 'urql';
import type { EvaluationFieldsFragment } from '@/gql/graphql';
import { payloadMessages } from '@/lib/forms/payload-errors';
import { TrialEvaluateMutation } from './documents.ts';
import { evaluateBlocker } from './evaluation-state.ts';

/**
 * "Evaluate on test": queues an evaluation of the trial's saved model on the study's held-out test split. Disabled,
 * with the reason as its title and beside it, for a viewer, a trial without a model, or while one is under way.
 */
export function EvaluateButton({ trial, readOnlyReason, onQueued }: { trial: EvaluationFieldsFragment; readOnlyReason: string | null; onQueued: () => void }) {
  const [sending, evaluate] = useMutation(TrialEvaluateMutation);
  const [message, setMessage] = useState<string | null>(null);
  const blocker = evaluateBlocker(trial, readOnlyReason);

  async function run() {
    setMessage(null);
    const response = await evaluate({ input: { trialId: trial.id } });
    const messages = payloadMessages(response, response.data?.trialEvaluate);
    if (messages.length > 0) return setMessage(messages.join(' '));
    onQueued();
  }

  return (
    <>
      <button
        type="button"
        className="button button-secondary"
        disabled={blocker !== null || sending.fetching}
        title={blocker ?? 'Evaluate this model on the held-out test split (the study never selects on it)'}
        onClick={() => void run()}
      >
        Evaluate on test<span className="sr-only"> (trial #{trial.number})</span>
      </button>
      {message && (
        <span role="alert" className="error-text">
          {' '}
          {message}
        </span>
      )}
    </>
  );
}
