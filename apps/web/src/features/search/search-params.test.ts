import { describe, expect, it } from 'vitest';
import { readSearch, searchHref, studyFilter, studyTrialsHref, trialFilter } from './search-params.ts';

describe('search page URL', () => {
  it('reads a study search from the URL into the API filter', () => {
    const state = readSearch({
      q: ' mlp ',
      tags: 'baseline, cnn,,',
      status: 'RUNNING,BOGUS',
      project: 'P1',
      mine: '1',
      from: '2026-01-01',
      to: '2026-01-31',
      objective: 'val_accuracy',
      direction: 'MAXIMIZE',
      metric: 'val_accuracy',
      min: '0.9',
    });
    expect(state.kind).toBe('studies');
    const { filter, errors } = studyFilter(state, 'U1');
    expect(errors).toEqual([]);
    expect(filter).toEqual({
      name: 'mlp',
      tags: ['baseline', 'cnn'],
      statuses: ['RUNNING'],
      projectIds: ['P1'],
      createdById: 'U1',
      createdAfter: '2026-01-01T00:00:00.000Z',
      // "to" is inclusive: up to the start of the next day.
      createdBefore: '2026-02-01T00:00:00.000Z',
      objective: { name: 'val_accuracy', direction: 'MAXIMIZE' },
      hasTrial: { name: 'val_accuracy', min: 0.9 },
    });
    expect(studyFilter(readSearch({}), 'U1').filter).toEqual({});
  });

  it('names the box and the value of a bound or a date it cannot read', () => {
    const { errors } = studyFilter(readSearch({ metric: 'acc', min: 'abc', from: '31/01/2026' }), null);
    expect(errors).toEqual([
      'From must be a date like 2026-01-31, got "31/01/2026"',
      'Minimum must be a number, got "abc"',
    ]);
  });

  it('reads a trial search (tags, states, metric range, one study)', () => {
    const state = readSearch({
      kind: 'trials',
      tags: 'keeper',
      state: ['FAIL', 'PRUNED'],
      metric: 'val_loss',
      max: '0.2',
      study: 'S1',
    });
    expect(trialFilter(state)).toEqual({
      filter: {
        tags: ['keeper'],
        states: ['FAIL', 'PRUNED'],
        studyIds: ['S1'],
        metric: { name: 'val_loss', max: 0.2 },
      },
      errors: [],
    });
  });

  it('writes the URL back with only the fields set, so a page link keeps the filter', () => {
    const state = readSearch({
      kind: 'trials',
      team: 'T',
      tags: 'a,b',
      state: 'COMPLETE',
      metric: 'm',
      min: '1',
    });
    expect(searchHref({ ...state, after: 'CUR' })).toBe(
      '/search?kind=trials&team=T&tags=a%2Cb&state=COMPLETE&metric=m&min=1&after=CUR',
    );
    expect(readSearch(Object.fromEntries(new URLSearchParams(searchHref(state).split('?')[1])))).toEqual(
      state,
    );
    expect(searchHref(readSearch({}))).toBe('/search');
  });

  it("links a study result to its trials with the metric range, not the study's own filters", () => {
    const state = readSearch({
      team: 'T',
      q: 'mlp',
      tags: 'baseline',
      status: 'RUNNING',
      metric: 'acc',
      min: '0.9',
    });
    expect(studyTrialsHref(state, 'S1')).toBe('/search?kind=trials&team=T&metric=acc&min=0.9&study=S1');
  });
});
