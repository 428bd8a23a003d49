// The runner's network thread: makes the GraphQL requests the training thread posts to it, with the same
// node:http client the runner uses in-thread (agent/graphql-client.ts), and posts back the data or the error.
import { parentPort, workerData } from 'node:worker_threads';
import { ApiError, TransientApiError, createGraphQLClient, errorMessage } from '../agent/graphql-client.ts';
import type { FromNetwork, NetworkThreadData, ToNetwork, WireError } from './protocol.ts';

const port = parentPort!;
const request = createGraphQLClient(workerData as NetworkThreadData);
const inFlight = new Map<number, AbortController>();

function wireError(error: unknown): WireError {
  if (error instanceof TransientApiError) return { kind: 'transient', message: error.message };
  if (error instanceof ApiError) return { kind: 'api', message: error.message, ...(error.code === undefined ? {} : { code: error.code }) };
  return { kind: 'other', message: errorMessage(error) };
}

port.on('message', (message: ToNetwork) => {
  if (message.type === 'cancel') {
    inFlight.get(message.id)?.abort();
    return;
  }
  const controller = new AbortController();
  inFlight.set(message.id, controller);
  request(message.query, message.variables, controller.signal).then(
    (data) => port.postMessage({ type: 'reply', id: message.id, data } satisfies FromNetwork),
    (error: unknown) => port.postMessage({ type: 'error', id: message.id, error: wireError(error) } satisfies FromNetwork),
  ).finally(() => inFlight.delete(message.id));
});
