'use client';

import { useEffect, useMemo, useState } from 'react';
import { useSubscription } from 'urql';
import { Panel } from '@/components/panel';
import { READ_ONLY_REASON } from '@/lib/roles';
import { useFollowingQuery } from '../live/use-following-query.ts';
import { EvaluationEventsSubscription, StudyBestModelsQuery } from './documents.ts';
import { isTemplateStudy } from './evaluation-state.ts';
import { EvaluationTable } from './evaluation-table.tsx';

/** Best trials listed: the study keeps this many models by default, and a few more show which lost theirs. */
const SHOWN = 5;

/**
 * The study's best complete trials by its first objective, their saved models and their `test_*` figures, with
 * "Evaluate on test". Follows the study's events: a trial that finished (the best may change) or whose evaluation
 * moved (`TRIAL_UPDATED`) reads the list again, at most once a second.
 */
export function BestModelsPanel({
  studyId,
  objective,
  readOnly,
}: {
  studyId: string;
  objective: { name: string; direction: string };
  readOnly: boolean;
}) {
  const [version, setVersion] = useState(0);
  const handle = useMemo(
    () => (_previous: unknown, event: { studyEvents: { kind: string } }) => {
      if (event.studyEvents.kind === 'TRIAL_UPDATED' || event.studyEvents.kind === 'TRIAL_FINISHED' || event.studyEvents.kind === 'SYNC') setVersion((v) => v + 1);
      return event;
    },
    [],
  );
  // A study that is not a template has no models to evaluate: once that is known, stop listening and reading.
  const [notTemplate, setNotTemplate] = useState(false);
  useSubscription({ query: EvaluationEventsSubscription, variables: { studyId }, pause: notTemplate }, handle);
  const variables = useMemo(
    () => ({
      id: studyId,
      first: SHOWN,
      orderBy: { field: 'VALUE' as const, direction: objective.direction === 'MAXIMIZE' ? ('DESC' as const) : ('ASC' as const), valueIndex: 0 },
    }),
    [studyId, objective.direction],
  );
  const result = useFollowingQuery(StudyBestModelsQuery, variables, version, 1_000, notTemplate);
  const trials = result.data?.study?.trials.nodes ?? [];
  // Only template studies save models that the runner can evaluate; a command's files are its own.
  const objectiveSpec = result.data?.study?.objective;
  const isTemplate = objectiveSpec === undefined || isTemplateStudy(objectiveSpec);
  useEffect(() => setNotTemplate(!isTemplate), [isTemplate]);
  if (!isTemplate) return null;
  return (
    <Panel title="Best models on the test split" minHeight={80} loading={result.fetching && !result.data} error={result.error ?? undefined}>
      <p className="muted">
        The study selects on validation figures only. Evaluate a kept model on the held-out test split to report its test figures; the{' '}
        {result.data?.study?.keepModels ?? 3} best trials keep their models.
      </p>
      {readOnly && <p className="muted">{READ_ONLY_REASON}</p>}
      {trials.length === 0 ? (
        <p className="muted">No complete trial yet.</p>
      ) : (
        <EvaluationTable
          trials={trials}
          objectiveName={objective.name}
          readOnlyReason={readOnly ? READ_ONLY_REASON : null}
          onQueued={() => setVersion((v) => v + 1)}
          testId="best-models"
        />
      )}
    </Panel>
  );
}
