import { describe, expect, it } from 'vitest';
import { mergeLines, type LogLine } from './log-lines.ts';

const line = (offset: number, text = `l${offset}`): LogLine => ({ offset, attempt: 0, stream: 'RUNNER', text });

describe('mergeLines', () => {
  it('appends only lines after the newest held, so a page read twice adds nothing twice', () => {
    const held = [line(10), line(20)];
    expect(mergeLines(held, [line(20), line(30)]).map((l) => l.offset)).toEqual([10, 20, 30]);
    expect(mergeLines(held, [line(5), line(20)])).toBe(held);
  });

  it('keeps the last lines when more arrive than the page shows', () => {
    const held = Array.from({ length: 4 }, (_, i) => line(i + 1));
    expect(mergeLines(held, [line(5), line(6)], 4).map((l) => l.offset)).toEqual([3, 4, 5, 6]);
  });
});
