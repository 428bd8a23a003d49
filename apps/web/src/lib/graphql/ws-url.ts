const loopback = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * The WebSocket address as the browser should dial it. The session cookie belongs to the host the page was
 * loaded from (cookies ignore ports but not host names), so when both the API and the page are on this
 * machine, `ws://127.0.0.1:4000` seen from `http://localhost:3000` is dialled as `ws://localhost:4000`;
 * otherwise the subscription would arrive without the cookie and be refused.
 */
export function browserWsUrl(wsUrl: string, pageHostname: string): string {
  let url: URL;
  try {
    url = new URL(wsUrl);
  } catch {
    return wsUrl;
  }
  if (loopback.has(url.hostname) && loopback.has(pageHostname) && url.hostname !== pageHostname) {
    url.hostname = pageHostname;
  }
  return url.toString();
}
