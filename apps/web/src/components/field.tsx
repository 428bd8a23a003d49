'use client';

import { useId, type InputHTMLAttributes } from 'react';
import { FieldError } from '@/components/field-error';
import { errorsFor, type FieldErrors } from '@/lib/user-errors';

/**
 * A labelled input with its errors beside it: `errors[name]` (and anything below it) marks the input invalid and
 * is linked to it with aria-describedby, so a screen reader reads the message with the field.
 */
export function Field({
  label,
  name,
  errors,
  value,
  onValue,
  ...input
}: {
  label: string;
  name: string;
  errors: FieldErrors;
  value: string;
  onValue: (value: string) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'name'>) {
  const id = useId();
  const messages = errorsFor(errors, name);
  return (
    <label>
      {label}
      <input
        {...input}
        name={name}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={`${id}-errors`}
      />
      <FieldError id={`${id}-errors`} messages={messages} />
    </label>
  );
}
