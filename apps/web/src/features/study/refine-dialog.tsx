'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { brushToRanges, type Brush, type ChartParam } from '@/charts';
import { formatMetric } from '@/lib/format';
import { RefinementPreviewQuery, StudyRefineMutation } from './documents.ts';
import type { StudyPageQuery } from '@/gql/graphql';
import styles from './study.module.css';
import { Field, TextAreaField } from '@/components/field';
import { FieldError } from '@/components/field-error';
import { readableError } from '@/lib/graphql/errors';
import { useFormErrors } from '@/lib/forms/use-form-errors';
import { unclaimedErrors } from '@/lib/user-errors';


const SAMPLERS = ['tpe', 'random', 'qmc', 'gp', 'cmaes', 'nsga2', 'auto'] as const;
/** Typing in the ranges editor re-runs the preview once the text has settled. */
const PREVIEW_DEBOUNCE_MS = 300;

type Source = 'brush' | 'suggest';

function parseRanges(text: string): { ranges: Record<string, unknown> | null; error: string | null } {
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      return { ranges: null, error: `ranges must be a JSON object like {"lr": [0.001, 0.01]}, got ${text.slice(0, 60)}` };
    }
    return { ranges: value as Record<string, unknown>, error: null };
  } catch (error) {
    return { ranges: null, error: `ranges is not valid JSON: ${(error as Error).message}` };
  }
}

