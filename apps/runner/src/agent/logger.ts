export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** Whether a line at `level` is written: lets callers skip building lines nobody will see (per-epoch progress). */
  enabled(level: LogLevel): boolean;
  /** The same logger with `prefix` in front of every line, e.g. `[trial 12]`. */
  child(prefix: string): Logger;
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * Plain timestamped lines: a runner's log is read in a terminal or `journalctl`, not parsed. Problems go to
 * stderr, progress to stdout.
 */
export function createLogger(
  level: LogLevel = 'info',
  write: (level: LogLevel, line: string) => void = (lineLevel, line) =>
    (lineLevel === 'warn' || lineLevel === 'error' ? process.stderr : process.stdout).write(`${line}\n`),
  prefix = '',
): Logger {
  const emit = (lineLevel: LogLevel, message: string) => {
    if (rank[lineLevel] < rank[level]) return;
    const tag = lineLevel === 'info' ? '' : `${lineLevel.toUpperCase()} `;
    write(lineLevel, `${new Date().toISOString()} ${tag}${prefix}${message}`);
  };
  return {
    debug: (message) => emit('debug', message),
    info: (message) => emit('info', message),
    warn: (message) => emit('warn', message),
    error: (message) => emit('error', message),
    enabled: (lineLevel) => rank[lineLevel] >= rank[level],
    child: (more) => createLogger(level, write, `${prefix}${more} `),
  };
}

/** Collects lines in memory (tests) and can pass them on. */
export function memoryLogger(lines: string[] = [], echo = false): Logger {
  return createLogger('debug', (_level, line) => {
    lines.push(line);
    if (echo) console.log(line);
  });
}
