import { describe, expect, it } from 'vitest';
import { browserWsUrl } from './ws-url.ts';

describe('the WebSocket address the browser dials', () => {
  it('uses the page host name for a loopback API so the session cookie goes along', () => {
    expect(browserWsUrl('ws://127.0.0.1:4000/graphql', 'localhost')).toBe('ws://localhost:4000/graphql');
    expect(browserWsUrl('ws://localhost:4100/graphql', '127.0.0.1')).toBe('ws://127.0.0.1:4100/graphql');
  });

  it('leaves a real host, or a page on a real host, alone', () => {
    expect(browserWsUrl('wss://api.example.com/graphql', 'localhost')).toBe('wss://api.example.com/graphql');
    expect(browserWsUrl('ws://127.0.0.1:4000/graphql', 'dash.example.com')).toBe(
      'ws://127.0.0.1:4000/graphql',
    );
  });
});
