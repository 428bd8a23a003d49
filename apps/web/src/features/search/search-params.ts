// The search page's state lives in its URL (a GET form): parsing it into the API's filters and writing links back.
// Pure, so the page, the header box and the tests share one reading.
import type { StudySearchFilter, StudyStatus, TrialSearchFilter, TrialState } from '@/gql/graphql';

export type SearchParams = Record<string, string | string[] | undefined>;

export const STUDY_STATUSES: readonly StudyStatus[] = ['RUNNING', 'PAUSED', 'COMPLETED', 'STOPPED', 'FAILED'];
export const TRIAL_STATES: readonly TrialState[] = [
  'PENDING',
  'RUNNING',
  'COMPLETE',
  'PRUNED',
  'FAIL',
  'CANCELLED',
];

export interface SearchState {
  kind: 'studies' | 'trials';
  team: string;
  /** Name fragment (studies). */
  q: string;
  /** Comma-separated tags, as typed. */
  tags: string;
  statuses: StudyStatus[];
  states: TrialState[];
  project: string;
  /** Only studies the signed-in person created. */
  mine: boolean;
  /** `YYYY-MM-DD` dates, inclusive. */
  from: string;
  to: string;
  objective: string;
  direction: '' | 'MINIMIZE' | 'MAXIMIZE';
  /** Objective name of "has a trial with M ≥ / ≤ x" (studies) or the metric range (trials). */
  metric: string;
  min: string;
  max: string;
  /** Only trials of this study (from a study page's link). */
  study: string;
  after: string;
}

const one = (value: string | string[] | undefined): string =>
  (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
const many = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? [value] : [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);

export function readSearch(params: SearchParams): SearchState {
  const direction = one(params.direction);
  return {
    kind: one(params.kind) === 'trials' ? 'trials' : 'studies',
    team: one(params.team),
    q: one(params.q),
    tags: one(params.tags),
    statuses: many(params.status).filter((s): s is StudyStatus => (STUDY_STATUSES as string[]).includes(s)),
    states: many(params.state).filter((s): s is TrialState => (TRIAL_STATES as string[]).includes(s)),
    project: one(params.project),
    mine: one(params.mine) === '1',
    from: one(params.from),
    to: one(params.to),
    objective: one(params.objective),
    direction: direction === 'MINIMIZE' || direction === 'MAXIMIZE' ? direction : '',
    metric: one(params.metric),
    min: one(params.min),
    max: one(params.max),
    study: one(params.study),
    after: one(params.after),
  };
}

/** A number typed in a box; '' is "no bound", anything else that is not a finite number is an error to show. */
function bound(label: string, text: string, errors: string[]): number | undefined {
  if (text === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) {
    errors.push(`${label} must be a number, got "${text}"`);
    return undefined;
  }
  return value;
}

/** `YYYY-MM-DD` as the start of that day in UTC (`endOfDay`: the start of the next day, for an inclusive end). */
function day(label: string, text: string, errors: string[], endOfDay = false): string | undefined {
  if (text === '') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const time = match
    ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + (endOfDay ? 1 : 0))
    : NaN;
  if (!match || Number.isNaN(time)) {
    errors.push(`${label} must be a date like 2026-01-31, got "${text}"`);
    return undefined;
  }
  return new Date(time).toISOString();
}

const tagList = (text: string): string[] | undefined => {
  const tags = text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return tags.length > 0 ? tags : undefined;
};

function metricRange(state: SearchState, errors: string[]) {
  if (state.metric === '') return undefined;
  const min = bound('Minimum', state.min, errors);
  const max = bound('Maximum', state.max, errors);
  return { name: state.metric, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}

/** The `searchStudies` filter of the page's state, with the mistakes the form can catch before asking. */
export function studyFilter(
  state: SearchState,
  viewerId: string | null,
): { filter: StudySearchFilter; errors: string[] } {
  const errors: string[] = [];
  const filter: StudySearchFilter = {
    ...(state.q ? { name: state.q } : {}),
    ...(tagList(state.tags) ? { tags: tagList(state.tags) } : {}),
    ...(state.statuses.length ? { statuses: state.statuses } : {}),
    ...(state.project ? { projectIds: [state.project] } : {}),
    ...(state.mine && viewerId ? { createdById: viewerId } : {}),
    ...(state.objective || state.direction
      ? {
          objective: {
            ...(state.objective ? { name: state.objective } : {}),
            ...(state.direction ? { direction: state.direction } : {}),
          },
        }
      : {}),
  };
  const from = day('From', state.from, errors);
  const to = day('To', state.to, errors, true);
  if (from) filter.createdAfter = from;
  if (to) filter.createdBefore = to;
  const hasTrial = metricRange(state, errors);
  if (hasTrial) filter.hasTrial = hasTrial;
  return { filter, errors };
}

/** The `searchTrials` filter of the page's state. */
export function trialFilter(state: SearchState): { filter: TrialSearchFilter; errors: string[] } {
  const errors: string[] = [];
  const filter: TrialSearchFilter = {
    ...(tagList(state.tags) ? { tags: tagList(state.tags) } : {}),
    ...(state.states.length ? { states: state.states } : {}),
    ...(state.study ? { studyIds: [state.study] } : {}),
  };
  const metric = metricRange(state, errors);
  if (metric) filter.metric = metric;
  return { filter, errors };
}

/** The page's URL for a state (empty fields left out), e.g. the next page: `searchHref({ ...state, after })`. */
export function searchHref(state: SearchState): string {
  const query = new URLSearchParams();
  const entries: [string, string][] = [
    ['kind', state.kind === 'trials' ? 'trials' : ''],
    ['team', state.team],
    ['q', state.q],
    ['tags', state.tags],
    ['status', state.statuses.join(',')],
    ['state', state.states.join(',')],
    ['project', state.project],
    ['mine', state.mine ? '1' : ''],
    ['from', state.from],
    ['to', state.to],
    ['objective', state.objective],
    ['direction', state.direction],
    ['metric', state.metric],
    ['min', state.min],
    ['max', state.max],
    ['study', state.study],
    ['after', state.after],
  ];
  for (const [key, value] of entries) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `/search?${text}` : '/search';
}

/**
 * A study's trials from a study search: the study and the metric range carry over (the trials "with M in range"
 * that made the study match); the study-level fields (name, tags, status, dates, …) do not apply to trials.
 */
export function studyTrialsHref(state: SearchState, studyId: string): string {
  const blank = readSearch({});
  return searchHref({
    ...blank,
    kind: 'trials',
    team: state.team,
    study: studyId,
    metric: state.metric,
    min: state.min,
    max: state.max,
  });
}
