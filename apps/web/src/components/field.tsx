'use client';

import { useId, type ChangeEvent, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { FieldError } from '@/components/field-error';
import { errorsFor, labelledMessage, type FieldErrors } from '@/lib/user-errors';

interface FieldProps {
  label: string;
  name: string;
  errors: FieldErrors;
  value?: string;
  onValue?: (value: string) => void;
}

/**
 * The label and errors around one control: `errors[name]` (and anything below it) marks the control invalid and
 * is linked to it with aria-describedby, so a screen reader reads the message with the field. A message that
 * starts with the field's key names it by its label.
 */
function Labelled({
  label,
  name,
  errors,
  control,
}: Pick<FieldProps, 'label' | 'name' | 'errors'> & {
  control: (aria: { 'aria-invalid': true | undefined; 'aria-describedby': string }) => ReactNode;
}) {
  const id = useId();
  const key = name.split('.').at(-1) ?? name;
  const messages = errorsFor(errors, name).map((message) => labelledMessage(message, key, label));
  return (
    <label>
      {label}
      {control({ 'aria-invalid': messages.length > 0 || undefined, 'aria-describedby': `${id}-errors` })}
      <FieldError id={`${id}-errors`} messages={messages} />
    </label>
  );
}

/** `value`/`onChange` for a controlled field; nothing for an uncontrolled one. */
function controlled<E extends HTMLInputElement | HTMLTextAreaElement>(value: string | undefined, onValue: ((value: string) => void) | undefined) {
  return onValue ? { value, onChange: (e: ChangeEvent<E>) => onValue(e.target.value) } : {};
}

/**
 * A labelled input with its errors beside it (see `Labelled`). Controlled with `value` and `onValue`; without
 * them the browser keeps the value and the form reads it on submit (FormData), which keeps what was typed
 * before the page was hydrated.
 */
export function Field({
  label,
  name,
  errors,
  value,
  onValue,
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'defaultValue' | 'onChange' | 'name'>) {
  return (
    <Labelled
      label={label}
      name={name}
      errors={errors}
      control={(aria) => <input {...input} name={name} {...controlled<HTMLInputElement>(value, onValue)} {...aria} />}
    />
  );
}

/** `Field` as a textarea: a longer text (a note, a JSON document). */
export function TextAreaField({
  label,
  name,
  errors,
  value,
  onValue,
  ...textarea
}: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'defaultValue' | 'onChange' | 'name'>) {
  return (
    <Labelled
      label={label}
      name={name}
      errors={errors}
      control={(aria) => <textarea {...textarea} name={name} {...controlled<HTMLTextAreaElement>(value, onValue)} {...aria} />}
    />
  );
}
