import { describe, expect, it } from 'vitest';
import { collectJsonl, jsonlFileName, type JsonlPage } from './export-jsonl.ts';

/** A fake API: `count` trials, `size` a page, cursors as the API hands them out (opaque strings). */
function pages(count: number, size: number) {
  const seen: (string | null)[] = [];
  const fetchPage = async (after: string | null): Promise<JsonlPage> => {
    seen.push(after);
    const from = after === null ? 0 : Number(after.slice(2)) + 1;
    const lines = Array.from({ length: Math.max(0, Math.min(size, count - from)) }, (_, i) =>
      JSON.stringify({ number: from + i, state: 'COMPLETE', curves: { loss: [[0, 'NaN']] } }),
    );
    const last = from + lines.length - 1;
    const hasNextPage = last < count - 1;
    return { lines, hasNextPage, endCursor: hasNextPage ? `c:${last}` : null };
  };
  return { fetchPage, seen };
}

describe('collectJsonl', () => {
  it('follows the cursor to the last page and writes one trial a line, each ending in a newline', async () => {
    const api = pages(7, 3);
    const text = await collectJsonl(api.fetchPage);
    expect(api.seen).toEqual([null, 'c:2', 'c:5']);
    expect(text.endsWith('\n')).toBe(true);
    const trials = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { number: number; curves: unknown });
    expect(trials.map((t) => t.number)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(trials[0]!.curves).toEqual({ loss: [[0, 'NaN']] });
  });

  it('gives an empty file for a study without trials', async () => {
    expect(await collectJsonl(pages(0, 3).fetchPage)).toBe('');
  });

  it('refuses a cursor that does not move and stops after the page limit', async () => {
    const stuck = async (): Promise<JsonlPage> => ({ lines: ['{}'], hasNextPage: true, endCursor: 'same' });
    await expect(collectJsonl(stuck)).rejects.toThrow(
      'the export stopped moving after 2 trials (cursor "same")',
    );
    await expect(collectJsonl(pages(50, 3).fetchPage, 4)).rejects.toThrow(
      /more than 4 pages; use the Python client's study.export_jsonl/,
    );
  });

  it('names the file after the study', () => {
    expect(jsonlFileName('lr sweep / v2')).toBe('lr-sweep-v2-trials.jsonl');
    expect(jsonlFileName('***')).toBe('study-trials.jsonl');
  });
});
