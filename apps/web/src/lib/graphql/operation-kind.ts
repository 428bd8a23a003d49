import { Kind, parse } from 'graphql';

export interface PickedOperation {
  /** The operation name to send: the one asked for when the document has it, else none. */
  operationName: string | undefined;
  /** True when the operation is a subscription (those go over WebSocket). */
  subscription: boolean;
}

/**
 * Which operation GraphiQL is about to run and over which transport. With several operations in the
 * editor `operationName` picks one; a stale name (the editor's text was replaced) is dropped when the
 * document holds a single operation. Text that does not parse goes over HTTP so the API explains it.
 */
export function pickOperation(query: string, operationName?: string | null): PickedOperation {
  let document;
  try {
    document = parse(query);
  } catch {
    return { operationName: operationName ?? undefined, subscription: false };
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const named = operationName ? operations.find((o) => o.name?.value === operationName) : undefined;
  const chosen = named ?? (operations.length === 1 ? operations[0] : undefined);
  return {
    operationName: named ? (operationName ?? undefined) : chosen?.name?.value,
    subscription: chosen?.operation === 'subscription',
  };
}

export function isSubscription(query: string, operationName?: string | null): boolean {
  return pickOperation(query, operationName).subscription;
}
