// The search queries bench:search times, each with arguments that vary from run to run (so no two runs hit the
// same rows only) and a way to count the rows a result holds.
import type { Seeded } from './seed.ts';

export interface BenchQuery {
  name: string;
  text: string;
  variables(i: number): Record<string, unknown>;
  rows(data: Record<string, unknown>): number;
}

const STUDIES = `query($team: ID!, $f: StudySearchFilter, $first: Int, $after: String) {
  searchStudies(teamId: $team, filter: $f, first: $first, after: $after) {
    nodes { id name status tags createdAt } totalCount pageInfo { hasNextPage endCursor } } }`;
const TRIALS = `query($team: ID!, $f: TrialSearchFilter, $first: Int, $after: String) {
  searchTrials(teamId: $team, filter: $f, first: $first, after: $after) {
    nodes { id number state values tags study { id name } } totalCount pageInfo { hasNextPage endCursor } } }`;

const studyRows = (data: Record<string, unknown>) =>
  (data.searchStudies as { nodes: unknown[] }).nodes.length;
const trialRows = (data: Record<string, unknown>) => (data.searchTrials as { nodes: unknown[] }).nodes.length;
const DAY = 86_400_000;
const STATUSES = ['RUNNING', 'PAUSED', 'COMPLETED', 'STOPPED', 'FAILED'];
const STATE_SETS = [['FAIL'], ['PRUNED'], ['RUNNING'], ['COMPLETE', 'PRUNED']];
const WIDTHS = [0.0001, 0.01, 0.1, 0.5];

export function searchQueries(team: string, seeded: Seeded): BenchQuery[] {
  const s = (name: string, f: (i: number) => Record<string, unknown>): BenchQuery => ({
    name: `searchStudies: ${name}`,
    text: STUDIES,
    variables: (i) => ({ team, first: 20, ...f(i) }),
    rows: studyRows,
  });
  const t = (name: string, f: (i: number) => Record<string, unknown>): BenchQuery => ({
    name: `searchTrials: ${name}`,
    text: TRIALS,
    variables: (i) => ({ team, first: 50, ...f(i) }),
    rows: trialRows,
  });
  const pick = <T>(list: readonly T[], i: number): T =>
    list[((i % list.length) + list.length) % list.length]!;
  const span = seeded.maxTrialId - seeded.minTrialId;
  return [
    s('no filter (newest 20)', () => ({})),
    s('name contains', (i) => ({
      f: { name: pick(['mlp', 'CNN', 'resnet', 'gru', 'former', 'study 1', 'y 42'], i) },
    })),
    s('tag', (i) => ({
      f: { tags: [pick(['baseline', ...Array.from({ length: 40 }, (_, k) => `tag-${k}`)], i)] },
    })),
    s('status + project', (i) => ({
      f: { statuses: [pick(STATUSES, i)], projectIds: [pick(seeded.projectIds, i)] },
    })),
    s('creator + date range', (i) => ({
      f: {
        createdById: seeded.userId,
        createdAfter: new Date(Date.now() - ((Math.abs(i) % 40) + 1) * DAY).toISOString(),
        createdBefore: new Date().toISOString(),
      },
    })),
    s('objective + direction', (i) => ({
      f: { objective: i % 2 ? { name: 'val_accuracy', direction: 'MAXIMIZE' } : { name: 'val_loss' } },
    })),
    s('has trial val_accuracy >= x', (i) => ({
      f: { hasTrial: { name: 'val_accuracy', min: 1 - 10 ** -(2 + (i % 4)) } },
    })),
    s('has trial val_loss <= x', (i) => ({
      f: { hasTrial: { name: 'val_loss', max: 10 ** -(2 + (i % 4)) } },
    })),
    t('tag', (i) => ({ f: { tags: i % 2 ? ['keeper'] : ['odd', `tag-${i % 20}`] } })),
    t('state', (i) => ({ f: { states: pick(STATE_SETS, i) } })),
    t('metric range', (i) => {
      const width = pick(WIDTHS, i);
      const low = ((Math.abs(i) * 0.6180339887) % 1) * (1 - width);
      return { f: { metric: { name: 'val_accuracy', min: low, max: low + width } } };
    }),
    t('metric >= x + state', (i) => ({
      f: { metric: { name: 'val_loss', min: 1 - 10 ** -(1 + (i % 3)) }, states: ['COMPLETE'] },
    })),
    t('one study, complete', (i) => ({
      f: { studyIds: [pick(seeded.studyIds, i * 7)], states: ['COMPLETE'] },
    })),
    t('five studies, complete', (i) => ({
      f: {
        studyIds: [0, 1, 2, 3, 4].map((k) => pick(seeded.studyIds, i * 11 + k * 173)),
        states: ['COMPLETE'],
      },
    })),
    t('deep page (cursor anywhere)', (i) => ({
      f: { states: ['COMPLETE'] },
      after: Buffer.from(
        `t:${seeded.minTrialId + Math.floor(((Math.abs(i) * 0.6180339887) % 1) * span)}`,
      ).toString('base64url'),
    })),
  ];
}
