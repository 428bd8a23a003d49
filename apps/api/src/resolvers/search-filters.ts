// Validation of the team search's filters and cursors (resolvers/search.ts). Every refusal is BAD_USER_INPUT naming
// the field and the value; ids of another team's objects answer "not found" through `authorize` (common.ts).
import type {
  Direction,
  StudySearchFilter,
  TrialSearchFilter,
  TrialState,
  StudyStatus,
} from '../generated/graphql.ts';
import { rawId } from '../ids.ts';
import { badInput } from './common.ts';
import { shown } from './list-limits.ts';
import { TAG_MAX } from './notes.ts';

export const SEARCH_MAX = {
  /** `first` of one page. */
  first: 100,
  /** Tags one filter may require (as many as an object may carry). */
  tags: 20,
  /** Project or study ids in one filter. */
  ids: 50,
  /** Characters of a name fragment or an objective name. */
  name: 200,
  /** `totalCount` stops counting here, so a broad filter's count reads at most this many matching rows. */
  count: 1_000,
} as const;

/** Dates Postgres and JavaScript both hold: a year outside 1–9999 would be a database error, not an empty page. */
const EARLIEST = Date.parse('0001-01-01T00:00:00.000Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

export interface MetricRange {
  name: string;
  min: number | null;
  max: number | null;
}

export interface StudyConditions {
  name?: string;
  tags?: string[];
  statuses?: StudyStatus[];
  projectIds?: string[];
  createdById?: string;
  createdAfter?: Date;
  createdBefore?: Date;
  objective?: { name?: string; direction?: 'minimize' | 'maximize' };
  hasTrial?: MetricRange;
}

export interface TrialConditions {
  tags?: string[];
  states?: TrialState[];
  metric?: MetricRange;
  studyIds?: string[];
}

function checkText(field: string, value: string, min = 0): string {
  if (value.length < min || value.length > SEARCH_MAX.name) {
    throw badInput(
      `${field} must have ${min} to ${SEARCH_MAX.name} characters, got ${value.length}: ${shown(value)}`,
    );
  }
  return value;
}

function checkTags(field: string, tags: readonly string[] | null | undefined): string[] | undefined {
  if (tags == null) return undefined;
  if (tags.length > SEARCH_MAX.tags)
    throw badInput(`${field} may hold at most ${SEARCH_MAX.tags} tags, got ${tags.length}`);
  const kept: string[] = [];
  tags.forEach((raw, i) => {
    const tag = raw.trim();
    if (tag.length === 0 || tag.length > TAG_MAX) {
      throw badInput(
        `${field}[${i}] must have 1 to ${TAG_MAX} characters after trimming, got ${tag.length}: ${shown(raw)}`,
      );
    }
    if (!kept.includes(tag)) kept.push(tag);
  });
  return kept.length > 0 ? kept : undefined;
}

/** Raw ids of global ids of one type; a malformed id or one of another type is BAD_USER_INPUT naming its place. */
function checkIds(
  field: string,
  ids: readonly string[] | null | undefined,
  type: 'Project' | 'Study',
): string[] | undefined {
  if (ids == null) return undefined;
  if (ids.length > SEARCH_MAX.ids)
    throw badInput(`${field} may hold at most ${SEARCH_MAX.ids} ids, got ${ids.length}`);
  return [
    ...new Set(
      ids.map((id, i) => {
        const raw = rawId(id, type);
        if (raw === undefined)
          throw badInput(`${field}[${i}] is not a ${type.toLowerCase()} id: ${shown(id)}`);
        return raw;
      }),
    ),
  ];
}

function checkDate(field: string, value: Date | null | undefined): Date | undefined {
  if (value == null) return undefined;
  const time = value.getTime();
  if (!(time >= EARLIEST && time <= LATEST)) {
    throw badInput(
      `${field} must be a date from 0001-01-01 to 9999-12-31, got ${Number.isNaN(time) ? 'an invalid date' : value.toISOString()}`,
    );
  }
  return value;
}

export function checkMetricRange(
  field: string,
  range: { name: string; min?: number | null; max?: number | null } | null | undefined,
): MetricRange | undefined {
  if (range == null) return undefined;
  const name = checkText(`${field}.name`, range.name, 1);
  const min = range.min ?? null;
  const max = range.max ?? null;
  for (const [bound, value] of [
    ['min', min],
    ['max', max],
  ] as const) {
    if (value !== null && !Number.isFinite(value))
      throw badInput(`${field}.${bound} must be a finite number, got ${shown(value)}`);
  }
  if (min !== null && max !== null && min > max)
    throw badInput(`${field}: min <= max must hold, got min=${min}, max=${max}`);
  return { name, min, max };
}

const directionOf = (direction: Direction): 'minimize' | 'maximize' =>
  direction === 'MAXIMIZE' ? 'maximize' : 'minimize';

export function checkStudyFilter(filter: StudySearchFilter | null | undefined): StudyConditions {
  if (!filter) return {};
  const out: StudyConditions = {};
  if (filter.name != null && filter.name.trim() !== '')
    out.name = checkText('filter.name', filter.name.trim());
  out.tags = checkTags('filter.tags', filter.tags);
  if (filter.statuses?.length) out.statuses = [...new Set(filter.statuses)];
  out.projectIds = checkIds('filter.projectIds', filter.projectIds, 'Project');
  if (filter.createdById != null) {
    const raw = rawId(filter.createdById, 'User');
    if (raw === undefined)
      throw badInput(`filter.createdById is not a user id: ${shown(filter.createdById)}`);
    out.createdById = raw;
  }
  out.createdAfter = checkDate('filter.createdAfter', filter.createdAfter as Date | null | undefined);
  out.createdBefore = checkDate('filter.createdBefore', filter.createdBefore as Date | null | undefined);
  if (out.createdAfter && out.createdBefore && out.createdAfter > out.createdBefore) {
    throw badInput(
      `filter: createdAfter <= createdBefore must hold, got createdAfter=${out.createdAfter.toISOString()}, createdBefore=${out.createdBefore.toISOString()}`,
    );
  }
  if (filter.objective && (filter.objective.name != null || filter.objective.direction != null)) {
    out.objective = {
      ...(filter.objective.name != null
        ? { name: checkText('filter.objective.name', filter.objective.name, 1) }
        : {}),
      ...(filter.objective.direction != null ? { direction: directionOf(filter.objective.direction) } : {}),
    };
  }
  out.hasTrial = checkMetricRange('filter.hasTrial', filter.hasTrial);
  return out;
}

export function checkTrialSearchFilter(filter: TrialSearchFilter | null | undefined): TrialConditions {
  if (!filter) return {};
  return {
    tags: checkTags('filter.tags', filter.tags),
    ...(filter.states?.length ? { states: [...new Set(filter.states)] } : {}),
    metric: checkMetricRange('filter.metric', filter.metric),
    studyIds: checkIds('filter.studyIds', filter.studyIds, 'Study'),
  };
}

// Keyset cursors: a page after a cursor is an index range read, however deep (an OFFSET of 900,000 trials reads
// 900,000 rows first). A study's cursor is its creation time in microseconds and its id; a trial's, its id.

export function encodeStudyCursor(micros: string, id: string): string {
  return Buffer.from(`s:${micros}:${id}`).toString('base64url');
}

export function decodeStudyCursor(
  argument: string,
  cursor: string | null | undefined,
): { micros: string; id: string } | undefined {
  if (cursor == null || cursor === '') return undefined;
  const match =
    cursor.length <= 100
      ? /^s:(-?\d{1,17}):([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
      : null;
  if (!match) throw badInput(`${argument} is not a cursor of this search: ${shown(cursor)}`);
  return { micros: match[1]!, id: match[2]! };
}

export function encodeTrialCursor(id: number): string {
  return Buffer.from(`t:${id}`).toString('base64url');
}

export function decodeTrialCursor(argument: string, cursor: string | null | undefined): number | undefined {
  if (cursor == null || cursor === '') return undefined;
  const match =
    cursor.length <= 40 ? /^t:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8')) : null;
  if (!match) throw badInput(`${argument} is not a cursor of this search: ${shown(cursor)}`);
  return Number(match[1]);
}

/** `%`, `_` and `\` of a name fragment match themselves in ILIKE. */
export function likePattern(fragment: string): string {
  return `%${fragment.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
