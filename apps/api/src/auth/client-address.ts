import type http from 'node:http';
import type { ApiEnv } from '../env.ts';

/**
 * The client's address for sign-in limits. Behind a reverse proxy every socket comes from the proxy, so with
 * `TUNEBOARD_TRUSTED_PROXY_HEADER` set the address is read from that header instead: the entry
 * `TUNEBOARD_TRUSTED_PROXY_HOPS` from its right end (entries further left were written by the client and are not
 * trusted). Without the header (a request that bypassed the proxy) it is the socket's address.
 */
export function clientAddressOf(
  request: Pick<http.IncomingMessage, 'headers' | 'socket'>,
  env: Pick<ApiEnv, 'TUNEBOARD_TRUSTED_PROXY_HEADER' | 'TUNEBOARD_TRUSTED_PROXY_HOPS'>,
): string {
  const socket = request.socket.remoteAddress ?? 'unknown';
  const name = env.TUNEBOARD_TRUSTED_PROXY_HEADER;
  if (!name) return socket;
  const value = request.headers[name];
  const entries = (Array.isArray(value) ? value.join(',') : (value ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return socket;
  return (entries[entries.length - env.TUNEBOARD_TRUSTED_PROXY_HOPS] ?? entries[0]!).slice(0, 100);
}
