/**
 * One thing wrong with a document, at `path` inside it (`['space', 'lr', 'low']`), with a message that names the
 * field, the rule and the value. The API turns it into a `userError` under `input`; the dashboard puts it on the
 * field the path names.
 */
export interface Issue {
  path: string[];
  message: string;
}
