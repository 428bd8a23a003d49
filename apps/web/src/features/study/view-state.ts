import type { AxisKey, AxisSelection, Brush } from '@/charts';

/** How the trial table is sorted: a column key and a direction. */
export interface TableSort {
  key: string;
  direction: 'asc' | 'desc';
}

/** What a study page's reader chose, kept in its URL so Back and a pasted link show the same view. */
export interface StudyViewState {
  brush: Brush;
  /** The trial table's text filter. */
  filter: string;
  sort: TableSort;
  /** Parallel-coordinates axes hidden by the reader. */
  hidden: AxisKey[];
  /** Parallel-coordinates axis order; null for the default. */
  order: AxisKey[] | null;
  /** The objective the charts show. */
  objective: number;
}

export const DEFAULT_SORT: TableSort = { key: 'number', direction: 'desc' };

export const DEFAULT_VIEW: StudyViewState = { brush: {}, filter: '', sort: DEFAULT_SORT, hidden: [], order: null, objective: 0 };

/** Characters of a query parameter read at most: a pasted link cannot make the page parse megabytes. */
const MAX_PARAM = 8_000;

function json(text: string | null): unknown {
  if (!text || text.length > MAX_PARAM) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isKeyList = (value: unknown): value is string[] => Array.isArray(value) && value.length <= 200 && value.every((v) => typeof v === 'string');

function selection(value: unknown): AxisSelection | undefined {
  if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    const [low, high] = value as [number, number];
    return low <= high ? { kind: 'range', low, high } : undefined;
  }
  if (value && typeof value === 'object' && 'in' in value) {
    const values = (value as { in: unknown }).in;
    if (Array.isArray(values) && values.every((v) => ['string', 'number', 'boolean'].includes(typeof v))) {
      return { kind: 'set', values: values as (string | number | boolean)[] };
    }
  }
  return undefined;
}

/** The view a query string describes; anything malformed falls back to the default for that part. */
export function parseViewState(query: { get(name: string): string | null }): StudyViewState {
  const brush: Brush = {};
  const rawBrush = json(query.get('brush'));
  if (rawBrush && typeof rawBrush === 'object' && !Array.isArray(rawBrush)) {
    for (const [key, value] of Object.entries(rawBrush as Record<string, unknown>)) {
      const sel = selection(value);
      if (sel) brush[key] = sel;
    }
  }
  const [sortKey, sortDirection] = (query.get('sort') ?? '').split('~');
  const sort: TableSort =
    sortKey && (sortDirection === 'asc' || sortDirection === 'desc') && sortKey.length <= 300 ? { key: sortKey, direction: sortDirection } : DEFAULT_SORT;
  const hidden = json(query.get('hide'));
  const order = json(query.get('order'));
  const objective = Number(query.get('obj') ?? 0);
  return {
    brush,
    filter: (query.get('q') ?? '').slice(0, 500),
    sort,
    hidden: isKeyList(hidden) ? hidden : [],
    order: isKeyList(order) && order.length > 0 ? order : null,
    objective: Number.isInteger(objective) && objective >= 0 && objective < 100 ? objective : 0,
  };
}

/** The query string (without `?`) of a view: only what differs from the default, in a fixed order. */
export function viewStateQuery(state: StudyViewState): string {
  const query = new URLSearchParams();
  const brush = Object.entries(state.brush);
  if (brush.length > 0) {
    const compact = Object.fromEntries(brush.map(([key, sel]) => [key, sel.kind === 'range' ? [sel.low, sel.high] : { in: sel.values }]));
    query.set('brush', JSON.stringify(compact));
  }
  if (state.filter) query.set('q', state.filter);
  if (state.sort.key !== DEFAULT_SORT.key || state.sort.direction !== DEFAULT_SORT.direction) query.set('sort', `${state.sort.key}~${state.sort.direction}`);
  if (state.hidden.length > 0) query.set('hide', JSON.stringify(state.hidden));
  if (state.order) query.set('order', JSON.stringify(state.order));
  if (state.objective !== 0) query.set('obj', String(state.objective));
  return query.toString();
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** The CSV export's file name: the study, then its filter and brushed axes, e.g. `digits-mlp_filter-adam_brush-lr.csv`. */
export function csvFileName(studyName: string, state: StudyViewState): string {
  const parts = [slug(studyName) || 'study'];
  if (state.filter.trim()) parts.push(`filter-${slug(state.filter)}`);
  const axes = Object.keys(state.brush).map((key) => slug(key.replace(/^param:/, '').replace(/^objective:/, 'objective-')));
  if (axes.length > 0) parts.push(`brush-${axes.join('-')}`);
  return `${parts.join('_')}.csv`;
}
