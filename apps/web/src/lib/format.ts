/** Short relative time: "just now", "5 min ago", "3 h ago", "2 days ago", or "in 4 days" for the future. */
export function relativeTime(iso: string | null | undefined, now: Date = new Date()): string {
  if (!iso) return '—';
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return '—';
  const seconds = Math.round((now.getTime() - then.getTime()) / 1000);
  const future = seconds < 0;
  const abs = Math.abs(seconds);
  let text: string;
  if (abs < 45) return 'just now';
  else if (abs < 3600) text = `${Math.round(abs / 60)} min`;
  else if (abs < 86_400) text = `${Math.round(abs / 3600)} h`;
  else {
    const days = Math.round(abs / 86_400);
    text = `${days} ${days === 1 ? 'day' : 'days'}`;
  }
  return future ? `in ${text}` : `${text} ago`;
}

/** A 0–1 share as a whole percentage, clamped; "—" when there is no limit to measure against. */
export function formatProgress(progress: number | null | undefined): string {
  if (progress === null || progress === undefined || !Number.isFinite(progress)) return '—';
  return `${Math.round(Math.min(1, Math.max(0, progress)) * 100)}%`;
}

/**
 * The one wording of a study's progress, on every page: `43% · 13 of 30 trials finished` (finished: complete,
 * pruned or failed; the share is theirs of `maxTrials`), or `13 trials finished` for a study without a limit.
 */
export function progressLabel(finished: number, maxTrials: number | null | undefined): string {
  const trials = `${finished} ${finished === 1 ? 'trial' : 'trials'}`;
  if (maxTrials === null || maxTrials === undefined || maxTrials <= 0) return `${trials} finished`;
  return `${formatProgress(finished / maxTrials)} · ${finished} of ${maxTrials} trials finished`;
}

/** A metric value from the API (a number or "NaN"/"Infinity"/"-Infinity"/"-0") for display. */
export function formatMetric(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value === '-0' ? '0' : value;
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e5 || abs < 1e-3) return value.toExponential(3);
  return String(Number(value.toPrecision(5)));
}

/** A trial's parameter value for display: numbers as `formatMetric` shows them, a choice's text without quotes. */
export function formatParam(value: unknown): string {
  if (typeof value === 'number') return formatMetric(value);
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '—');
}

/** A URL-safe name from a display name: lower-case letters, digits and single hyphens, as the API requires. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

/**
 * A refinement's ranges (`{ name: [low, high] | [choice, …] }`) for reading: each parameter with its list, numbers
 * without float noise (`0.050000000000000044` reads 0.05), e.g. `units [122.36, 214.48]; optimizer ["adam"]`.
 */
export function formatRanges(ranges: unknown): string {
  if (!ranges || typeof ranges !== 'object' || Array.isArray(ranges)) return JSON.stringify(ranges) ?? '';
  return Object.entries(ranges as Record<string, unknown>)
    .map(([name, range]) => {
      const items = Array.isArray(range) ? range : [range];
      return `${name} [${items.map((item) => (typeof item === 'number' ? formatMetric(item) : JSON.stringify(item))).join(', ')}]`;
    })
    .join('; ');
}

/** A moment as UTC to the second (`2026-01-02 03:04:05Z`), or a dash when there is none. */
export function formatUtc(at: string | null | undefined): string {
  return at
    ? new Date(at)
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, 'Z')
    : '—';
}
