'use client';

import { useId } from 'react';
import { FieldError } from '@/components/field-error';
import { kindSpec, type KindSpec, type OptionValues } from '@tuneboard/contract';
import { errorsFor, unclaimedErrors, type FieldErrors } from '@/lib/user-errors';

/** A sampler's or pruner's kind and its options, each with its help and errors. */
export function KindOptions({
  legend,
  kinds,
  kind,
  onKind,
  values,
  onValues,
  errors,
  errorKey,
}: {
  legend: string;
  kinds: readonly KindSpec[];
  kind: string;
  onKind: (kind: string) => void;
  values: OptionValues;
  onValues: (values: OptionValues) => void;
  errors: FieldErrors;
  errorKey: string;
}) {
  const id = useId();
  const spec = kindSpec(kinds, kind);
  const kindErrors = errorsFor(errors, `${errorKey}.kind`);
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="form-row">
        <label>
          {legend} kind
          <select
            value={kind}
            onChange={(e) => onKind(e.target.value)}
            aria-invalid={kindErrors.length > 0 || undefined}
          >
            {kinds.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
          <FieldError messages={kindErrors} />
        </label>
        {spec.options.map((option) => {
          const messages = errorsFor(errors, `${errorKey}.${option.name}`);
          const value = values[option.name] ?? '';
          const set = (v: string) => onValues({ ...values, [option.name]: v });
          return (
            // Named "<Sampler|Pruner> <option>" so the input's name is not mixed with its help and errors.
            <label key={option.name} title={option.help}>
              {option.name}
              {option.type === 'boolean' || option.type === 'choice' ? (
                <select
                  value={value}
                  onChange={(e) => set(e.target.value)}
                  aria-label={`${legend} ${option.name}`}
                  aria-describedby={`${id}-${option.name}-help ${id}-${option.name}`}
                >
                  <option value="">default</option>
                  {(option.type === 'boolean' ? ['true', 'false'] : (option.choices ?? [])).map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  inputMode={option.type === 'int' ? 'numeric' : 'decimal'}
                  value={value}
                  placeholder="default"
                  size={8}
                  onChange={(e) => set(e.target.value)}
                  aria-invalid={messages.length > 0 || undefined}
                  aria-label={`${legend} ${option.name}`}
                  aria-describedby={`${id}-${option.name}-help ${id}-${option.name}`}
                />
              )}
              <span
                id={`${id}-${option.name}-help`}
                className="muted"
                style={{ fontWeight: 400, fontSize: '0.8rem' }}
              >
                {option.help}
              </span>
              <FieldError id={`${id}-${option.name}`} messages={messages} />
            </label>
          );
        })}
      </div>
      <FieldError
        messages={unclaimedErrors(
          Object.fromEntries(
            Object.entries(errors).filter(([k]) => k === errorKey || k.startsWith(`${errorKey}.`)),
          ),
          [`${errorKey}.kind`, ...spec.options.map((o) => `${errorKey}.${o.name}`)],
        )}
      />
    </fieldset>
  );
}
