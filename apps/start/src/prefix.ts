/**
 * Splits a child's output into lines and prefixes each with the child's name (`api │ …`). A chunk may end
 * mid-line: the rest waits for the next chunk, so two children never interleave inside one line.
 */
export class LinePrefixer {
  private pending = '';

  constructor(
    private readonly prefix: string,
    private readonly emit: (line: string) => void,
    private readonly format: (line: string) => string | null = (line) => line,
  ) {}

  write(chunk: string): void {
    const text = this.pending + chunk;
    // Carriage returns rewrite a terminal line; in a shared log each rewrite is a line of its own.
    const parts = text.split(/\r?\n|\r/);
    this.pending = parts.pop() ?? '';
    for (const part of parts) this.line(part);
  }

  /** Emits what is left without a newline (the child has exited). */
  flush(): void {
    if (this.pending) this.line(this.pending);
    this.pending = '';
  }

  private line(raw: string): void {
    const formatted = this.format(raw);
    if (formatted === null) return;
    this.emit(`${this.prefix}${formatted}`);
  }
}

/** Pads names to one width so the bars line up: `api    │`, `runner │`. */
export function prefixFor(name: string, width: number): string {
  return `${name.padEnd(width)} │ `;
}

const pinoLevels: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
const pinoFields = new Set(['level', 'time', 'pid', 'hostname', 'msg']);

/**
 * The API logs JSON (pino) for machines; in a terminal beside the other children it reads better as
 * `warn message key=value`. Lines that are not pino JSON pass through unchanged.
 */
export function formatPinoLine(line: string): string {
  if (!line.startsWith('{')) return line;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return line;
  }
  if (typeof record !== 'object' || record === null || !('msg' in record)) return line;
  const fields = record as Record<string, unknown>;
  const level = typeof fields.level === 'number' ? (pinoLevels[fields.level] ?? String(fields.level)) : 'info';
  const extras = Object.entries(fields)
    .filter(([key]) => !pinoFields.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const head = level === 'info' ? String(fields.msg) : `${level} ${String(fields.msg)}`;
  return extras.length > 0 ? `${head} ${extras.join(' ')}` : head;
}

/** The last `limit` lines seen, to show why a child died. */
export class LineTail {
  private readonly lines: string[] = [];

  constructor(private readonly limit: number) {}

  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.limit) this.lines.shift();
  }

  get(): string[] {
    return [...this.lines];
  }
}
