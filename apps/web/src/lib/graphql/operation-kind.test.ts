import { describe, expect, it } from 'vitest';
import { isSubscription, pickOperation } from './operation-kind.ts';

describe('choosing the transport for an explorer operation', () => {
  const doc =
    'query A { viewer { teams { id } } }\nsubscription B($id: ID!) { studyEvents(studyId: $id) { kind } }';

  it('sends subscriptions over WebSocket and queries over HTTP', () => {
    expect(isSubscription(doc, 'B')).toBe(true);
    expect(isSubscription(doc, 'A')).toBe(false);
    expect(isSubscription('subscription { trialsAvailable { pending } }')).toBe(true);
  });

  it('sends text that does not parse over HTTP so the API explains it', () => {
    expect(isSubscription('subscription {')).toBe(false);
  });
});

describe('an operation name left over from replaced editor text', () => {
  it('is dropped when the document holds a single operation', () => {
    const query = 'subscription Live { trialsAvailable { pending } }';
    expect(pickOperation(query, 'Me')).toEqual({ operationName: 'Live', subscription: true });
    expect(pickOperation('{ viewer { teams { id } } }', 'Me')).toEqual({
      operationName: undefined,
      subscription: false,
    });
  });
});
