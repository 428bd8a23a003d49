import { describe, expect, it } from 'vitest';
import { formatPinoLine, LinePrefixer, LineTail, prefixFor } from './prefix.ts';

describe('LinePrefixer', () => {
  it('prefixes whole lines and holds a partial line until it ends', () => {
    const lines: string[] = [];
    const prefixer = new LinePrefixer('api │ ', (line) => lines.push(line));
    prefixer.write('one\ntw');
    expect(lines).toEqual(['api │ one']);
    prefixer.write('o\r\nthree');
    expect(lines).toEqual(['api │ one', 'api │ two']);
    prefixer.flush();
    expect(lines).toEqual(['api │ one', 'api │ two', 'api │ three']);
  });

  it('makes each carriage-return rewrite of a status line a line of its own', () => {
    const lines: string[] = [];
    const prefixer = new LinePrefixer('r │ ', (line) => lines.push(line));
    prefixer.write('epoch 1\repoch 2\n');
    expect(lines).toEqual(['r │ epoch 1', 'r │ epoch 2']);
  });

  it('drops lines its format rejects', () => {
    const lines: string[] = [];
    const prefixer = new LinePrefixer('x │ ', (line) => lines.push(line), (line) => (line.startsWith('#') ? null : line.toUpperCase()));
    prefixer.write('#skip\nkeep\n');
    expect(lines).toEqual(['x │ KEEP']);
  });
});

describe('prefixFor', () => {
  it('pads names to one width so the bars line up', () => {
    expect(prefixFor('api', 6)).toBe('api    │ ');
    expect(prefixFor('runner', 6)).toBe('runner │ ');
  });
});

describe('formatPinoLine', () => {
  it('shows a pino record as level, message and extra fields', () => {
    const line = JSON.stringify({ level: 40, time: 1, pid: 2, hostname: 'h', msg: 'slow query', ms: 120 });
    expect(formatPinoLine(line)).toBe('warn slow query ms=120');
    expect(formatPinoLine(JSON.stringify({ level: 30, time: 1, msg: 'ready', url: 'http://x' }))).toBe('ready url=http://x');
  });

  it('passes other lines through unchanged', () => {
    expect(formatPinoLine('plain text')).toBe('plain text');
    expect(formatPinoLine('{not json')).toBe('{not json');
    expect(formatPinoLine('{"a":1}')).toBe('{"a":1}');
  });
});

describe('LineTail', () => {
  it('keeps only the last lines', () => {
    const tail = new LineTail(2);
    for (const line of ['a', 'b', 'c']) tail.push(line);
    expect(tail.get()).toEqual(['b', 'c']);
  });
});
