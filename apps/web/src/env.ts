import { readEnv } from '@tuneboard/contract/env';
import { z } from 'zod';

/**
 * The dashboard's settings, read once. The browser talks to the dashboard's own origin: `/graphql` is
 * forwarded to the API by the route handler in src/app/graphql (so the session cookie is first-party), and live
 * panels open a WebSocket to the API directly (a route handler cannot upgrade a connection). Read when the
 * server starts, not at build time: one build serves any API address.
 */
const schema = z.object({
  /** Where the dashboard's server reaches the API (HTTP). */
  TUNEBOARD_API_URL: z.url().default('http://127.0.0.1:4000/graphql'),
  /** The WebSocket address browsers use for live updates; defaults to the API URL with ws(s)://. */
  TUNEBOARD_API_WS_URL: z.url().optional(),
});

const parsed = readEnv(schema, process.env);

export const env = {
  apiUrl: parsed.TUNEBOARD_API_URL,
  apiWsUrl: parsed.TUNEBOARD_API_WS_URL ?? parsed.TUNEBOARD_API_URL.replace(/^http/, 'ws'),
};
