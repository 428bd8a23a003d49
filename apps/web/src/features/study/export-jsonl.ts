// Export as JSON lines: the study's trials read page by page from `Study.exportJsonl` and joined into one file.

/** One page as the API answers it. */
export interface JsonlPage {
  lines: readonly string[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/** Trials a request (the API allows 1 to 200). */
export const JSONL_PAGE_SIZE = 100;
/** Pages one export reads at most (100,000 trials): a runaway cursor cannot loop forever. */
export const JSONL_MAX_PAGES = 1_000;

/**
 * Reads every page through `fetchPage(after)` and returns the JSON-lines text (one trial a line, each ending in
 * a newline). Stops at the last page; refuses a cursor that does not move and more than `maxPages` pages.
 */
export async function collectJsonl(
  fetchPage: (after: string | null) => Promise<JsonlPage>,
  maxPages = JSONL_MAX_PAGES,
): Promise<string> {
  const lines: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < maxPages; page += 1) {
    const result = await fetchPage(after);
    lines.push(...result.lines);
    if (!result.hasNextPage) return lines.map((line) => `${line}\n`).join('');
    if (result.endCursor === null || result.endCursor === after)
      throw new Error(
        `the export stopped moving after ${lines.length} trials (cursor ${JSON.stringify(result.endCursor)})`,
      );
    after = result.endCursor;
  }
  throw new Error(
    `the export has more than ${maxPages} pages; use the Python client's study.export_jsonl(path) for a study this large`,
  );
}

/** A file name from the study's name: letters, digits, dot, dash and underscore kept, the rest as `-`. */
export function jsonlFileName(studyName: string): string {
  const base = studyName
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'study'}-trials.jsonl`;
}
