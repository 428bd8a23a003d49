'use client';

import { KEEP_MODELS_BOUNDS, builtinDatasetNames, templateNames, templateObjectiveMetrics } from '@tuneboard/contract';
import Link from 'next/link';
import { useId } from 'react';
import { FieldError } from '@/components/field-error';
import type { Direction } from '@/gql/graphql';
import type { BudgetFields } from '@/lib/form-numbers';
import type { ObjectiveFunction, ObjectiveRow } from '@/lib/new-study-state';
import { errorsFor, labelledMessage, type FieldErrors } from '@/lib/user-errors';

// Templates, datasets and template metrics are the study contract's: the ones a runner can run.
const templates = templateNames;
const datasets = builtinDatasetNames;

export type { ObjectiveFunction, ObjectiveRow } from '@/lib/new-study-state';

/** The metrics to optimise, each minimised or maximised. */
export function ObjectivesSection({
  objectives,
  onChange,
  errors,
}: {
  objectives: ObjectiveRow[];
  onChange: (next: ObjectiveRow[]) => void;
  errors: FieldErrors;
}) {
  const id = useId();
  return (
    <fieldset>
      <legend>Objectives</legend>
      {objectives.map((objective, i) => {
        const messages = errorsFor(errors, `objectives.${i}`);
        const describedBy = `${id}-objective-${i}`;
        const update = (patch: Partial<ObjectiveRow>) =>
          onChange(objectives.map((o, j) => (j === i ? { ...o, ...patch } : o)));
        return (
          <div className="form-row" key={i} style={{ marginBottom: '0.5rem' }}>
            <label>
              Objective {i + 1} name
              <input
                required
                list={`${id}-metrics`}
                value={objective.name}
                onChange={(e) => update({ name: e.target.value })}
                aria-invalid={messages.length > 0 || undefined}
                aria-describedby={describedBy}
              />
              <FieldError id={describedBy} messages={messages} />
            </label>
            <label>
              Objective {i + 1} direction
              <select
                value={objective.direction}
                onChange={(e) => update({ direction: e.target.value as Direction })}
              >
                <option value="MINIMIZE">minimise</option>
                <option value="MAXIMIZE">maximise</option>
              </select>
            </label>
            {objectives.length > 1 && (
              <button
                type="button"
                className="button-secondary"
                onClick={() => onChange(objectives.filter((_, j) => j !== i))}
              >
                Remove objective {i + 1}
              </button>
            )}
          </div>
        );
      })}
      <datalist id={`${id}-metrics`}>
        {templateObjectiveMetrics.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
      <FieldError messages={errors.objectives} />
      {objectives.length < 8 && (
        <button
          type="button"
          className="button-secondary"
          onClick={() => onChange([...objectives, { name: '', direction: 'MINIMIZE' }])}
        >
          Add objective
        </button>
      )}
    </fieldset>
  );
}

/** Trials in all, at once, and attempts per trial, as typed (checked by `checkBudget` before sending). */
export function BudgetSection({
  budget,
  onChange,
  errors,
}: {
  budget: BudgetFields;
  onChange: (next: BudgetFields) => void;
  errors: FieldErrors;
}) {
  const id = useId();
  const fields = [
    ['maxTrials', 'Max trials', 'empty for no limit'],
    ['maxParallel', 'Max parallel', 'pending or running at once'],
    ['maxFailures', 'Max failures', 'attempts per trial'],
  ] as const;
  return (
    <fieldset>
      <legend>Budget</legend>
      {/* Columns of their own: a message under one field wraps inside it, and the row keeps its layout. */}
      <div
        className="form-row"
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(11rem, 16rem))', alignItems: 'start' }}
      >
        {fields.map(([key, label, help]) => {
          const messages = errorsFor(errors, `budget.${key}`).map((m) => labelledMessage(m, key, label));
          return (
            <label key={key}>
              {label}
              <input
                aria-label={label}
                inputMode="numeric"
                size={8}
                value={budget[key]}
                onChange={(e) => onChange({ ...budget, [key]: e.target.value })}
                aria-invalid={messages.length > 0 || undefined}
                aria-describedby={`${id}-${key}`}
              />
              <span className="muted" style={{ fontWeight: 400, fontSize: '0.8rem' }}>
                {help}
              </span>
              <FieldError id={`${id}-${key}`} messages={messages} />
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}


/** What a runner executes per trial: a model template on a dataset, or a command. */
export function ObjectiveFunctionSection({
  value,
  onChange,
  errors,
}: {
  value: ObjectiveFunction;
  onChange: (next: ObjectiveFunction) => void;
  errors: FieldErrors;
}) {
  const id = useId();
  const messages = errorsFor(errors, 'objective');
  const keepMessages = errorsFor(errors, 'keepModels').map((m) => labelledMessage(m, 'keepModels', 'Keep best models'));
  const set = (patch: Partial<ObjectiveFunction>) => onChange({ ...value, ...patch });
  return (
    <fieldset>
      <legend>Objective function</legend>
      <div className="form-row" role="radiogroup" aria-label="Objective kind">
        <label className="inline">
          <input
            type="radio"
            name={`${id}-objective`}
            checked={value.kind === 'template'}
            onChange={() => set({ kind: 'template' })}
          />
          Model template and dataset
        </label>
        <label className="inline">
          <input
            type="radio"
            name={`${id}-objective`}
            checked={value.kind === 'command'}
            onChange={() => set({ kind: 'command' })}
          />
          Command
        </label>
      </div>
      {value.kind === 'template' ? (
        <div className="form-row">
          <label>
            Template
            <select value={value.template} onChange={(e) => set({ template: e.target.value })}>
              {templates.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </label>
          <label>
            Dataset
            <select value={value.dataset} onChange={(e) => set({ dataset: e.target.value })}>
              {datasets.map((d) => (
                <option key={d}>{d}</option>
              ))}
            </select>
          </label>
          <label>
            Keep best models
            <input
              type="number"
              inputMode="numeric"
              min={KEEP_MODELS_BOUNDS.min}
              max={KEEP_MODELS_BOUNDS.max}
              value={value.keepModels}
              onChange={(e) => set({ keepModels: e.target.value })}
              aria-invalid={keepMessages.length > 0 || undefined}
              aria-describedby={`${id}-keep-models-errors`}
            />
            <span className="muted">the saved models of this many best trials are kept, to download or evaluate on the test split</span>
            <FieldError id={`${id}-keep-models-errors`} messages={keepMessages} />
          </label>
        </div>
      ) : (
        <>
          <div className="form-row">
            <label style={{ flex: 2 }}>
              Command
              <input
                value={value.command}
                placeholder="python train.py"
                onChange={(e) => set({ command: e.target.value })}
                aria-invalid={messages.length > 0 || undefined}
                aria-describedby={`${id}-objective-errors`}
              />
            </label>
            <label style={{ flex: 1 }}>
              Working directory
              <input value={value.cwd} onChange={(e) => set({ cwd: e.target.value })} />
            </label>
          </div>
          <p className="muted">
            Runs only on runners started with <code>--allow-commands</code> (see{' '}
            <Link href="/runners">Runners</Link>).
          </p>
        </>
      )}
      <FieldError id={`${id}-objective-errors`} messages={messages} />
    </fieldset>
  );
}