export function RefineDialog({
  study,
  params,
  brush,
  onClose,
  onLaunched,
}: {
  study: NonNullable<StudyPageQuery['study']>;
  params: readonly ChartParam[];
  brush: Brush;
  onClose: () => void;
  onLaunched: (childId: string) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const brushRanges = useMemo(() => brushToRanges(brush, params), [brush, params]);
  const hasBrush = Object.keys(brushRanges).length > 0;
  const [source, setSource] = useState<Source>(hasBrush ? 'brush' : 'suggest');
  const [topPercent, setTopPercent] = useState(20);
  const [rangesText, setRangesText] = useState(() => JSON.stringify(brushRanges, null, 2));
  const [debouncedText, setDebouncedText] = useState(rangesText);
  const [name, setName] = useState(`${study.name} (refined)`);
  const samplerKind = (study.sampler as { kind?: string } | null)?.kind ?? 'auto';
  const [sampler, setSampler] = useState<string>(samplerKind);
  const [maxTrials, setMaxTrials] = useState(String(study.budget.maxTrials ?? ''));
  const [maxParallel, setMaxParallel] = useState(String(study.budget.maxParallel));
  const [inherit, setInherit] = useState(true);
  const form = useFormErrors();
  const [refine, runRefine] = useMutation(StudyRefineMutation);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  useEffect(() => {
    const timer = setTimeout(() => setDebouncedText(rangesText), PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [rangesText]);

  const parsed = useMemo(() => parseRanges(debouncedText), [debouncedText]);
  const topFraction = topPercent / 100;
  const variables =
    source === 'brush'
      ? { id: study.id, ranges: parsed.ranges ?? {}, topFraction: null }
      : { id: study.id, ranges: null, topFraction };
  const [preview] = useQuery({
    query: RefinementPreviewQuery,
    variables,
    pause: source === 'brush' && parsed.ranges === null,
    requestPolicy: 'network-only',
  });
  const result = preview.data?.study?.refinementPreview;
  const inherited = result?.space != null ? result.insideCount : 0;

  // "Suggest" fills the editor with the proposal so it can be edited and launched as brushed ranges.
  function editSuggestion() {
    if (!result?.ranges) return;
    const text = JSON.stringify(result.ranges, null, 2);
    setRangesText(text);
    setDebouncedText(text);
    setSource('brush');
  }

  async function launch(event: React.FormEvent) {
    event.preventDefault();
    form.setErrors({});
    if (source === 'brush' && parsed.error) return form.setErrors({ ranges: [parsed.error] });
    const trials = maxTrials.trim() === '' ? null : Number(maxTrials);
    const parallel = Number(maxParallel);
    if (trials !== null && !(Number.isInteger(trials) && trials > 0)) {
      return form.setErrors({ 'budget.maxTrials': [`Budget (trials) must be a positive whole number, got "${maxTrials}"`] });
    }
    if (trials !== null && inherit && trials <= inherited) {
      // The API refuses it too: with no room left the child would end at once without a trial of its own.
      return form.setErrors({
        'budget.maxTrials': [`Budget (trials) must be more than the ${inherited} inherited trials (they count toward the budget), got ${trials}`],
      });
    }
    if (!(Number.isInteger(parallel) && parallel > 0)) {
      return form.setErrors({ 'budget.maxParallel': [`Parallel trials must be a positive whole number, got "${maxParallel}"`] });
    }
    const samplerJson = sampler === samplerKind ? study.sampler : { kind: sampler };
    const response = await runRefine({
      input: {
        studyId: study.id,
        name: name.trim(),
        ...(source === 'brush' ? { ranges: parsed.ranges } : { topQuantile: topFraction }),
        inheritTrials: inherit,
        sampler: samplerJson,
        budget: { maxTrials: trials, maxParallel: parallel },
      },
    });
    const payload = response.data?.studyRefine;
    if (form.check(response, payload) && payload?.study) onLaunched(payload.study.id);
  }

  // The ranges' own error shows while they are typed, not only at launch.
  const errors = source === 'brush' && parsed.error ? { ...form.errors, ranges: [parsed.error] } : form.errors;

  return (
    <dialog ref={dialog} className={styles.dialog} aria-labelledby="refine-title" onClose={onClose}>
      <form ref={form.ref} onSubmit={(e) => void launch(e)} className="form">
        <h2 id="refine-title">Refine {study.name}</h2>
        <div className={styles.dialogGrid}>
          <fieldset>
            <legend>Narrower space</legend>
            <label className="inline">
              <input type="radio" name="refine-source" checked={source === 'brush'} onChange={() => setSource('brush')} /> From the
              ranges below{hasBrush ? ' (brushed)' : ''}
            </label>
            <label className="inline" style={{ flexWrap: 'wrap' }}>
              <input type="radio" name="refine-source" checked={source === 'suggest'} onChange={() => setSource('suggest')} /> Suggest
              from the best{' '}
              <input
                type="number"
                aria-label="Best percent of trials"
                min={1}
                max={100}
                value={topPercent}
                onChange={(e) => setTopPercent(Math.min(100, Math.max(1, Number(e.target.value) || 1)))}
                style={{ width: '4.5rem' }}
              />
              %
            </label>
            {source === 'suggest' && result?.ranges != null && (
              <button type="button" className="button button-secondary" onClick={editSuggestion}>
                Edit this suggestion
              </button>
            )}
            <TextAreaField
              label="Ranges (JSON: numbers as [low, high], choices as a list)"
              name="ranges"
              rows={8}
              disabled={source !== 'brush'}
              errors={errors}
              value={rangesText}
              onValue={setRangesText}
            />
          </fieldset>
          <div aria-live="polite">
            <h3>Preview</h3>
            {preview.error && <p className="error-text">{readableError(preview.error)}</p>}
            {result?.userErrors.map((e) => (
              <p key={e.message} className="field-error">
                {e.field.join('.')}: {e.message}
              </p>
            ))}
            {result && result.space != null && (
              <>
                <p data-testid="refine-inside">
                  <strong>{result.insideCount}</strong> of {result.completeCount} complete trials inside; best value inside:{' '}
                  <strong>{formatMetric(result.bestValue)}</strong>
                  {result.bestTrial && ` (#${result.bestTrial.number})`}
                </p>
                <pre className={styles.preview}>{JSON.stringify(result.space, null, 2)}</pre>
              </>
            )}
            {preview.fetching && !result && <p className="muted">Computing…</p>}
          </div>
        </div>
        <div className="form-row">
          <Field label="Name" name="name" required errors={errors} value={name} onValue={setName} />
          <label>
            Sampler{' '}
            <select value={sampler} onChange={(e) => setSampler(e.target.value)}>
              {[samplerKind, ...SAMPLERS.filter((s) => s !== samplerKind)].map((s) => (
                <option key={s} value={s}>
                  {s === samplerKind ? `${s} (as the parent)` : s}
                </option>
              ))}
            </select>
          </label>
          <Field label="Budget (trials)" name="budget.maxTrials" type="number" min={1} errors={errors} value={maxTrials} onValue={setMaxTrials} />
          <Field label="Parallel" name="budget.maxParallel" type="number" min={1} errors={errors} value={maxParallel} onValue={setMaxParallel} />
          <label className="inline">
            <input type="checkbox" checked={inherit} onChange={(e) => setInherit(e.target.checked)} /> Inherit trials inside
            {inherit && inherited > 0 && <span className="muted">({inherited}, counted in the budget)</span>}
          </label>
        </div>
        <FieldError messages={unclaimedErrors(errors, ['ranges', 'name', 'budget'])} />
        <div className={styles.dialogActions}>
          <button type="button" className="button button-secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="button" disabled={refine.fetching}>
            Launch refinement
          </button>
        </div>
      </form>
    </dialog>
  );
}
