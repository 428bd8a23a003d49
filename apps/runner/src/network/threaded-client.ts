import { Worker } from 'node:worker_threads';
import { ApiError, TransientApiError } from '../agent/graphql-client.ts';
import type { GraphQLClientOptions, Request } from '../agent/graphql-client.ts';
import type { FromNetwork, NetworkThreadData, ToNetwork, WireError } from './protocol.ts';

export interface ThreadedClient {
  request: Request;
  /** Stops the network thread; requests still in flight fail as transient (the runner is exiting). */
  close(): Promise<void>;
}

interface Pending {
  resolve(data: unknown): void;
  reject(error: Error): void;
}

function errorOf(error: WireError): Error {
  if (error.kind === 'transient') return new TransientApiError(error.message);
  if (error.kind === 'api') return new ApiError(error.message, error.code);
  return new Error(error.message);
}

/**
 * The runner's GraphQL client with its HTTP on a network thread: the training thread only posts a message and
 * receives one. An exchange over node:http takes two event-loop turns of ~0.5–1.5 ms each on a thread that is
 * busy training (sockets, HTTP parsing, JSON of the reply); these turns now run beside the training, on
 * another core. Same contract as `createGraphQLClient`: TransientApiError, ApiError, or the data.
 */
export function createThreadedGraphQLClient(options: GraphQLClientOptions): ThreadedClient {
  const worker = new Worker(new URL('./thread.mjs', import.meta.url), { workerData: options satisfies NetworkThreadData });
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let failure: Error | undefined;
  // Idle, the thread does not keep the process alive; a request in flight does, as a socket would.
  worker.unref();
  const settle = (id: number): Pending | undefined => {
    const entry = pending.get(id);
    pending.delete(id);
    if (pending.size === 0) worker.unref();
    return entry;
  };
  worker.on('message', (message: FromNetwork) => {
    const entry = settle(message.id);
    if (message.type === 'reply') entry?.resolve(message.data);
    else entry?.reject(errorOf(message.error));
  });
  const failAll = (error: Error) => {
    failure = error;
    for (const id of [...pending.keys()]) settle(id)?.reject(error);
  };
  worker.on('error', (error) => failAll(new TransientApiError(`the runner's network thread failed: ${error.message}`)));
  worker.on('exit', () => failAll(new TransientApiError(`cannot reach the API at ${options.url}: the runner's network thread stopped`)));

  const request = <T>(query: string, variables?: Record<string, unknown>, signal?: AbortSignal): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (failure) return reject(failure);
      const aborted = () => new TransientApiError(`cannot reach the API at ${options.url}: ABORTED`);
      if (signal?.aborted) return reject(aborted());
      const id = nextId++;
      const onAbort = () => {
        if (!pending.has(id)) return;
        settle(id);
        worker.postMessage({ type: 'cancel', id } satisfies ToNetwork);
        reject(aborted());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      pending.set(id, {
        resolve: (data) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(data as T);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      });
      worker.ref();
      worker.postMessage({ type: 'request', id, query, variables } satisfies ToNetwork);
    });

  return {
    request,
    close: async () => {
      await worker.terminate();
    },
  };
}
