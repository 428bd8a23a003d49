import { Kind, parse } from 'graphql';

/**
 * True when the operation GraphiQL is about to run is a subscription (those go over WebSocket). With
 * several operations in the editor, `operationName` picks one; text that does not parse goes over HTTP so
 * the API's own error comes back.
 */
export function isSubscription(query: string, operationName?: string | null): boolean {
  let document;
  try {
    document = parse(query);
  } catch {
    return false;
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const chosen = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  return chosen?.operation === 'subscription';
}
