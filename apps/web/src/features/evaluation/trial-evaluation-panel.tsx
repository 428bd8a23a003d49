'use client';

import { useMemo, useState } from 'react';
import { useSubscription } from 'urql';
import { Panel } from '@/components/panel';
import { READ_ONLY_REASON } from '@/lib/roles';
import { useFollowingQuery } from '../live/use-following-query.ts';
import { EvaluationEventsSubscription, TrialEvaluationQuery } from './documents.ts';
import { isTemplateStudy } from './evaluation-state.ts';
import { EvaluationTable } from './evaluation-table.tsx';

/** The trial page's "Evaluate on test": its model, the evaluation's state and figures, live with the study's events. */
export function TrialEvaluationPanel({ trialId, studyId, objectiveName, readOnly }: { trialId: string; studyId: string; objectiveName: string; readOnly: boolean }) {
  const [version, setVersion] = useState(0);
  const handle = useMemo(
    () => (_previous: unknown, event: { studyEvents: { kind: string; trial?: { id: string } | null } }) => {
      const { kind, trial } = event.studyEvents;
      if (kind === 'SYNC' || ((kind === 'TRIAL_UPDATED' || kind === 'TRIAL_FINISHED') && trial?.id === trialId)) setVersion((v) => v + 1);
      return event;
    },
    [trialId],
  );
  useSubscription({ query: EvaluationEventsSubscription, variables: { studyId } }, handle);
  const variables = useMemo(() => ({ id: trialId }), [trialId]);
  const result = useFollowingQuery(TrialEvaluationQuery, variables, version, 500);
  const trial = result.data?.trial;
  if (!trial || !isTemplateStudy(trial.study.objective) || trial.state !== 'COMPLETE') return null;
  return (
    <Panel title="Test evaluation" minHeight={60} error={result.error ?? undefined}>
      <EvaluationTable
        trials={[trial]}
        objectiveName={objectiveName}
        readOnlyReason={readOnly ? READ_ONLY_REASON : null}
        onQueued={() => setVersion((v) => v + 1)}
        testId="trial-evaluation"
      />
    </Panel>
  );
}
