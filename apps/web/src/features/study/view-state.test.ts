import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, csvFileName, parseViewState, viewStateQuery, type StudyViewState } from './view-state.ts';

describe('study view state in the URL', () => {
  it('round-trips brushes, filter, sort, hidden axes, axis order and the chosen objective', () => {
    const state: StudyViewState = {
      brush: { 'param:lr': { kind: 'range', low: 0.001, high: 0.05 }, 'param:optimizer': { kind: 'set', values: ['adam', 'sgd'] } },
      filter: 'COMPLETE adam',
      sort: { key: 'objective:0', direction: 'asc' },
      hidden: ['param:layers'],
      order: ['objective:0', 'param:lr', 'param:optimizer'],
      objective: 1,
    };
    const query = viewStateQuery(state);
    expect(parseViewState(new URLSearchParams(query))).toEqual(state);
  });

  it('writes nothing for the default view, and reads the default from an empty query', () => {
    expect(viewStateQuery(DEFAULT_VIEW)).toBe('');
    expect(parseViewState(new URLSearchParams(''))).toEqual(DEFAULT_VIEW);
  });

  it('ignores malformed parts of a pasted link, keeping the well-formed ones', () => {
    const query = new URLSearchParams({
      brush: '{"param:lr":[5,1],"param:x":[1,2],"param:y":"nope"}',
      sort: 'number~sideways',
      hide: '{not json',
      obj: '-3',
      q: 'adam',
    });
    expect(parseViewState(query)).toEqual({ ...DEFAULT_VIEW, brush: { 'param:x': { kind: 'range', low: 1, high: 2 } }, filter: 'adam' });
  });

  it('names the CSV after the study and its filter and brushed axes', () => {
    expect(csvFileName('Digits MLP (refined)', DEFAULT_VIEW)).toBe('digits-mlp-refined.csv');
    expect(
      csvFileName('digits', { ...DEFAULT_VIEW, filter: 'COMPLETE adam', brush: { 'param:lr': { kind: 'range', low: 0, high: 1 } } }),
    ).toBe('digits_filter-complete-adam_brush-lr.csv');
  });
});
