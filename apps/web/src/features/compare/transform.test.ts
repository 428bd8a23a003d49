import { describe, expect, it } from 'vitest';
import {
  bestSoFarSeries,
  compareHref,
  curvesByMetric,
  singleValueRows,
  finalValueRows,
  paramRows,
  parseCompareIds,
  sharedObjective,
  objectiveCharts,
  toggled,
  trialLabels,
} from './transform.ts';

const study = (name: string) => ({ name, objectives: [{ name: 'val_loss' }] });

describe('compare transforms', () => {
  it('reads ids from the URL in order, once each, and refuses fewer than 2 or more than the cap', () => {
    expect(parseCompareIds('a,b, c', 'trials')).toEqual({ ids: ['a', 'b', 'c'], error: null });
    expect(parseCompareIds(['a', 'b,a', 'c'], 'trials')).toEqual({ ids: ['a', 'b', 'c'], error: null });
    expect(parseCompareIds('a', 'trials').error).toBe('Choose at least 2 trials to compare (got 1).');
    expect(parseCompareIds(undefined, 'studies').error).toBe('Choose at least 2 studies to compare (got 0).');
    const many = Array.from({ length: 21 }, (_, i) => `t${i}`).join(',');
    expect(parseCompareIds(many, 'trials').error).toBe(
      'Compare at most 20 trials at a time (got 21); remove 1.',
    );
    const studies = Array.from({ length: 12 }, (_, i) => `s${i}`);
    expect(parseCompareIds(studies, 'studies').error).toBe(
      'Compare at most 10 studies at a time (got 12); remove 2.',
    );
    expect([...toggled(toggled(toggled(new Set(), 'a'), 'b'), 'a')]).toEqual(['b']);
    expect(compareHref('trials', ['VHJpYWw6MQ', 'a/b'])).toBe('/compare/trials?ids=VHJpYWw6MQ,a%2Fb');
  });

  it('puts parameters side by side, marking and listing first the ones that differ', () => {
    const rows = paramRows([
      { params: { lr: 0.001, units: 64, optimizer: 'adam' } },
      { params: { lr: 0.01, units: 64, optimizer: 'adam', dropout: 0.2 } },
      { params: { lr: 0.001, units: 64, optimizer: 'sgd' } },
    ]);
    expect(rows).toEqual([
      { name: 'dropout', cells: ['—', '0.2', '—'], differs: true },
      { name: 'lr', cells: ['0.001', '0.01', '0.001'], differs: true },
      { name: 'optimizer', cells: ['adam', 'adam', 'sgd'], differs: true },
      { name: 'units', cells: ['64', '64', '64'], differs: false },
    ]);
    // Float noise does not count as a difference.
    expect(paramRows([{ params: { lr: 0.1 + 0.2 } }, { params: { lr: 0.3 } }])[0]).toMatchObject({
      cells: ['0.3', '0.3'],
      differs: false,
    });
  });

  it('lines up final values by objective name, across studies with different objectives', () => {
    const rows = finalValueRows([
      { values: [0.5], study: study('a') },
      { values: ['NaN'], study: study('a') },
      { values: [12, 0.9], study: { name: 'b', objectives: [{ name: 'latency' }, { name: 'val_loss' }] } },
    ]);
    expect(rows).toEqual([
      { name: 'val_loss', cells: ['0.5', 'NaN', '0.9'], differs: true },
      { name: 'latency', cells: ['—', '—', '12'], differs: true },
    ]);
  });

  it('overlays learning curves per metric, one series per trial that reported it, dropping non-finite points', () => {
    const curves = curvesByMetric([
      {
        id: 't1',
        number: 1,
        study: study('a'),
        metrics: [
          {
            key: 'val_loss',
            points: [
              { step: 0, value: 1 },
              { step: 1, value: 'NaN' },
              { step: 2, value: 0.5 },
            ],
          },
        ],
      },
      {
        id: 't2',
        number: 7,
        study: study('a'),
        metrics: [
          { key: 'val_loss', points: [{ step: 0, value: 2 }] },
          { key: 'acc', points: [{ step: 0, value: 0.1 }] },
        ],
      },
    ]);
    // acc: one point per trial, a figure (singleValueRows), not a curve.
    expect(curves.map((c) => c.key)).toEqual(['val_loss']);
    expect(curves[0]!.series).toEqual([
      {
        id: 't1',
        name: '#1',
        points: [
          { x: 0, y: 1 },
          { x: 2, y: 0.5 },
        ],
      },
      { id: 't2', name: '#7', points: [{ x: 0, y: 2 }] },
    ]);
    expect(
      trialLabels([
        { number: 1, study: study('a') },
        { number: 1, study: study('b') },
      ]),
    ).toEqual(['a #1', 'b #1']);
  });

  it('lists metrics reported once per trial as rows of figures, not one-point curves', () => {
    const trials = [
      {
        id: 't1',
        number: 1,
        study: study('a'),
        metrics: [
          { key: 'epochs', points: [{ step: 10, value: 10 }] },
          {
            key: 'val_loss',
            points: [
              { step: 0, value: 1 },
              { step: 1, value: 0.5 },
            ],
          },
        ],
      },
      {
        id: 't2',
        number: 2,
        study: study('a'),
        metrics: [
          { key: 'epochs', points: [{ step: 10, value: 10 }] },
          { key: 'train_seconds', points: [{ step: 10, value: 'NaN' }] },
        ],
      },
    ];
    expect(curvesByMetric(trials).map((c) => c.key)).toEqual(['val_loss']);
    expect(singleValueRows(trials)).toEqual([
      { name: 'epochs', cells: ['10', '10'], differs: false },
      { name: 'train_seconds', cells: ['—', 'NaN'], differs: true },
    ]);
  });

  it('turns best-so-far histories into series against trial number or minutes since the study began', () => {
    const studies = [
      {
        id: 's1',
        name: 'first',
        createdAt: '2026-01-01T00:00:00.000Z',
        bestSoFar: [
          { trialNumber: 0, value: 0.9, finishedAt: '2026-01-01T00:02:00.000Z' },
          { trialNumber: 4, value: 0.5, finishedAt: '2026-01-01T00:10:30.000Z' },
          { trialNumber: 6, value: 0.4, finishedAt: null },
        ],
        lastFinished: { nodes: [{ number: 6, finishedAt: null }] },
      },
    ];
    expect(bestSoFarSeries(studies, 'number')[0]!.points).toEqual([
      { x: 0, y: 0.9 },
      { x: 4, y: 0.5 },
      { x: 6, y: 0.4 },
    ]);
    expect(bestSoFarSeries(studies, 'time')[0]!.points).toEqual([
      { x: 2, y: 0.9 },
      { x: 10.5, y: 0.5 },
    ]);
  });

  it("carries each best-so-far line on flat to the study's last finished trial, by number and by wall time", () => {
    const studies = [
      {
        id: 's1',
        name: 'long',
        createdAt: '2026-01-01T00:00:00.000Z',
        bestSoFar: [
          { trialNumber: 3, value: 0.5, finishedAt: '2026-01-01T00:03:00.000Z' },
          { trialNumber: 30, value: 0.2, finishedAt: '2026-01-01T00:30:00.000Z' },
        ],
        lastFinished: { nodes: [{ number: 119, finishedAt: '2026-01-01T02:00:00.000Z' }] },
      },
      {
        id: 's2',
        name: 'no trial finished',
        createdAt: '2026-01-01T00:00:00.000Z',
        bestSoFar: [],
        lastFinished: { nodes: [] },
      },
    ];
    expect(bestSoFarSeries(studies, 'number').map((s) => s.points)).toEqual([
      [
        { x: 3, y: 0.5 },
        { x: 30, y: 0.2 },
        { x: 119, y: 0.2, marker: false },
      ],
      [],
    ]);
    expect(bestSoFarSeries(studies, 'time')[0]!.points).toEqual([
      { x: 3, y: 0.5 },
      { x: 30, y: 0.2 },
      { x: 120, y: 0.2, marker: false },
    ]);
    // The last improvement is the last finished trial: nothing to carry on.
    const done = {
      ...studies[0]!,
      lastFinished: { nodes: [{ number: 30, finishedAt: '2026-01-01T00:30:00.000Z' }] },
    };
    expect(bestSoFarSeries([done], 'number')[0]!.points).toHaveLength(2);
    expect(bestSoFarSeries([done], 'time')[0]!.points).toHaveLength(2);
  });

  it('places trials inherited from the parent, finished before the study was created, at 0 minutes', () => {
    const child = {
      id: 'c',
      name: 'refined',
      createdAt: '2026-01-01T01:00:00.000Z',
      // Its only improvement is an inherited trial, finished 6.5 minutes before the child was created.
      bestSoFar: [{ trialNumber: 0, value: 0.3, finishedAt: '2026-01-01T00:53:30.000Z' }],
      lastFinished: { nodes: [{ number: 12, finishedAt: '2026-01-01T01:15:00.000Z' }] },
    };
    expect(bestSoFarSeries([child], 'time')[0]!.points).toEqual([
      { x: 0, y: 0.3 },
      { x: 15, y: 0.3, marker: false },
    ]);
    expect(bestSoFarSeries([child], 'number')[0]!.points).toEqual([
      { x: 0, y: 0.3 },
      { x: 12, y: 0.3, marker: false },
    ]);
  });

  it('finds the objective the studies share, or none when their first objectives differ', () => {
    const min = { name: 'val_loss', direction: 'MINIMIZE' as const };
    expect(sharedObjective([{ objectives: [min] }, { objectives: [min] }])).toEqual(min);
    expect(
      sharedObjective([{ objectives: [min] }, { objectives: [{ ...min, direction: 'MAXIMIZE' as const }] }]),
    ).toBeNull();
  });

  it('draws one EDF named after a shared objective, or one per study with its own objective and direction', () => {
    const acc = { name: 'val_accuracy', direction: 'MAXIMIZE' as const };
    const value = { name: 'value', direction: 'MINIMIZE' as const };
    const a = { name: 'Digits MLP', objectives: [acc], objectiveValues: [0.9, 0.95] };
    const b = { name: 'imported', objectives: [value], objectiveValues: [0.2] };
    expect(objectiveCharts([a, { ...a, name: 'again' }])).toEqual({
      yLabel: 'best val_accuracy',
      edfTitle: 'Distribution of val_accuracy (EDF)',
      edfs: [
        {
          caption: null,
          objective: acc,
          series: [
            { name: 'Digits MLP', values: [0.9, 0.95] },
            { name: 'again', values: [0.9, 0.95] },
          ],
        },
      ],
    });
    expect(objectiveCharts([a, b])).toEqual({
      yLabel: "best of each study's first objective",
      edfTitle: "Distribution of each study's first objective (EDF)",
      edfs: [
        {
          caption: 'Digits MLP: val_accuracy (maximised)',
          objective: acc,
          series: [{ name: 'Digits MLP', values: [0.9, 0.95] }],
        },
        {
          caption: 'imported: value (minimised)',
          objective: value,
          series: [{ name: 'imported', values: [0.2] }],
        },
      ],
    });
  });
});
