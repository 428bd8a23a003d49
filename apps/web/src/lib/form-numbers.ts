import { BUDGET_BOUNDS, BUDGET_FIELDS } from '@tuneboard/contract';

/** What a number field of a form holds: its value (`null` when left empty), or why it cannot be sent. */
export type WholeNumber = { value: number | null; error?: undefined } | { value?: undefined; error: string };

/**
 * A whole number typed into a form field. Empty is `null` (the field's default, or "none"); anything else must be a
 * whole number from `min` to `max`. `Number("ten")` is NaN, which JSON sends as `null`: without this check a
 * mistyped expiry or budget silently became "never" or "no limit".
 */
export function wholeNumber(field: string, text: string, min: number, max: number): WholeNumber {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null };
  const value = /^[+-]?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    return { error: `${field} must be a whole number from ${min} to ${max}, got ${JSON.stringify(text)}` };
  }
  return { value };
}

/** A study's budget as typed into the new-study form. */
export interface BudgetFields {
  maxTrials: string;
  maxParallel: string;
  maxFailures: string;
}

// The contract's bounds on each budget field (the API applies the same); empty sends null: no limit, or the default.

/** The budget to send, or an error on each field that is not a whole number in its bounds (all at once). */
export function checkBudget(fields: BudgetFields): {
  budget: Record<keyof BudgetFields, number | null>;
  errors: Record<string, string[]>;
} {
  const budget = { maxTrials: null, maxParallel: null, maxFailures: null } as Record<
    keyof BudgetFields,
    number | null
  >;
  const errors: Record<string, string[]> = {};
  for (const key of BUDGET_FIELDS) {
    const { min, max } = BUDGET_BOUNDS[key];
    const parsed = wholeNumber(key, fields[key], min, max);
    if (parsed.error !== undefined) errors[`budget.${key}`] = [parsed.error];
    else budget[key] = parsed.value;
  }
  return { budget, errors };
}
