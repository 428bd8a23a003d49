import type { LogLevel } from './logger.ts';

/** Where a trial's per-epoch progress goes: one rewritten terminal line, or a log line per epoch. */
export interface ProgressSink {
  /** The trial's current progress; replaces its previous one. */
  update(key: string, text: string): void;
  /** The trial ended (its final line is logged separately): forget its progress. */
  end(key: string): void;
}

export interface TrialProgress {
  number: number;
  study: string;
  /** `epoch` for templates, `step` for commands (their steps are whatever the script counts). */
  unit: 'epoch' | 'step';
  step: number;
  total?: number;
  metric?: { key: string; value: number };
  elapsedMs: number;
  etaMs?: number;
}

export function formatDuration(ms: number): string {
  const s = ms / 1000;
  if (s < 90) return `${s.toFixed(1)} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

export function formatValue(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 1e4 || Math.abs(value) < 1e-3 ? value.toExponential(3) : value.toFixed(4);
}

/** `trial 12 · digits-mlp · epoch 7/40 · val_accuracy=0.9312 · 3.1 s elapsed · ETA 14.2 s` */
export function formatProgress(p: TrialProgress): string {
  return [
    `trial ${p.number}`,
    p.study,
    `${p.unit} ${p.step}${p.total !== undefined ? `/${p.total}` : ''}`,
    ...(p.metric ? [`${p.metric.key}=${formatValue(p.metric.value)}`] : []),
    `${formatDuration(p.elapsedMs)} elapsed`,
    ...(p.etaMs !== undefined ? [`ETA ${formatDuration(p.etaMs)}`] : []),
  ].join(' · ');
}

/**
 * Progress on an interactive terminal: the running trials share one status line, rewritten in place; log lines
 * are printed above it (the status is wiped, the line written, the status drawn again), so nothing interleaves.
 * Use `write` as the logger's output.
 */
export class TtyProgress implements ProgressSink {
  private readonly status = new Map<string, string>();
  private drawn = false;

  constructor(private readonly out: { write(text: string): unknown; columns?: number } = process.stdout) {}

  update(key: string, text: string): void {
    this.status.set(key, text);
    this.draw();
  }

  end(key: string): void {
    if (this.status.delete(key)) this.draw();
  }

  /** Logger output: errors and warnings still go to stderr, after the status line is wiped. */
  readonly write = (level: LogLevel, line: string): void => {
    this.wipe();
    (level === 'warn' || level === 'error' ? process.stderr : this.out).write(`${line}\n`);
    this.draw();
  };

  private wipe(): void {
    if (this.drawn) this.out.write('\r\x1b[K');
    this.drawn = false;
  }

  private draw(): void {
    this.wipe();
    if (this.status.size === 0) return;
    // Longer than the terminal, the line would wrap and `\r` could no longer rewrite it.
    const width = Math.max(20, (this.out.columns ?? 120) - 1);
    const line = [...this.status.values()].join('  |  ');
    this.out.write(line.length > width ? `${line.slice(0, width - 1)}…` : line);
    this.drawn = true;
  }
}
