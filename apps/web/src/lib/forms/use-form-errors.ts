'use client';

import { useEffect, useRef, useState } from 'react';
import type { FieldErrors, UserErrorLike } from '@/lib/user-errors';
import { payloadErrors } from './payload-errors.ts';

/**
 * A form's errors by field, shared by every form: `check(result, payload)` takes a mutation's answer and keeps
 * its errors (true when there were none); new errors move focus to the first field marked invalid, in the order
 * the form shows them. Give the `<form>` the returned `ref`.
 */
export function useFormErrors() {
  const ref = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});

  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  function check(
    result: Parameters<typeof payloadErrors>[0],
    payload: { userErrors: readonly UserErrorLike[] } | null | undefined,
  ): boolean {
    const found = payloadErrors(result, payload);
    setErrors(found ?? {});
    return found === undefined;
  }

  return { ref, errors, setErrors, check };
}
