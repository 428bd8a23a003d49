import { readableError } from '../graphql/errors.ts';
import { groupUserErrors, type FieldErrors, type UserErrorLike } from '../user-errors.ts';

/**
 * What a mutation's answer says went wrong, keyed by field: the request's own error on `''` (the form's top), or
 * the payload's userErrors each on its field; undefined when nothing did.
 */
export function payloadErrors(
  result: { error?: Parameters<typeof readableError>[0] | undefined },
  payload: { userErrors: readonly UserErrorLike[] } | null | undefined,
): FieldErrors | undefined {
  if (result.error) return { '': [readableError(result.error)] };
  if (payload?.userErrors.length) return groupUserErrors(payload.userErrors);
  return undefined;
}

/**
 * The same for an action without fields (a button: accept, revoke, change a role): every message as it came, the
 * request's error or the payload's userErrors; empty when all went well.
 */
export function payloadMessages(
  result: { error?: Parameters<typeof readableError>[0] | undefined },
  payload: { userErrors: readonly UserErrorLike[] } | null | undefined,
): string[] {
  return Object.values(payloadErrors(result, payload) ?? {}).flat();
}
