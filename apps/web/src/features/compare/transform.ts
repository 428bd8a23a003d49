// Pure shaping of comparison data: which ids a URL asks for, parameters side by side with their differences,
// curves per metric, best-so-far histories against trial number or wall time, and each study's best trial.
import type { OverlayPoint, OverlaySeries } from '@/charts';

export const COMPARE_LIMITS = { trials: 20, studies: 10 } as const;

/** Ids from `?ids=a,b&ids=c` in order, each once; an error sentence when there are too few or too many. */
export function parseCompareIds(
  raw: string | string[] | undefined,
  kind: 'trials' | 'studies',
): { ids: string[]; error: string | null } {
  const ids = [
    ...new Set(
      (Array.isArray(raw) ? raw : raw ? [raw] : [])
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
  const max = COMPARE_LIMITS[kind];
  if (ids.length < 2) return { ids, error: `Choose at least 2 ${kind} to compare (got ${ids.length}).` };
  if (ids.length > max)
    return {
      ids,
      error: `Compare at most ${max} ${kind} at a time (got ${ids.length}); remove ${ids.length - max}.`,
    };
  return { ids, error: null };
}

/** The set with `id` added, or removed when it was there (a row's checkbox). */
export function toggled(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
}

/** The page of a comparison. */
export function compareHref(kind: 'trials' | 'studies', ids: readonly string[]): string {
  return `/compare/${kind}?ids=${ids.map(encodeURIComponent).join(',')}`;
}

/** A metric value from the API (a number, or "NaN"/"Infinity"/"-Infinity"/"-0") as a number. */
export function metricNumber(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isNaN(n) && value !== 'NaN' ? null : n;
}

export interface ParamRow {
  name: string;
  /** One cell per trial, in the trials' order; '—' where the trial has no such parameter. */
  cells: string[];
  /** Not every trial has the same value. */
  differs: boolean;
}

function cell(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Parameters side by side, every name any trial has (sorted), rows that differ first. */
export function paramRows(trials: readonly { params: unknown }[]): ParamRow[] {
  const params = trials.map((t) =>
    t.params && typeof t.params === 'object' ? (t.params as Record<string, unknown>) : {},
  );
  const names = [...new Set(params.flatMap((p) => Object.keys(p)))].sort();
  const rows = names.map((name) => {
    const cells = params.map((p) => cell(p[name]));
    return { name, cells, differs: cells.some((c) => c !== cells[0]) };
  });
  return [...rows.filter((r) => r.differs), ...rows.filter((r) => !r.differs)];
}

export interface CurveTrial {
  id: string;
  number: number;
  study: { name: string };
  metrics: readonly { key: string; points: readonly { step: number; value: number | string }[] }[];
}

/** A trial's name in legends: `#12` when every trial is of one study, `study #12` otherwise. */
export function trialLabels(trials: readonly { number: number; study: { name: string } }[]): string[] {
  const oneStudy = new Set(trials.map((t) => t.study.name)).size <= 1;
  return trials.map((t) => (oneStudy ? `#${t.number}` : `${t.study.name} #${t.number}`));
}

/** Whether some trial reported `key` at more than one step: a curve, not a single (final) figure. */
function isCurve(trials: readonly CurveTrial[], key: string): boolean {
  return trials.some((t) => (t.metrics.find((m) => m.key === key)?.points.length ?? 0) > 1);
}

/**
 * One overlay per metric key (sorted) that some trial reported at several steps, one series per trial that
 * reported it; non-finite points dropped. Keys reported once per trial (epochs, a parameter count, the training
 * time) are figures, not curves: `singleValueRows` lists them.
 */
export function curvesByMetric(trials: readonly CurveTrial[]): { key: string; series: OverlaySeries[] }[] {
  const labels = trialLabels(trials);
  const keys = [...new Set(trials.flatMap((t) => t.metrics.map((m) => m.key)))]
    .filter((key) => isCurve(trials, key))
    .sort();
  return keys.map((key) => ({
    key,
    series: trials.flatMap((t, i) => {
      const metric = t.metrics.find((m) => m.key === key);
      if (!metric) return [];
      const points = metric.points
        .map((p) => ({ x: p.step, y: metricNumber(p.value) }))
        .filter((p): p is { x: number; y: number } => p.y !== null && Number.isFinite(p.y));
      return points.length > 0 ? [{ id: t.id, name: labels[i]!, points }] : [];
    }),
  }));
}

/** Metrics every trial reported at one step at most, side by side as rows (sorted by key), a dash where missing. */
export function singleValueRows(trials: readonly CurveTrial[]): ParamRow[] {
  const keys = [...new Set(trials.flatMap((t) => t.metrics.map((m) => m.key)))]
    .filter((key) => !isCurve(trials, key))
    .sort();
  return keys.map((name) => {
    const cells = trials.map((t) => {
      const point = t.metrics.find((m) => m.key === name)?.points[0];
      const value = point === undefined ? null : metricNumber(point.value);
      return value === null ? '—' : cell(value);
    });
    return { name, cells, differs: cells.some((c) => c !== cells[0]) };
  });
}

/** Final values side by side: one row per objective name any trial's study has. */
export function finalValueRows(
  trials: readonly {
    values: readonly (number | string)[] | null;
    study: { objectives: readonly { name: string }[] };
  }[],
): ParamRow[] {
  const names = [...new Set(trials.flatMap((t) => t.study.objectives.map((o) => o.name)))];
  return names.map((name) => {
    const cells = trials.map((t) => {
      const index = t.study.objectives.findIndex((o) => o.name === name);
      const value = index >= 0 ? metricNumber(t.values?.[index]) : null;
      return value === null ? '—' : cell(value);
    });
    return { name, cells, differs: cells.some((c) => c !== cells[0]) };
  });
}

export interface HistoryStudy {
  id: string;
  name: string;
  createdAt: string;
  bestSoFar: readonly { trialNumber: number; value: number | string; finishedAt: string | null }[];
  /** The study's highest-numbered finished trial (complete, pruned or failed), if any: where its line ends. */
  lastFinished: { nodes: readonly { number: number; finishedAt: string | null }[] };
}

/**
 * Each study's best-so-far history as a step series: against the trial number, or against the wall time since the
 * study was created (in minutes; points without a finish time are left out, and a trial inherited from a parent
 * study, finished before this one was created, counts at 0). The line carries on flat to the study's last finished
 * trial (that point has no marker: nothing improved there).
 */
export function bestSoFarSeries(studies: readonly HistoryStudy[], axis: 'number' | 'time'): OverlaySeries[] {
  return studies.map((s) => {
    const start = Date.parse(s.createdAt);
    const minutes = (at: string) => Math.max(0, (Date.parse(at) - start) / 60_000);
    const points: OverlayPoint[] = s.bestSoFar.flatMap((p) => {
      const y = metricNumber(p.value);
      if (y === null || !Number.isFinite(y)) return [];
      if (axis === 'number') return [{ x: p.trialNumber, y }];
      if (!p.finishedAt) return [];
      return [{ x: minutes(p.finishedAt), y }];
    });
    const last = points.at(-1);
    const end = s.lastFinished.nodes[0];
    const endX = !end
      ? null
      : axis === 'number'
        ? end.number
        : end.finishedAt
          ? minutes(end.finishedAt)
          : null;
    if (last && endX !== null && points.every((p) => p.x < endX))
      points.push({ x: endX, y: last.y, marker: false });
    return { id: s.id, name: s.name, points };
  });
}

type Objective = { name: string; direction: 'MINIMIZE' | 'MAXIMIZE' };

/** The objective the studies share (name and direction of the first), or null when their first objectives differ. */
export function sharedObjective(studies: readonly { objectives: readonly Objective[] }[]) {
  const first = studies[0]?.objectives[0];
  if (!first) return null;
  return studies.every(
    (s) => s.objectives[0]?.name === first.name && s.objectives[0]?.direction === first.direction,
  )
    ? first
    : null;
}

/**
 * What the study comparison's objective charts say and draw. Studies that share their first objective are drawn
 * on one axis named after it; studies that do not get axes that say "each study's first objective", and one
 * distribution (EDF) each, with its own objective and direction: one EDF for all would read every study with the
 * first study's direction ("fraction ≥ value" for a study that minimises).
 */
export function objectiveCharts<
  S extends { name: string; objectives: readonly Objective[]; objectiveValues: readonly number[] },
>(
  studies: readonly S[],
): {
  yLabel: string;
  edfTitle: string;
  edfs: {
    caption: string | null;
    objective: Objective | undefined;
    series: { name: string; values: readonly number[] }[];
  }[];
} {
  const shared = sharedObjective(studies);
  if (shared || studies.length < 2) {
    const objective = shared ?? studies[0]?.objectives[0];
    return {
      yLabel: `best ${objective?.name ?? 'objective'}`,
      edfTitle: `Distribution of ${objective?.name ?? 'the objective'} (EDF)`,
      edfs: [
        {
          caption: null,
          objective,
          series: studies.map((s) => ({ name: s.name, values: s.objectiveValues })),
        },
      ],
    };
  }
  return {
    yLabel: "best of each study's first objective",
    edfTitle: "Distribution of each study's first objective (EDF)",
    edfs: studies.map((s) => {
      const objective = s.objectives[0];
      return {
        caption: objective
          ? `${s.name}: ${objective.name} (${objective.direction === 'MINIMIZE' ? 'minimised' : 'maximised'})`
          : s.name,
        objective,
        series: [{ name: s.name, values: s.objectiveValues }],
      };
    }),
  };
}
