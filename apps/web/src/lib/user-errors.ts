/** A mutation's business error as the API returns it. */
export interface UserErrorLike {
  field: readonly string[];
  message: string;
  code: string;
}

/** Field errors by dotted path without the leading `input` (`space.lr.low`); `''` holds the form-wide ones. */
export type FieldErrors = Record<string, string[]>;

export function fieldKey(field: readonly string[]): string {
  const rest = field[0] === 'input' ? field.slice(1) : field;
  return rest.join('.');
}

/** Groups userErrors by the field they name, so each message can sit next to its input. */
export function groupUserErrors(errors: readonly UserErrorLike[]): FieldErrors {
  const grouped: FieldErrors = {};
  for (const error of errors) {
    const key = fieldKey(error.field);
    (grouped[key] ??= []).push(error.message);
  }
  return grouped;
}

/**
 * Messages for one input: the field itself and everything below it (`space` also shows `space.lr.low`), so a
 * form that edits a whole document in one textarea still shows what is wrong inside it.
 */
export function errorsFor(errors: FieldErrors, key: string): string[] {
  const out: string[] = [];
  for (const [path, messages] of Object.entries(errors)) {
    if (path === key || path.startsWith(`${key}.`)) out.push(...messages);
  }
  return out;
}

/**
 * A message as the form shows it under the field labelled `label`: a leading `key` (the field's name in the API
 * and the form's checks, as in `maxTrials must be a whole number…`) reads as the label (`Max trials must be…`);
 * the rest of the message stays as it is.
 */
export function labelledMessage(message: string, key: string, label: string): string {
  return message.startsWith(`${key} `) ? `${label}${message.slice(key.length)}` : message;
}

/** A message without the code quotes the API puts around a rule: `` `low <= high` must hold `` reads "low <= high must hold". */
export function plainMessage(message: string): string {
  return message.replaceAll('`', '');
}

/** Messages no input of the form claims: shown at the top of the form. */
export function unclaimedErrors(errors: FieldErrors, claimed: readonly string[]): string[] {
  const out: string[] = [];
  for (const [path, messages] of Object.entries(errors)) {
    const isClaimed = claimed.some((key) => path === key || path.startsWith(`${key}.`));
    if (!isClaimed) out.push(...messages);
  }
  return out;
}
